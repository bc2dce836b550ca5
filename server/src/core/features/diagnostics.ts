import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { SUPPRESSIONS_FILE_NAME } from '../rules/suppressions';
import type { Finding, Severity } from '../rules/types';

export const DIAGNOSTIC_SOURCE = 'minutes';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** A finding as a diagnostic; a suppressed one as a hint, saying so (it does not fail a run). */
export function toDiagnostic(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: finding.suppressed ? DiagnosticSeverity.Hint : LSP_SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.suppressed ? `${finding.message} (suppressed in ${SUPPRESSIONS_FILE_NAME})` : finding.message,
  };
}
