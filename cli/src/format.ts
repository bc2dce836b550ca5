import type { Finding } from '../../server/src/core';

export interface FileFindings {
  /** Relative to the root, with `/` separators. */
  file: string;
  findings: Finding[];
}

/** The lasting JSON contract: positions 1-based, one flat array for all files. */
export function formatJson(results: FileFindings[]): string {
  const rows = results.flatMap(({ file, findings }) =>
    findings.map((f) => {
      const fix = f.fixes?.find((x) => x.preferred);
      return {
        file,
        ...span(f.range),
        severity: f.severity,
        code: f.code,
        message: f.message,
        ...(fix ? { fix: { title: fix.title, edits: fix.edits.map((e) => ({ ...span(e.range), newText: e.newText })) } } : {}),
      };
    }),
  );
  return JSON.stringify(rows, null, 2);
}

/** `file:line:column  severity  message  code`, one line a finding. */
export function formatText(results: FileFindings[]): string {
  return results
    .flatMap(({ file, findings }) =>
      findings.map((f) => `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}  ${f.severity}  ${f.message}  ${f.code}`),
    )
    .join('\n');
}

function span(range: Finding['range']) {
  return { line: range.start.line + 1, column: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}
