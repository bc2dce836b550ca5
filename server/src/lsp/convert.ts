import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { CONFIG_CODE, DIAGNOSTIC_SOURCE, locateProblem, toDiagnostic, LineIndex, type Finding } from '../core';
import type { ConfigFile } from '../core';

/** A finding as an LSP diagnostic, with its related places where the client shows them. */
export function toLspDiagnostic(finding: Finding, relatedInformation: boolean, uri?: string, pathOf?: (uri: string) => string | undefined): Diagnostic {
  const diagnostic = toDiagnostic(finding);
  if (relatedInformation && finding.related?.length) {
    diagnostic.relatedInformation = finding.related.map((r) => ({ location: { uri: r.uri, range: r.range }, message: relatedLabel(r, uri, pathOf) }));
  }
  return diagnostic;
}

/** The problems of `.minutes.json`, each at the value it is about. */
export function configDiagnostics(file: ConfigFile): Diagnostic[] {
  if (!file.errors.length || file.text === undefined) return [];
  const lines = new LineIndex(file.text);
  const located = file.problems.length
    ? file.problems.map((p) => ({ message: p.message, ...locateProblem(file.text!, p) }))
    : file.errors.map((message) => ({ message, offset: 0, length: Math.min(1, file.text!.length) }));
  return located.map((p) => ({
    range: lines.range(p.offset, p.offset + p.length),
    severity: DiagnosticSeverity.Error,
    source: DIAGNOSTIC_SOURCE,
    code: CONFIG_CODE,
    message: `${p.message}; the defaults are used until this is fixed.`,
  }));
}

/**
 * Editors show a related place as its file name only (`20221201.md[Ln 1, Col 1]`), which reads as
 * the roll-up itself: a place in another file is labelled with its path in the repository.
 */
function relatedLabel(place: { uri: string; message: string }, uri: string | undefined, pathOf?: (uri: string) => string | undefined): string {
  if (place.uri === uri) return place.message;
  const path = pathOf?.(place.uri);
  return path && !place.message.includes(path) ? `${path}: ${place.message}` : place.message;
}
