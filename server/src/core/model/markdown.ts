import type { Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { splitAtHeadings, type Chunk } from './chunks';
import { hostileInput, opaqueReason, plainExtensions, shift } from './hostileInput';
import { rememberLinks } from './links';
import { mdastExtensions, micromarkExtensions, parseWhole, pruned } from './mdast';
import { plainHeading } from './plainHeading';
import { finish } from './steps';

// A document read piece by piece, reusing the pieces of its last version. Reading one text is
// mdast.ts's job, guarding against hostile input hostileInput.ts's, telling slide decks slideDeck.ts's.
export { parseWhole } from './mdast';
export { finish } from './steps';

/** A parsed piece and where its nodes' positions currently put it. */
interface ParsedChunk {
  root: Root;
  offset: number;
  line: number;
}

/**
 * The parsed pieces of a document's last version, in order: typing changes one piece, the others
 * are reused. Found by comparing texts from both ends (no hashing of the whole document on every
 * keystroke), then by text for pieces that moved.
 */
export class ChunkCache {
  pieces: Array<{ text: string; parsed: ParsedChunk }> = [];
  /**
   * Pieces parsed by readings that were dropped before their end (a newer version came while a big
   * document was read): the next reading takes them over by text instead of parsing them again.
   */
  unfinished: Array<{ text: string; parsed: ParsedChunk }> = [];
}

/**
 * Parses a document piece by piece (see chunks.ts), reusing the pieces of `cache` whose text is
 * unchanged, and returns the same tree a whole-document parse gives.
 */
export function parseMarkdown(text: string, cache?: ChunkCache): Root {
  return finish(parseMarkdownInSteps(text, cache));
}

/**
 * `parseMarkdown` in steps: it pauses after each batch of pieces it had to parse, so that a caller
 * can answer other requests in between and drop the work when a newer version comes.
 */
export function* parseMarkdownInSteps(text: string, cache?: ChunkCache, readUpTo = Infinity): Generator<void, Root> {
  const all = splitAtHeadings(text);
  if (all.length === 1) return parseWhole(text, (tree) => rememberLinks(text, tree.children, 0));
  // The pieces that start from `readUpTo` on are read for their headings alone (see headingsOnly).
  const cut = readUpTo < text.length ? all.findIndex((c) => c.offset >= readUpTo) : -1;
  const chunks = cut > 0 ? all.slice(0, cut) : all;
  const reused = reusable(chunks, cache?.pieces ?? [], cache?.unfinished ?? []);
  // Splitting megabytes takes a step of its own.
  if (text.length > BATCH_CHARS * 64) yield;
  const parsedNow = new Map<Chunk, ParsedChunk>();
  for (const batch of batches(chunks.filter((_, i) => !reused[i]))) {
    parseTogether(batch).forEach((parsed, i) => {
      parsedNow.set(batch[i], parsed);
      cache?.unfinished.push({ text: batch[i].text, parsed });
    });
    yield;
  }
  const children: RootContent[] = [];
  const pieces = chunks.map((chunk, i) => {
    const parsed = reused[i] ?? parsedNow.get(chunk)!;
    // The model keeps no mdast nodes, so a reused piece is moved in place to where it now stands.
    if (parsed.offset !== chunk.offset || parsed.line !== chunk.line) {
      for (const node of parsed.root.children) shift(node, chunk.offset - parsed.offset, chunk.line - parsed.line);
      parsed.offset = chunk.offset;
      parsed.line = chunk.line;
    }
    children.push(...parsed.root.children);
    return { text: chunk.text, parsed };
  });
  const reasons = pieces.map((p) => opaqueReason(p.parsed.root)).filter((r) => r !== undefined);
  // Only pieces read whole are kept: a later reading of the whole document reuses them.
  if (cache) {
    cache.pieces = pieces;
    // A reading of the whole leaves nothing unfinished; one that stopped early keeps what it did not use, within bounds.
    const used = new Set(pieces.map((p) => p.parsed));
    cache.unfinished = cut > 0 ? cache.unfinished.filter((p) => !used.has(p.parsed)).slice(-all.length) : [];
  }
  const rest = cut > 0 ? all.slice(cut) : [];
  // The headings of the rest, a few hundred at a time (one run each, see parseTogether for why not one each).
  for (let i = 0; i < rest.length; i += HEADINGS_PER_STEP) {
    yield;
    children.push(...headingsOnly(rest.slice(i, i + HEADINGS_PER_STEP)).children);
  }
  const lastLineStart = text.lastIndexOf('\n') + 1;
  const last = all[all.length - 1];
  const endLine = last.line + 1 + (last.text.match(/\n/gu)?.length ?? 0);
  const readTo = rest.length ? { offset: rest[0].offset, line: rest[0].line } : undefined;
  // The first reason says why: where reading stopped, else a part read as opaque text.
  if (readTo) reasons.unshift(`${(text.length / 1e6).toFixed(1)} MB, of which only the headings from line ${readTo.line + 1} on are read`);
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: endLine, column: text.length - lastLineStart + 1, offset: text.length } },
    ...(reasons.length ? { data: { opaque: reasons[0], ...(readTo ? { readTo: readTo.offset } : {}) } } : {}),
  };
}

/**
 * The headings the pieces start with (each piece but the first of a document starts with one), in
 * one run: the sections of a part that is not read, without their content.
 */
