import { CodeActionKind, type CodeAction, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { Finding, Fix } from '../rules/types';
import { comparePositions, rangesOverlap } from '../text/ranges';
import { toDiagnostic } from './diagnostics';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.minutes`;

export interface CodeActionOptions {
  /** Whether the editor can rename files in a workspace edit (a misnamed file's fix). */
  canRename?: boolean;
}

/** Quick fixes for the findings at `range`, one "fix all" per rule, and `source.fixAll.minutes`. */
export function codeActions(uri: string, findings: Finding[], range: Range, only?: string[], options: CodeActionOptions = {}): CodeAction[] {
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // Ctrl+. preselects the first entry: the preferred fixes come first, then the other fixes,
    // then one "fix all" per rule (however many of its findings the range touches).
    const preferred: CodeAction[] = [];
    const others: CodeAction[] = [];
    const fixAll = new Map<string, CodeAction>();
    for (const finding of findings.filter((f) => rangesOverlap(f.range, range))) {
      const diagnostic = toDiagnostic(finding);
      for (const fix of finding.fixes ?? []) {
        if (fix.renameTo && !options.canRename) continue;
        (fix.preferred ? preferred : others).push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred, edit: workspaceEdit(uri, fix) });
      }
      const known = fixAll.get(finding.code);
      if (known) {
        if (preferredEdits(finding)) known.diagnostics!.push(diagnostic);
        continue;
      }
      const sameRule = findings.filter((f) => f.code === finding.code && preferredEdits(f));
      if (sameRule.length > 1 && preferredEdits(finding)) {
        fixAll.set(finding.code, {
          title: `Fix all "${finding.code}" problems in this file`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: { changes: { [uri]: nonOverlapping(sameRule.flatMap((f) => preferredEdits(f)!)) } },
        });
      }
    }
    actions.push(...preferred, ...others, ...fixAll.values());
  }
  if (wants(FIX_ALL_KIND) && only) {
    const edits = nonOverlapping(findings.flatMap((f) => preferredEdits(f) ?? []));
    if (edits.length) actions.push({ title: 'Fix all minutes problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
  }
  return actions;
}

/** The text edits of a finding's preferred fix; none for a rename, which is not a text edit. */
export function preferredEdits(finding: Finding): TextEdit[] | undefined {
  const fix = finding.fixes?.find((f) => f.preferred);
  return fix && !fix.renameTo ? fix.edits : undefined;
}

function workspaceEdit(uri: string, fix: Fix): WorkspaceEdit {
  if (!fix.renameTo) return { changes: { [uri]: fix.edits } };
  const newUri = uri.replace(/[^/]*$/u, encodeURIComponent(fix.renameTo));
  return { documentChanges: [{ kind: 'rename', oldUri: uri, newUri, options: { overwrite: false, ignoreIfExists: true } }] };
}

/** Edits applied together must not overlap; a later one touching an earlier one waits for the next run. */
export function nonOverlapping(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const kept: TextEdit[] = [];
  for (const edit of sorted) {
    const last = kept[kept.length - 1];
    if (last && comparePositions(edit.range.start, last.range.end) < 0) continue;
    kept.push(edit);
  }
  return kept;
}

