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
        ...(f.suppressed ? { suppressed: true } : {}),
        ...(fix ? { fix: { title: fix.title, edits: fix.edits.map((e) => ({ ...span(e.range), newText: e.newText })), ...(fix.renameTo ? { renameTo: fix.renameTo } : {}) } } : {}),
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

const GITHUB_COMMAND: Record<Finding['severity'], 'error' | 'warning' | 'notice'> = {
  error: 'error',
  warning: 'warning',
  information: 'notice',
  hint: 'notice',
};

/**
 * GitHub Actions workflow commands, one line a finding, which the runner turns into annotations
 * on the pull request's diff: `::warning file=F,line=L,col=C,endLine=..,endColumn=..,title=CODE::message`.
 * Columns are only sent for one-line ranges (GitHub rejects them otherwise). File names are
 * relative to `--root`, so annotations land on the diff when the root is the repository's.
 */
export function formatGithub(results: FileFindings[]): string {
  return results
    .flatMap(({ file, findings }) =>
      findings.map((f) => {
        const { line, column, endLine, endColumn } = span(f.range);
        const properties: [string, string | number][] = [['file', file], ['line', line]];
        if (line === endLine) properties.push(['col', column]);
        properties.push(['endLine', endLine]);
        if (line === endLine) properties.push(['endColumn', endColumn]);
        properties.push(['title', f.code]);
        const props = properties.map(([key, value]) => `${key}=${escapeGithubProperty(String(value))}`).join(',');
        return `::${GITHUB_COMMAND[f.severity]} ${props}::${escapeGithubData(f.message)}`;
      }),
    )
    .join('\n');
}

/** The message of a workflow command: `%`, CR and LF are encoded, so one finding stays one line. */
export function escapeGithubData(text: string): string {
  return text.replace(/%/gu, '%25').replace(/\r/gu, '%0D').replace(/\n/gu, '%0A');
}

/** A property value of a workflow command: also `:` and `,`, which would end the value. */
export function escapeGithubProperty(text: string): string {
  return escapeGithubData(text).replace(/:/gu, '%3A').replace(/,/gu, '%2C');
}
