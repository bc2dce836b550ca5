import { toString } from 'mdast-util-to-string';
import { parseWhole } from './mdast';

/**
 * One line of Markdown as a label shows it: link text for links, code without backticks, no
 * emphasis marks. A line Markdown would read as a block of its own (`1. ...`, `> ...`) stays as
 * written. Read as the minutes are (parseWhole), so a hostile line is read in linear time.
 */
export function plainText(markdown: string): string {
  if (!/[[\]`*_<]/u.test(markdown)) return markdown;
  const root = parseWhole(markdown);
  const [only] = root.children;
  return root.children.length === 1 && only.type === 'paragraph' ? toString(only).replace(/\s+/gu, ' ').trim() : markdown;
}
