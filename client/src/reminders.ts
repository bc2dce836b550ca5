import * as vscode from 'vscode';
import { vsdiag } from 'vscode-languageclient';

type DocumentDiagnosticReport = vsdiag.DocumentDiagnosticReport;

/**
 * Reminders about what the user is about to write (no minute taker yet in the new roll-up's Meta,
 * no minutes line yet under a new team heading) stay silent while the cursor is in that place,
 * and appear once the user has left it: a squiggle on the line where one types exactly that is noise.
 */
const REMINDERS = new Set(['missing-minute-taker', 'missing-minutes-link']);

type Next = (uri: vscode.Uri, diagnostics: vscode.Diagnostic[]) => void;
type Pull = (document: vscode.TextDocument | vscode.Uri, previousResultId: string | undefined, token: vscode.CancellationToken) => vscode.ProviderResult<DocumentDiagnosticReport>;

export class Reminders implements vscode.Disposable {
  /** What the server said last for each document, how many of them were shown, and how to show them again. */
  private readonly latest = new Map<string, { diagnostics: vscode.Diagnostic[]; next: Next; shown: number }>();
  /** Reminders the user has left once: shown from then on, until they are mended. */
  private readonly released = new Set<string>();
  private readonly subscription: vscode.Disposable;

  /** `repull` asks the editor to pull a document's diagnostics again (when they are pulled, not pushed). */
  constructor(private readonly repull: () => void = () => undefined) {
    this.subscription = vscode.window.onDidChangeTextEditorSelection(({ textEditor }) => this.republish(textEditor.document.uri));
  }

  /** The language client's `handleDiagnostics` middleware. */
  handle(uri: vscode.Uri, diagnostics: vscode.Diagnostic[], next: Next, again: Next = next): void {
    const key = uri.toString();
    const keys = new Set(diagnostics.filter(isReminder).map((d) => reminderKey(key, d)));
    for (const k of [...this.released]) if (k.startsWith(`${key}#`) && !keys.has(k)) this.released.delete(k);
    const shown = this.visible(uri, diagnostics);
    this.latest.set(key, { diagnostics, next: again, shown: shown.length });
    next(uri, shown);
  }

  /** The language client's `provideDiagnostics` middleware: the same for diagnostics the editor pulls. */
  async pulled(document: vscode.TextDocument | vscode.Uri, previousResultId: string | undefined, token: vscode.CancellationToken, next: Pull): Promise<DocumentDiagnosticReport | undefined | null> {
    const report = await next(document, previousResultId, token);
    if (report?.kind !== vsdiag.DocumentDiagnosticReportKind.full) return report;
    let items: vscode.Diagnostic[] = report.items;
    // Shown again on a cursor move by a new pull, which passes through here.
    this.handle(document instanceof vscode.Uri ? document : document.uri, report.items, (_, shown) => (items = shown), () => this.repull());
    return { ...report, items };
  }

  private republish(uri: vscode.Uri): void {
    const entry = this.latest.get(uri.toString());
    if (!entry) return;
    const shown = this.visible(uri, entry.diagnostics);
    if (shown.length === entry.shown) return;
    entry.shown = shown.length;
    entry.next(uri, shown);
  }

  private visible(uri: vscode.Uri, diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.uri.toString() !== uri.toString()) {
      // The user is elsewhere: every reminder has been left.
      diagnostics.filter(isReminder).forEach((d) => this.released.add(reminderKey(uri.toString(), d)));
      return diagnostics;
    }
    const cursor = editor.selection.active.line;
    return diagnostics.filter((d) => {
      if (!isReminder(d)) return true;
      const key = reminderKey(uri.toString(), d);
      if (this.released.has(key)) return true;
      if (inPlace(editor.document, d, cursor)) return false;
      this.released.add(key);
      return true;
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }
}

function isReminder(d: vscode.Diagnostic): boolean {
  return d.source === 'minutes' && REMINDERS.has(String(typeof d.code === 'object' ? d.code.value : d.code));
}

function reminderKey(uri: string, d: vscode.Diagnostic): string {
  return `${uri}#${String(typeof d.code === 'object' ? d.code.value : d.code)}#${d.range.start.line}`;
}

/** The place a reminder is about: its line down to the next heading. */
function inPlace(document: vscode.TextDocument, d: vscode.Diagnostic, line: number): boolean {
  if (line < d.range.start.line) return false;
  for (let l = d.range.start.line + 1; l <= line; l++) if (/^\s{0,3}#/u.test(document.lineAt(l).text)) return false;
  return true;
}
