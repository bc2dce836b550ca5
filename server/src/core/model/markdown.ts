import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { splitAtHeadings, type Chunk } from './chunks';

const micromarkExtensions = [frontmatter(['yaml']), gfmAutolinkLiteral()];
const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmAutolinkLiteralFromMarkdown()];
// CommonMark with front matter only: for titles (no links needed) and for pathological text.
const plainExtensions = { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] };

/**
 * Markdown as GitHub reads it, as far as minutes need: bare URLs are links there
 * (`Minutes: https://...`), and YAML front matter is metadata, not a heading.
 */
export function parseWhole(text: string): Root {
  // Inputs on which micromark's time grows faster than their length (a pasted log, hundreds of
  // nesting levels, a line of a megabyte) are no minutes anyone writes: such a piece is read as
  // opaque text, found in one linear scan, so that nothing hangs on it.
  const hostile = hostileInput(text);
  if (hostile) return opaque(text, hostile);
  try {
    return pruned(fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions }));
  } catch (error) {
    if (error instanceof RangeError) return opaque(text, 'nested too deeply');
    throw error;
  }
}

/**
 * The tree cut down to what the model reads (see buildModel): headings, paragraphs with their
 * inline content, and the first paragraph of each list item; positions only where offsets are
 * read (blocks, paragraphs, links). Parsed pieces are kept between versions of an open document:
 * the whole tree of a 5 MB document would take hundreds of megabytes.
 */
function pruned(root: Root): Root {
  root.children = root.children.map(prunedBlock);
  return root;
}

function prunedBlock(block: RootContent): RootContent {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      block.children.forEach(prunedInline);
      return block;
    case 'list':
      for (const item of block.children) {
        const first = item.children[0];
        item.children = first?.type === 'paragraph' ? [prunedBlock(first) as typeof first] : [];
        delete item.position;
      }
      return block;
    default:
      // Other blocks only close sections and stand between paragraphs: their type and place are enough.
      return { type: block.type, position: block.position } as RootContent;
  }
}

function prunedInline(node: Nodes): void {
  if (node.type !== 'link') delete node.position;
  if ('children' in node) (node.children as Nodes[]).forEach(prunedInline);
}

/** Why Markdown of this text would take too long to read, if it would (one pass over the text). */
export function hostileInput(text: string): string | undefined {
  // One piece is read in one go, holding up everything else: its size bounds that time.
  if (text.length > MAX_PIECE) return `a section of ${Math.round(text.length / 1024)} KB without headings`;
  let lineStart = 0;
  let runOfLines = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const length = lineEnd - lineStart;
    if (length >= MAX_LINE) return `a line of ${length} characters`;
    // The nesting this line asks for: quote markers, list markers followed by a space, and
    // indentation (two columns a level); a rule of dashes is no nesting.
    let depth = 0;
    for (let i = lineStart; i < lineEnd && depth < MAX_NESTING; i++) {
      const c = text.charCodeAt(i);
      if (c === 62 /* > */) depth++;
      else if (c === 32 || c === 9) depth += c === 9 ? 2 : 0.5;
      else if ((c === 45 || c === 42 || c === 43) /* - * + */ && (text.charCodeAt(i + 1) === 32 || text.charCodeAt(i + 1) === 9)) depth++;
      else break;
    }
    if (depth >= MAX_NESTING) return `nesting of ${MAX_NESTING} levels or more`;
    runOfLines = /\S/u.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 200))) ? runOfLines + 1 : 0;
    if (runOfLines >= MAX_LINES_WITHOUT_BREAK) return `${MAX_LINES_WITHOUT_BREAK} lines without a blank line`;
    lineStart = lineEnd + 1;
  }
  return undefined;
}

// No minutes have these; each is far beyond the largest real case and far below the slow cases.
const MAX_LINE = 100_000;
const MAX_NESTING = 200;
const MAX_LINES_WITHOUT_BREAK = 2_000;
// Ten times the largest file of a real minutes repository; read in well under a second.
const MAX_PIECE = 256 * 1024;

/** Marks a tree as read only in part: see `notFullyRead` of the model. */
export function opaqueReason(root: Root): string | undefined {
  const data: { opaque?: string } | undefined = root.data;
  return data?.opaque;
}

/**
 * A piece read as opaque text: its first line still as a heading if it is one (the section stays
 * in the outline and the roll-up), the rest one paragraph.
 */
function opaque(text: string, reason: string): Root {
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak < 0 ? text : text.slice(0, firstBreak);
  const children: RootContent[] = [];
  let offset = 0;
  if (/^#{1,6}(?:[ \t]|$)/u.test(firstLine) && firstLine.length < MAX_LINE) {
    children.push(...fromMarkdown(firstLine, plainExtensions).children);
    offset = firstBreak < 0 ? text.length : firstBreak + 1;
  }
  if (offset < text.length) children.push(...unreadable(text.slice(offset)).children.map((node) => shifted(node, offset, text.slice(0, offset).split('\n').length - 1)));
  const end = { line: text.split('\n').length, column: text.length - text.lastIndexOf('\n'), offset: text.length };
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end }, data: { opaque: reason } };
}

