import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';
import { BOM } from '../../server/src/core';

/** Applies non-overlapping edits as LSP clients do (inserts at one place keep their order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edited.md', 'markdown', 0, text), edits);
}

/**
 * The bytes of a fixed file: the edits apply to the text (positions count without a byte order
 * mark), and the mark is written back in front when the file had one.
 */
export function fixedBytes(file: { text: string; bom: boolean }, edits: TextEdit[]): Buffer {
  return Buffer.from((file.bom ? BOM : '') + applyEdits(file.text, edits), 'utf8');
}
