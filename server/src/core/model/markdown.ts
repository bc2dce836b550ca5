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
  // Bare-URL detection is quadratic in the length of a paragraph full of URLs and recurses once per
  // nesting level: for pathological text (a pasted log, thousands of nested lists) it is left out,
  // so such a document still opens, with its bare URLs as plain text.
  if (DEEP_NESTING.test(text)) return unreadable(text);
  if (LONG_LINE.test(text)) return fromMarkdown(text, plainExtensions);
  try {
    return fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
  } catch (error) {
    if (error instanceof RangeError) return fromMarkdown(text, plainExtensions);
    throw error;
  }
}

const LONG_LINE = /[^\n]{100000}/u;
// Hundreds of list or quote markers in a row: micromark's time grows with the cube of the nesting
// (10,000 levels take minutes), and no minutes nest like that.
const DEEP_NESTING = /(?:[-*+>][ \t]+){500}/u;

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

/** Parsed pieces of earlier versions, by their text: typing changes one piece, the others are reused. */
export type ChunkCache = Map<string, ParsedChunk>;

/**
 * Parses a document piece by piece (see chunks.ts), reusing the pieces of `cache` whose text is
 * unchanged, and returns the same tree a whole-document parse gives.
 */
export function parseMarkdown(text: string, cache?: ChunkCache): Root {
  const chunks = splitAtHeadings(text);
  if (chunks.length === 1) return parseWhole(text);
  const children: RootContent[] = [];
  const fresh: ChunkCache = new Map();
  for (const chunk of chunks) {
    // The same text twice in one document (two empty sections alike) needs its own nodes.
    let parsed = fresh.has(chunk.text) ? undefined : cache?.get(chunk.text);
    if (!parsed) parsed = { root: parseWhole(chunk.text), offset: 0, line: 0 };
    // The model keeps no mdast nodes, so a reused piece is moved in place to where it now stands.
    if (parsed.offset !== chunk.offset || parsed.line !== chunk.line) {
      for (const node of parsed.root.children) shift(node, chunk.offset - parsed.offset, chunk.line - parsed.line);
      parsed.offset = chunk.offset;
      parsed.line = chunk.line;
    }
    if (!fresh.has(chunk.text)) fresh.set(chunk.text, parsed);
    children.push(...parsed.root.children);
  }
  if (cache) {
    cache.clear();
    for (const [key, value] of fresh) cache.set(key, value);
  }
  const lastLineStart = text.lastIndexOf('\n') + 1;
  const last = chunks[chunks.length - 1];
  const endLine = last.line + 1 + (last.text.match(/\n/gu)?.length ?? 0);
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: endLine, column: text.length - lastLineStart + 1, offset: text.length } },
  };
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
  const children: RootContent[] = [];
  for (const chunk of chunks) {
    const root = fromMarkdown(chunk.text, plainExtensions);
    for (const node of root.children) shift(node, chunk.offset, chunk.line);
    children.push(...root.children);
  }
  return { type: 'root', children };
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