function shifted<T extends Nodes>(node: T, offset: number, line: number): T {
  shift(node, offset, line);
  return node;
}

/** A document that is not read as Markdown at all: one paragraph, so that nothing hangs on it. */
function unreadable(text: string): Root {
  const end = { line: text.split('\n').length, column: text.length - text.lastIndexOf('\n'), offset: text.length };
  const start = { line: 1, column: 1, offset: 0 };
  return { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: text, position: { start, end } }], position: { start, end } }], position: { start, end } };
}

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
}

/**
 * Parses a document piece by piece (see chunks.ts), reusing the pieces of `cache` whose text is
 * unchanged, and returns the same tree a whole-document parse gives.
 */
export function parseMarkdown(text: string, cache?: ChunkCache): Root {
  return finish(parseMarkdownInSteps(text, cache));
}

/** Runs a stepwise computation to its end. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `parseMarkdown` in steps: it pauses after each batch of pieces it had to parse, so that a caller
 * can answer other requests in between and drop the work when a newer version comes.
 */
export function* parseMarkdownInSteps(text: string, cache?: ChunkCache): Generator<void, Root> {
  const chunks = splitAtHeadings(text);
  if (chunks.length === 1) return parseWhole(text);
  const reused = reusable(chunks, cache?.pieces ?? []);
  const parsedNow = new Map<Chunk, ParsedChunk>();
  for (const batch of batches(chunks.filter((_, i) => !reused[i]))) {
    parseTogether(batch).forEach((parsed, i) => parsedNow.set(batch[i], parsed));
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
  if (cache) cache.pieces = pieces;
  const lastLineStart = text.lastIndexOf('\n') + 1;
  const last = chunks[chunks.length - 1];
  const endLine = last.line + 1 + (last.text.match(/\n/gu)?.length ?? 0);
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: endLine, column: text.length - lastLineStart + 1, offset: text.length } },
    ...(reasons.length ? { data: { opaque: reasons[0] } } : {}),
  };
}

// Small pieces are parsed together: each run of the parser has a fixed cost (a roll-up of thousands
// of sections would spend most of its time on it), and a batch is still a short step.
const BATCH_CHARS = 8 * 1024;

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
  if (pieces.length === 1) return [{ root: parseWhole(pieces[0].text), offset: 0, line: 0 }];
  const text = pieces.map((p) => p.text).join('');
  let root: Root;
  try {
    root = pruned(fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions }));
  } catch {
    return pieces.map((piece) => ({ root: parseWhole(piece.text), offset: 0, line: 0 }));
  }
  return nodesByPiece(root, pieces.map((p) => p.text)).map(({ children, offset, line }) => ({ root: { type: 'root', children }, offset, line }));
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
function reusable(chunks: Chunk[], previous: ChunkCache['pieces']): Array<ParsedChunk | undefined> {
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
  for (let i = head; i < previous.length - tail; i++) {
    const list = byText.get(previous[i].text);
    if (list) list.push(previous[i].parsed);
    else byText.set(previous[i].text, [previous[i].parsed]);
  }
  for (let i = head; i < chunks.length - tail; i++) reused[i] = byText.get(chunks[i].text)?.shift();
  return reused;
}

function shift(node: Nodes, offset: number, line: number): void {
  if (node.position) {
    node.position.start.offset! += offset;
    node.position.end.offset! += offset;
    node.position.start.line += line;
    node.position.end.line += line;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shift(child, offset, line);
}



/**
 * Parses the given pieces alone (each where it stands in the document): a partial tree for reading
 * titles, which need no link detection (a title's text and dates read the same either way).
 */
export function parseChunks(chunks: Chunk[]): Root {
  // In one run (see parseTogether), each piece's nodes then moved to where the piece stands.
  const joined = chunks.map((c) => (c.text.endsWith('\n') ? c.text : `${c.text}\n`));
  const root = fromMarkdown(joined.join(''), plainExtensions);
  nodesByPiece(root, joined).forEach(({ children, offset, line }, i) => {
    for (const node of children) shift(node, chunks[i].offset - offset, chunks[i].line - line);
  });
  return root;
}

/**
 * Slide decks (HedgeDoc `type: slide`, reveal.js `slideOptions`, Marp) live next to minutes but are
 * not minutes. Read from the text, not the tree: people start the front matter after blank lines,
 * where Markdown no longer sees it as front matter (it becomes a rule and a heading).
 */
export function isSlideDeck(text: string): boolean {
  const start = text.slice(0, 8192);
  const head = FRONT_MATTER.exec(start);
  return (head !== null && SLIDE_KEYS.test(head[1])) || REVEAL_MARKUP.test(start);
}

// A `---` block at the start, after blank lines (and a byte-order mark) if any.
const FRONT_MATTER = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;
// reveal.js slide attributes (`<!-- .slide: data-background=... -->`) and styles of its `.reveal`/`.slides` classes.
const REVEAL_MARKUP = /<!--\s*\.slide:|^\s*\.(?:reveal|slides)\b[^{\n]*\{/mu;
const SLIDE_KEYS = /^\s*(?:type:\s*["']?slides?\b|slideOptions:|marp:\s*true)/imu;
