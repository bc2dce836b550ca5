// Text no minutes have (a pasted log, a megabyte line, deep nesting), found in one linear scan and
// read as opaque text, so that no parse hangs on it.
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { frontmatter } from 'micromark-extension-frontmatter';

// CommonMark with front matter only: for titles (no links needed) and for pathological text.
export const plainExtensions = { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] };

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

/** Where the part of a document read whole ends (an offset), if reading stopped early (see parseMarkdownInSteps). */
export function readToOf(root: Root): number | undefined {
  const data: { readTo?: number } | undefined = root.data;
  return data?.readTo;
}

/**
 * A piece read as opaque text: its first line still as a heading if it is one (the section stays
 * in the outline and the roll-up), the rest one paragraph.
 */
export function opaque(text: string, reason: string): Root {
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

export function shift(node: Nodes, offset: number, line: number): void {
  if (node.position) {
    node.position.start.offset! += offset;
    node.position.end.offset! += offset;
    node.position.start.line += line;
    node.position.end.line += line;
  }
  if ('children' in node) for (const child of node.children as Nodes[]) shift(child, offset, line);
}