function headingsOnly(pieces: Chunk[]): Root {
  const headings = pieces.map((c) => ({ ...c, text: c.text.slice(0, c.text.indexOf('\n') + 1 || c.text.length) }));
  // A heading line no minutes have (see hostileInput) is left out rather than read.
  return parseChunks(headings.filter((h) => h.text.length < MAX_HEADING_LINE));
}

const MAX_HEADING_LINE = 10_000;
const HEADINGS_PER_STEP = 500;

// Small pieces are parsed together: each run of the parser has a fixed cost (a roll-up of thousands
// of sections would spend most of its time on it), and a batch is still a short step.
// Nested lists take micromark about 5 ms a KB: 4 KB keeps a step near SLICE_MS of the server.
const BATCH_CHARS = 4 * 1024;

/** Pieces to parse in one run each: small ones together, a hostile one (see hostileInput) alone. */
function batches(pieces: Chunk[]): Chunk[][] {
  const result: Chunk[][] = [];
  let current: Chunk[] = [];
  let size = 0;
  for (const piece of pieces) {
    const alone = piece.text.length > BATCH_CHARS || hostileInput(piece.text) !== undefined;
    if (current.length && (alone || size + piece.text.length > BATCH_CHARS)) {
      result.push(current);
      current = [];
      size = 0;
    }
    if (alone) result.push([piece]);
    else {
      current.push(piece);
      size += piece.text.length;
    }
  }
  if (current.length) result.push(current);
  return result;
}

/**
 * Parses pieces in one run, as if they followed each other: each starts with a heading at column 0,
 * which ends whatever the one before left open, so each gets the nodes it gets alone.
 */
function parseTogether(pieces: Chunk[]): ParsedChunk[] {
  // The links of each piece are read from its whole tree, before it is cut down: the link checks need not read it again.
  const alone = (piece: Chunk): ParsedChunk => ({ root: parseWhole(piece.text, (tree) => rememberLinks(piece.text, tree.children, 0)), offset: 0, line: 0 });
  if (pieces.length === 1) return [alone(pieces[0])];
  const texts = pieces.map((p) => p.text);
  let root: Root;
  try {
    root = fromMarkdown(texts.join(''), { extensions: micromarkExtensions, mdastExtensions });
  } catch {
    return pieces.map(alone);
  }
  nodesByPiece(root, texts).forEach(({ children, offset }, i) => rememberLinks(texts[i], children, offset));
  return nodesByPiece(pruned(root), texts).map(({ children, offset, line }) => ({ root: { type: 'root', children }, offset, line }));
}

/**
 * The top-level nodes of a run over joined texts, split back by text, each with where its text
 * started in the run (offset, 0-based line).
 */
function nodesByPiece(root: Root, texts: string[]): Array<{ children: RootContent[]; offset: number; line: number }> {
  let offset = 0;
  let line = 0;
  let next = 0;
  return texts.map((text) => {
    const start = { offset, line };
    offset += text.length;
    line += text.split('\n').length - 1;
    const children: RootContent[] = [];
    while (next < root.children.length && root.children[next].position!.start.offset! < offset) children.push(root.children[next++]);
    return { children, ...start };
  });
}

/**
 * The earlier pieces each piece can take over, each at most once (one piece's nodes cannot stand
 * in two places): equal pieces from the start and from the end, then equal texts in between.
 */
function reusable(chunks: Chunk[], previous: ChunkCache['pieces'], unfinished: ChunkCache['unfinished'] = []): Array<ParsedChunk | undefined> {
  const reused = new Array<ParsedChunk | undefined>(chunks.length);
  let head = 0;
  while (head < chunks.length && head < previous.length && previous[head].text === chunks[head].text) {
    reused[head] = previous[head].parsed;
    head++;
  }
  let tail = 0;
  while (tail < chunks.length - head && tail < previous.length - head && previous[previous.length - 1 - tail].text === chunks[chunks.length - 1 - tail].text) {
    reused[chunks.length - 1 - tail] = previous[previous.length - 1 - tail].parsed;
    tail++;
  }
  if (head + tail === chunks.length) return reused;
  const byText = new Map<string, ParsedChunk[]>();
  for (const { text, parsed } of [...previous.slice(head, previous.length - tail), ...unfinished]) {
    const list = byText.get(text);
    if (list) list.push(parsed);
    else byText.set(text, [parsed]);
  }
  for (let i = head; i < chunks.length - tail; i++) reused[i] = byText.get(chunks[i].text)?.shift();
  return reused;
}

/**
 * Parses the given pieces alone (each where it stands in the document): a partial tree for reading
 * titles, which need no link detection (a title's text and dates read the same either way).
 */
export function parseChunks(chunks: Chunk[]): Root {
  // A piece that is one heading line of plain text is read directly (see plainHeading); the others
  // in one run (see parseTogether), each piece's nodes then moved to where the piece stands.
  const headings = chunks.map(plainHeading);
  const rest = chunks.filter((_, i) => !headings[i]);
  const joined = rest.map((c) => (c.text.endsWith('\n') ? c.text : `${c.text}\n`));
  const parsed = rest.length ? nodesByPiece(fromMarkdown(joined.join(''), plainExtensions), joined) : [];
  parsed.forEach(({ children, offset, line }, i) => {
    for (const node of children) shift(node, rest[i].offset - offset, rest[i].line - line);
  });
  let next = 0;
  // Without the position of the root: nothing reads it, and a run over some pieces has none of its own.
  return { type: 'root', children: chunks.flatMap((_, i) => headings[i] ?? parsed[next++].children) };
}
