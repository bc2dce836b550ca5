import type { TextEdit } from 'vscode-languageserver-types';
import { LineIndex } from '../../server/src/core';

/** Applies non-overlapping edits; text outside their ranges is kept character for character. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = new LineIndex(text);
  // Back to front; inserts at the same place keep their order, as LSP clients apply them.
  const spans = edits
    .map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText, i }))
    .sort((a, b) => b.start - a.start || b.i - a.i);
  let result = text;
  for (const { start, end, newText } of spans) result = result.slice(0, start) + newText + result.slice(end);
  return result;
}
