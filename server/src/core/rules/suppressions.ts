import { splitBom } from '../text/bom';
import type { Finding } from './types';

/**
 * Bulk suppressions, as ESLint's `eslint-suppressions.json`: the findings a repository had when it
 * adopted the linter, recorded once as a count per file and rule, so that only new ones fail.
 * A count, not positions, so that moving lines keeps them suppressed. Shared by the CLI (which
 * writes the file) and the server (which shows suppressed findings as hints).
 */
export const SUPPRESSIONS_FILE_NAME = 'minutes-suppressions.json';

/** By file (relative to the root, `/`-separated), then by rule code: how many findings are suppressed. */
export type Suppressions = Record<string, Record<string, { count: number }>>;

/** The findings a suppression can cover: those that fail a run (warnings and errors). */
export function isSuppressible(finding: Finding): boolean {
  return finding.severity === 'warning' || finding.severity === 'error';
}

/** The suppressions of a file's text, or why it is not a suppressions file (one line). */
export function parseSuppressions(text: string): { suppressions: Suppressions } | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(splitBom(text).text);
  } catch (error) {
    return { error: `not valid JSON (${(error as Error).message.split('\n')[0]})` };
  }
  if (!isObject(json)) return { error: 'expected an object of files' };
  const suppressions: Suppressions = {};
  for (const [file, rules] of Object.entries(json)) {
    if (!isObject(rules)) return { error: `"${file}": expected an object of rules` };
    suppressions[file] = {};
    for (const [code, entry] of Object.entries(rules)) {
      const count = isObject(entry) ? entry.count : undefined;
      if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return { error: `"${file}" "${code}": expected { "count": a whole number }` };
      suppressions[file][code] = { count };
    }
  }
  return { suppressions };
}

/** The file's text: files and rules sorted, so that a rewrite changes only what changed. */
export function suppressionsText(suppressions: Suppressions): string {
  const sorted = Object.fromEntries(
    Object.keys(suppressions)
      .sort()
      .filter((file) => Object.keys(suppressions[file]).length)
      .map((file) => [file, Object.fromEntries(Object.keys(suppressions[file]).sort().map((code) => [code, { count: suppressions[file][code].count }]))]),
  );
  return `${JSON.stringify(sorted, null, 2)}\n`;
}

/** How many suppressible findings of each rule a file has. */
export function countByRule(findings: Finding[]): Record<string, { count: number }> {
  const counts: Record<string, { count: number }> = {};
  for (const f of findings.filter(isSuppressible)) counts[f.code] = { count: (counts[f.code]?.count ?? 0) + 1 };
  return counts;
}

/**
 * A file's findings with those the suppressions cover marked `suppressed`. As in ESLint, a rule
 * with more findings in the file than its suppressed count has none suppressed: which one is new
 * cannot be told, so all of them are shown.
 */
export function markSuppressed(file: string, findings: Finding[], suppressions: Suppressions): Finding[] {
  const entries = Object.hasOwn(suppressions, file) ? suppressions[file] : undefined;
  if (!entries) return findings;
  const counts = countByRule(findings);
  return findings.map((f) => (isSuppressible(f) && Object.hasOwn(entries, f.code) && counts[f.code].count <= entries[f.code].count ? { ...f, suppressed: true } : f));
}

/** `--suppress-all`: the checked files' findings as they are now, other files' entries kept. */
export function suppressAll(existing: Suppressions, checked: Array<{ file: string; findings: Finding[] }>): Suppressions {
  const next = { ...existing };
  for (const { file, findings } of checked) {
    const counts = countByRule(findings);
    if (Object.keys(counts).length) next[file] = counts;
    else delete next[file];
  }
  return next;
}

/**
 * `--prune-suppressions`: for the files a run covered (`covers`), each count lowered to the
 * findings that still occur, and entries that no longer occur dropped; other files' entries kept.
 */
export function pruneSuppressions(existing: Suppressions, checked: Array<{ file: string; findings: Finding[] }>, covers: (file: string) => boolean): Suppressions {
  const now = new Map(checked.map(({ file, findings }) => [file, countByRule(findings)]));
  const next: Suppressions = {};
  for (const [file, rules] of Object.entries(existing)) {
    if (!covers(file)) {
      next[file] = rules;
      continue;
    }
    const counts = now.get(file) ?? {};
    const left = Object.entries(rules)
      .map(([code, { count }]) => [code, { count: Math.min(count, counts[code]?.count ?? 0) }] as const)
      .filter(([, { count }]) => count > 0);
    if (left.length) next[file] = Object.fromEntries(left);
  }
  return next;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
