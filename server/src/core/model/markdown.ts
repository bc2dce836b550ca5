import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { splitAtHeadings } from './chunks';

const micromarkExtensions = [frontmatter(['yaml']), gfmAutolinkLiteral()];
const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmAutolinkLiteralFromMarkdown()];

/**
 * Markdown as GitHub reads it, as far as minutes need: bare URLs are links there
 * (`Minutes: https://...`), and YAML front matter is metadata, not a heading.
 */
export function parseWhole(text: string): Root {
  return fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
}

/** Parsed pieces of earlier versions, by their text: typing changes one piece, the others are reused. */
export type ChunkCache = Map<string, Root>;

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
    let root = cache?.get(chunk.text) ?? fresh.get(chunk.text);
    if (!root) root = parseWhole(chunk.text);
    fresh.set(chunk.text, root);
    for (const node of root.children) children.push(shifted(node, chunk.offset, chunk.line));
  }
  if (cache) {
    cache.clear();
    for (const [key, value] of fresh) cache.set(key, value);
  }
  const lines = text.split('\n');
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: { line: lines.length, column: lines[lines.length - 1].length + 1, offset: text.length } },
  };
}

/** A copy of a piece's node at its place in the whole document (cached pieces stay untouched). */
function shifted<T extends Nodes>(node: T, offset: number, line: number): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = {
      start: { line: start.line + line, column: start.column, offset: start.offset! + offset },
      end: { line: end.line + line, column: end.column, offset: end.offset! + offset },
    };
  }
  if ('children' in node && Array.isArray(node.children)) copy.children = (node.children as Nodes[]).map((c) => shifted(c, offset, line));
  return copy;
}

/** Slide decks (HedgeDoc `type: slide`, Marp) live next to minutes but are not minutes. */
export function isSlideDeck(root: Root): boolean {
  const first = root.children[0];
  return first?.type === 'yaml' && /^\s*(type:\s*slides?\b|slideOptions:|marp:\s*true)/imu.test(first.value);
}
