import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver-types';

/** Applies non-overlapping edits as LSP clients do (inserts at one place keep their order). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edited.md', 'markdown', 0, text), edits);
}
