import type { Heading } from 'mdast';
import type { Chunk } from './chunks';

// Characters that may start or end an inline construct of CommonMark (escapes, emphasis, code,
// links, images, autolinks, HTML), `&` where a character reference may start, and tabs and control
// characters (columns, line endings): a heading line without any is plain text between its markers
// (`Ops & IAM`, `Done!`). `!` opens an image only before `[`, which is syntax itself.
const INLINE_SYNTAX = /[\\*_`[\]<\p{Cc}]|&(?=#|[A-Za-z\d]+;)/u;

/**
 * The heading node micromark gives for a piece that is one ATX heading line of plain text, without
 * running micromark: its fixed cost per call is most of what reading the headings of a whole
 * repository takes (see parseChunks). Undefined where the line needs the parser.
 */
export function plainHeading(chunk: Chunk): Heading | undefined {
  const { text } = chunk;
  const newline = text.indexOf('\n');
  if (newline >= 0 && newline !== text.length - 1) return undefined;
  const line = text.slice(0, newline < 0 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline);
  const opening = /^#{1,6}(?: +|$)/u.exec(line);
  if (!opening || INLINE_SYNTAX.test(line)) return undefined;
  const start = opening[0].length;
  const depth = opening[0].indexOf(' ') < 0 ? start : opening[0].indexOf(' ');
  // The content ends before trailing spaces, and before a closing run of `#` that stands after a space (or alone).
  let end = withoutTrailingSpaces(line).length;
  const closing = line.charCodeAt(end - 1) === 35 /* # */ ? /(?:^| )#+$/u.exec(line.slice(start, end)) : null;
  if (closing) end = withoutTrailingSpaces(line.slice(0, start + closing.index)).length;
  const at = (column: number) => ({ line: chunk.line + 1, column: column + 1, offset: chunk.offset + column });
  return {
    type: 'heading',
    depth: depth as Heading['depth'],
    children: end > start ? [{ type: 'text', value: line.slice(start, end), position: { start: at(start), end: at(end) } }] : [],
    position: { start: at(0), end: at(line.length) },
  };
}

/** Only spaces: other white space (a no-break space) is text to CommonMark. */
function withoutTrailingSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return text.slice(0, end);
}
