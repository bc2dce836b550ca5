import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { MinutesConfig } from '../config/types';
import type { MinutesLine, CheckedModel } from '../model/types';

/** The start of a document, where findings about the document as a whole go when it has no title. */
export const DOCUMENT_START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Where a finding about the meeting date points: the title's date, else the title, else the start. */
export function dateAnchor(model: CheckedModel): Range {
  return model.title?.date?.range ?? model.title?.range ?? DOCUMENT_START;
}

/** The URL of a minutes file: `{linkBase}iaas/20220928.md`. */
export function fileUrl(config: MinutesConfig, path: string): string {
  return config.linkBase + path;
}

/** The URL of a team's folder: GitHub shows folders under `tree/`, files under `blob/`. */
export function folderUrl(config: MinutesConfig, folder: string): string {
  return config.linkBase.replace(/\/blob\/([^/]+)\/$/u, '/tree/$1/') + folder;
}

/** Whether the roll-up writes its minutes lines as `[Minutes](URL)` rather than `Minutes: URL`. */
function usesMarkdownLinks(model: CheckedModel): boolean {
  const styles = (model.updates?.entries ?? []).map((e) => e.minutesLine?.style).filter((s) => s === 'label' || s === 'markdown-link');
  return styles.length > 0 && styles.filter((s) => s === 'markdown-link').length > styles.length / 2;
}

/** A minutes line in the style the document already uses. */
export function linkedLine(model: CheckedModel, url: string): string {
  return usesMarkdownLinks(model) ? `[Minutes](${url})` : `Minutes: ${url}`;
}

export function pendingLine(config: MinutesConfig, folder: string | undefined): string {
  return folder ? `Minutes not available yet: ${folderUrl(config, folder)}` : 'Minutes: none yet';
}

/**
 * What of a minutes line a new minutes line replaces, keeping the words after it: `Minutes: URL`
 * (and `<URL>`) from its label through the URL, `[Minutes](URL)` as a whole, a note as its line.
 * Undefined where the line is not written as expected: no fix then, rather than a wrong one.
 */
export function minutesLinkSpan(model: CheckedModel, line: MinutesLine): Range | undefined {
  if (line.style === 'note' || !line.urlRange) return line.style === 'markdown-link' ? undefined : line.range;
  const { text, lines } = model;
  const urlStart = lines.offsetAt(line.urlRange.start);
  const urlEnd = lines.offsetAt(line.urlRange.end);
  if (line.style === 'label') return { start: line.range.start, end: lines.positionAt(urlEnd + (text[urlEnd] === '>' ? 1 : 0)) };
  const open = text.lastIndexOf('[', urlStart);
  if (open < 0 || !text.startsWith('](', urlStart - 2) || text[urlEnd] !== ')' || text.slice(open, urlStart).includes('\n\n')) return undefined;
  return lines.range(open, urlEnd + 1);
}

/** Replaces `range` by `newText`, touching only the characters that really change. */
export function minimalReplace(model: CheckedModel, range: Range, newText: string): TextEdit {
  const start = model.lines.offsetAt(range.start);
  const end = model.lines.offsetAt(range.end);
  const old = model.text.slice(start, end);
  let prefix = 0;
  while (prefix < old.length && prefix < newText.length && old[prefix] === newText[prefix]) prefix++;
  let suffix = 0;
  while (suffix < old.length - prefix && suffix < newText.length - prefix && old[old.length - 1 - suffix] === newText[newText.length - 1 - suffix]) suffix++;
  return { range: model.lines.range(start + prefix, end - suffix), newText: newText.slice(prefix, newText.length - suffix) };
}

export function insertAt(model: CheckedModel, offset: number, text: string): TextEdit {
  const at = model.lines.positionAt(offset);
  return { range: { start: at, end: at }, newText: text };
}

/** Inserts whole lines before the line containing `offset`. */
export function insertLinesBefore(model: CheckedModel, offset: number, lines: string): TextEdit {
  const line = model.lines.positionAt(offset).line;
  return insertAt(model, model.lines.offsetAt({ line, character: 0 }), lines);
}

/** Appends whole lines at the end of the document, after a blank line, in the document's line breaks. */
export function appendLines(model: CheckedModel, lines: string): TextEdit {
  const text = model.text;
  const nl = eol(model);
  const separator = text === '' ? '' : text.endsWith(nl + nl) ? '' : text.endsWith(nl) ? nl : nl + nl;
  return insertAt(model, text.length, separator + lines);
}

/** The line break the document uses most (`\n`, `\r\n` or a lone `\r`): what inserted lines end with. */
export function eol(model: CheckedModel): string {
  return lineBreakOf(model.text);
}

export function lineBreakOf(text: string): string {
  let crlf = 0;
  let cr = 0;
  let lf = 0;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) {
    if (text.charCodeAt(i + 1) === 10) crlf++;
    else cr++;
  }
  if (crlf === 0 && cr === 0) return '\n';
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lf++;
  lf -= crlf;
  return cr > crlf && cr > lf ? '\r' : crlf >= lf ? '\r\n' : '\n';
}
