/** The UTF-8 byte order mark as a character: a marker of the file, not text of the document. */
export const BOM = '\uFEFF';

/**
 * A file's text without its byte order mark, and whether it had one. Editors never show a BOM
 * and the Markdown parser skips it, so positions are counted on the text after it; it is written
 * back in front of the text when the file is saved.
 */
export function splitBom(text: string): { text: string; bom: boolean } {
  return text.startsWith(BOM) ? { text: text.slice(1), bom: true } : { text, bom: false };
}
