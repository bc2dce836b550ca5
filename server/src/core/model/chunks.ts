/** A piece of a document that parses on its own exactly as it does inside the whole. */
export interface Chunk {
  offset: number;
  /** Line number (0-based) of the chunk's first line. */
  line: number;
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/u;
/** Whether the line at `offset` can be a heading (`#` at column 0) or a fence (up to 3 spaces, then ` or ~). */
function mayMatter(text: string, offset: number): boolean {
  if (text.charCodeAt(offset) === 35 /* # */) return true;
  let i = offset;
  while (i < offset + 3 && text.charCodeAt(i) === 32) i++;
  const c = text.charCodeAt(i);
  return c === 96 /* ` */ || c === 126 /* ~ */;
}
const HEADING = /^#{1,6}(?:[ \t]|$)/u;
// Constructs that may carry a `#` line at column 0 without it being a heading, or that refer across
// headings: HTML blocks and link reference definitions. Documents with them are parsed whole; but
// an HTML comment that closes on its own line ends there (`<!-- GitHub handles preferred -->` in pads),
// and a line opening with an autolink (`<https://...>`) or `< ` opens no HTML block: no tag name
// is followed by `:`, and none starts with a space.
const UNSAFE = /^ {0,3}(?:<(?!!--.*-->|[A-Za-z][A-Za-z\d+.-]*:|[ \t])|\[[^\]\n]+\]:)/mu;

/**
 * Splits a document before every `#` heading at column 0 outside fenced code and front matter.
 * Such a heading ends any container before it, so each piece parses exactly as it would in the
 * whole document; where that cannot be sure, the whole document is one piece.
 */
export function splitAtHeadings(text: string): Chunk[] {
  if (UNSAFE.test(text)) return [{ offset: 0, line: 0, text }];
  const chunks: Chunk[] = [];
  let start = 0;
  let startLine = 0;
  let fence: { char: string; length: number } | undefined;
  let offset = 0;
  let line = 0;
  if (text.startsWith('---')) {
    // Front matter ends at the next `---` line; YAML comments there start with `#`.
    const end = /\r?\n---[ \t]*(?:\r?\n|$)/u.exec(text.slice(3));
    if (end) {
      offset = 3 + end.index + end[0].length;
      line = text.slice(0, offset).split('\n').length - 1;
    }
  }
  while (offset < text.length) {
    const newline = text.indexOf('\n', offset);
    const end = newline < 0 ? text.length : newline + 1;
    // Most lines can be neither a heading nor a fence: their first characters say so, unsliced.
    if (!mayMatter(text, offset)) {
      offset = end;
      line++;
      continue;
    }
    const content = text.slice(offset, newline < 0 ? text.length : newline).replace(/\r$/u, '');
    const opener = FENCE.exec(content);
    // An indented fence may belong to a list item, where a column-0 heading would end it early or
    // late: such documents are parsed whole.
    if (opener && opener[0][0] === ' ' && !fence) return [{ offset: 0, line: 0, text }];
    if (fence) {
      if (opener && opener[1][0] === fence.char && opener[1].length >= fence.length && opener[2].trim() === '') fence = undefined;
    } else if (opener && !(opener[1][0] === '`' && opener[2].includes('`'))) {
      fence = { char: opener[1][0], length: opener[1].length };
    } else if (HEADING.test(content) && offset > start) {
      chunks.push({ offset: start, line: startLine, text: text.slice(start, offset) });
      start = offset;
      startLine = line;
    }
    offset = end;
    line++;
  }
  chunks.push({ offset: start, line: startLine, text: text.slice(start) });
  return chunks;
}
