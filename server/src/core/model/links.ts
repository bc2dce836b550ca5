import type { Nodes, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { splitAtHeadings } from './chunks';
import { hostileInput } from './hostileInput';
import { finish } from './steps';

/** A link destination of a document: `[text](dest)`, `[ref]: dest`, `<dest>` or a bare URL. */
export interface DocumentLink {
  /** The destination as Markdown reads it (escapes and character references resolved). */
  url: string;
  /** Where the destination is written in the document (offsets). */
  start: number;
  end: number;
  /** Whether the text there is `url` itself, so that an edit of part of it can be made. */
  verbatim: boolean;
}

const options = { extensions: [frontmatter(['yaml']), gfmAutolinkLiteral()], mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmAutolinkLiteralFromMarkdown()] };

// A link or definition whose destination is not a URL (`](x.md)`, `](#anchor)`, `]: x.md`).
const MAY_LINK_LOCALLY = /\]\(\s*<?(?![\s<]|[a-z][a-z\d+.-]*:|\/\/)|^ {0,3}\[[^\]\n]+\]:\s*<?(?![\s<]|[a-z][a-z\d+.-]*:|\/\/)/imu;

/**
 * The link destinations of a document, in order, that are not URLs or that start with one of
 * `urls` (case aside: `https://github.com/org/repo/`); pieces of the document without such a link
 * are not read at all. The model keeps only what its features read (the
 * first paragraph of list items, see markdown.ts), so links are read here, piece by piece (see
 * chunks.ts), each piece's links kept while its text is unchanged: typing re-reads one piece.
 */
export function readLinks(text: string, urls: readonly string[] = []): DocumentLink[] {
  return finish(readLinksInSteps(text, urls));
}

/** `readLinks` in steps, one a piece it reads: for a caller that must stay responsive (see parseMarkdownInSteps). */
export function* readLinksInSteps(text: string, urls: readonly string[] = []): Generator<void, DocumentLink[]> {
  const links: DocumentLink[] = [];
  const wanted = (url: string) => !/^[a-z][a-z\d+.-]*:|^\/\//iu.test(url) || urls.some((u) => url.toLowerCase().startsWith(u));
  for (const chunk of splitAtHeadings(text)) {
    const lower = urls.length ? chunk.text.toLowerCase() : '';
    if ((!MAY_LINK_LOCALLY.test(chunk.text) && !urls.some((u) => lower.includes(u))) || hostileInput(chunk.text)) continue;
    let found = byPiece.get(chunk.text);
    if (!found) {
      if (byPiece.size >= MAX_PIECES) byPiece.clear();
      byPiece.set(chunk.text, (found = linksOfPiece(chunk.text)));
      yield;
    }
    for (const link of found) if (wanted(link.url)) links.push({ ...link, start: link.start + chunk.offset, end: link.end + chunk.offset });
  }
  return links;
}

const byPiece = new Map<string, DocumentLink[]>();
// Enough for the pieces of the largest document read whole (see MAX_READ_CHARS of the server) and then some.
const MAX_PIECES = 20_000;

function linksOfPiece(text: string): DocumentLink[] {
  return linksOfTree(text, fromMarkdown(text, options).children, 0);
}

/**
 * The links of a piece (see chunks.ts) as the document's parse found them, its top-level nodes
 * standing `base` characters further than in the piece alone: kept, so that reading the piece's
 * links later needs no parse of its own. The parse must use `options`' syntax.
 */
export function rememberLinks(text: string, nodes: RootContent[], base: number): void {
  if (byPiece.has(text)) return;
  if (byPiece.size >= MAX_PIECES) byPiece.clear();
  byPiece.set(text, linksOfTree(text, nodes, base));
}

function linksOfTree(text: string, nodes: Nodes[], base: number): DocumentLink[] {
  const links: DocumentLink[] = [];
  const visit = (node: Nodes) => {
    if ((node.type === 'link' || node.type === 'definition') && node.position && node.url) {
      const labelEnd = node.type === 'link' ? lastChildEnd(node) : undefined;
      const span = destinationSpan(text, node.type, node.position.start.offset! - base, node.position.end.offset! - base, labelEnd === undefined ? undefined : labelEnd - base);
      if (span) links.push({ url: node.url, ...span, verbatim: text.slice(span.start, span.end) === node.url });
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  nodes.forEach(visit);
  return links;
}

function lastChildEnd(node: Nodes & { children: Nodes[] }): number | undefined {
  return node.children.at(-1)?.position?.end.offset;
}

/** Where the destination of a link or definition node stands in the text, if it can be told. */
function destinationSpan(text: string, type: 'link' | 'definition', start: number, end: number, labelEnd: number | undefined): { start: number; end: number } | undefined {
  // `<https://...>` autolinks, and bare URLs (GFM autolink literals): the node is the destination.
  if (type === 'link' && text[start] === '<' && text[end - 1] === '>') return { start: start + 1, end: end - 1 };
  if (type === 'link' && text[start] !== '[') return { start, end };
  const marker = type === 'link' ? '](' : ']:';
  const at = text.indexOf(marker, labelEnd ?? start + 1);
  if (at < 0 || at >= end) return undefined;
  let i = at + 2;
  while (i < end && /[ \t\r\n]/u.test(text[i])) i++;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    return close > i && close < end ? { start: i + 1, end: close } : undefined;
  }
  // A bare destination ends at white space, or at the `)` that closes the link (balanced ones are part of it).
  let depth = 0;
  let j = i;
  for (; j < end; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if (/\s/u.test(c)) break;
    else if (c === '(') depth++;
    else if (c === ')' && depth-- === 0) break;
  }
  return j > i ? { start: i, end: Math.min(j, end) } : undefined;
}
