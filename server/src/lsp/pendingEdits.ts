import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';

// Each edit TextDocument.update applies joins the whole text anew (about 2-8 ms at 2 MB): a burst
// of a thousand edits to a big document would hold the requests among them for seconds. Edits are
// kept here until the text is read, then applied together, each to the lines it touches.

/** More edits than this waiting are applied line by line; fewer, as TextDocument.update does. */
const FEW_EDITS = 4;

/** A document whose edits are applied when it is read, not as they come. */
class DocumentWithPendingEdits implements TextDocument {
  private pending: TextDocumentContentChangeEvent[] = [];
  private pendingVersion: number;

  constructor(private current: TextDocument) {
    this.pendingVersion = current.version;
  }

  get uri(): string {
    return this.current.uri;
  }
  get languageId(): string {
    return this.current.languageId;
  }
  get version(): number {
    return this.pendingVersion;
  }
  get lineCount(): number {
    return this.settled().lineCount;
  }
  getText(range?: Range): string {
    return this.settled().getText(range);
  }
  positionAt(offset: number): Position {
    return this.settled().positionAt(offset);
  }
  offsetAt(position: Position): number {
    return this.settled().offsetAt(position);
  }
  getLineRange(line: number): Range {
    return this.settled().getLineRange(line);
  }
  getEOLCharacters(line: number): string {
    return this.settled().getEOLCharacters(line);
  }

  edited(changes: TextDocumentContentChangeEvent[], version: number): this {
    this.pending.push(...changes);
    this.pendingVersion = version;
    return this;
  }

  private settled(): TextDocument {
    if (!this.pending.length) return this.current;
    const changes = this.pending;
    this.pending = [];
    if (changes.length <= FEW_EDITS) this.current = TextDocument.update(this.current, changes, this.pendingVersion);
    else this.current = TextDocument.create(this.uri, this.languageId, this.pendingVersion, applyByLines(this.current.getText(), changes));
    return this.current;
  }
}

/** For `new TextDocuments(...)`: documents that take a burst of edits without joining the text for each. */
export const pendingEdits: TextDocumentsConfiguration<TextDocument> = {
  create: (uri, languageId, version, content) => new DocumentWithPendingEdits(TextDocument.create(uri, languageId, version, content)),
  update: (document, changes, version) => (document as unknown as DocumentWithPendingEdits).edited(changes, version),
};

const LINE_BREAK = /\r\n|\r|\n/gu;

/** A text's lines, each with its line break; the last one (perhaps empty) without. */
function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    const end = match.index + match[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  lines.push(text.slice(start));
  return lines;
}

/** Applies edits one after another as TextDocument.update does, each only to the lines it touches. */
export function applyByLines(text: string, changes: TextDocumentContentChangeEvent[]): string {
  let lines = splitLines(text);
  for (const change of changes) {
    if (!('range' in change)) {
      lines = splitLines(change.text);
      continue;
    }
    const [from, to] = ordered(change.range);
    const start = clamped(lines, from);
    const end = clamped(lines, to);
    // With the lines on either side: a line break the edit splits or joins (`\r` + `\n`) is read anew.
    const first = Math.max(start.line - 1, 0);
    const last = Math.min(end.line + 1, lines.length - 1);
    const before = lines.slice(first, start.line).join('') + lines[start.line].slice(0, start.character);
    const after = lines[end.line].slice(end.character) + lines.slice(end.line + 1, last + 1).join('');
    const replaced = splitLines(before + change.text + after);
    // Only the document's last line has no line break: elsewhere the empty rest is no line.
    if (last < lines.length - 1) replaced.pop();
    // A pasted megabyte has too many lines to pass as arguments.
    if (replaced.length < 10_000) lines.splice(first, last - first + 1, ...replaced);
    else lines = [...lines.slice(0, first), ...replaced, ...lines.slice(last + 1)];
  }
  return lines.join('');
}

function ordered({ start, end }: Range): [Position, Position] {
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? [end, start] : [start, end];
}

/** A position as TextDocument.offsetAt reads it: past the end is the end, past a line's end is its end (before its line break). */
function clamped(lines: string[], { line, character }: Position): Position {
  if (line < 0) return { line: 0, character: 0 };
  if (line >= lines.length) return { line: lines.length - 1, character: lines[lines.length - 1].length };
  const text = lines[line];
  const length = text.length - (text.match(/(?:\r\n|\r|\n)$/u)?.[0].length ?? 0);
  return { line, character: Math.min(Math.max(character, 0), length) };
}
