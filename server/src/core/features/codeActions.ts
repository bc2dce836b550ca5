import { CodeActionKind, type CodeAction, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Finding } from '../rules/types';
import { toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.minutes`;

/** Quick fixes for the findings at `range`, one "fix all" per rule, and `source.fixAll.minutes`. */
export function codeActions(uri: string, findings: Finding[], range: Range, only?: string[]): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    for (const finding of findings.filter((f) => overlaps(f.range, range))) {
      const diagnostic = toDiagnostic(finding);
      for (const fix of finding.fixes ?? []) {
        actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: { changes: { [uri]: fix.edits } } });
      }
      const sameRule = findings.filter((f) => f.code === finding.code && preferredEdits(f));
      if (sameRule.length > 1 && preferredEdits(finding)) {
        actions.push({
          title: `Fix all "${finding.code}" problems in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: nonOverlapping(sameRule.flatMap((f) => preferredEdits(f)!)) } },
        });
      }
    }
  }
  if (wants(FIX_ALL_KIND) && only) {
    const edits = nonOverlapping(findings.flatMap((f) => preferredEdits(f) ?? []));
    if (edits.length) actions.push({ title: 'Fix all minutes problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

export function preferredEdits(finding: Finding): TextEdit[] | undefined {
  return finding.fixes?.find((f) => f.preferred)?.edits;
}

/** Edits applied together must not overlap; a later one touching an earlier one waits for the next run. */
export function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    if (last && compare(edit.range.start, last.range.end) < 0) continue;
    kept.push(edit);
  }
  return kept;
}


function overlaps(a: Range, b: Range): boolean {
  return compare(a.start, b.end) <= 0 && compare(b.start, a.end) <= 0;
}

function compare(a: { line: number; character: number }, b: { line: number; character: number }): number {
  return a.line - b.line || a.character - b.character;
}
