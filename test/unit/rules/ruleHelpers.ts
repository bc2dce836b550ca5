// Shared by the rule tests: an in-memory minutes repository, linting a document in it, and applying fixes.
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../../cli/src/applyEdits';
import { DEFAULT_CONFIG, lint, MinutesWorkspace, type CalendarDate, type Finding, type Fix, type MinutesConfig, type MinutesModel } from '../../../server/src/core';
import { BASE, joinLines, modelOf } from '../helpers';

export { BASE, joinLines, modelOf };

/** An in-memory repository at `file:///repo`: relative path -> text. */
export type Files = Record<string, string>;

export function workspaceOf(files: Files, config: MinutesConfig = DEFAULT_CONFIG): MinutesWorkspace {
  return new MinutesWorkspace('file:///repo', { readFile: (p) => files[p] }, config, Object.keys(files));
}

export interface Linted {
  text: string;
  model: MinutesModel;
  findings: Finding[];
  workspace?: MinutesWorkspace;
}

/**
 * Lints `text` as the file at `path`. With `files`, the document lies in an in-memory repository
 * holding those files and itself (as a saved file does); without, there is no workspace at all.
 */
export function lintDoc(text: string, path: string, files?: Files, config: MinutesConfig = DEFAULT_CONFIG, today: CalendarDate = TODAY): Linted {
  const model = modelOf(text, path, config);
  const workspace = files ? workspaceOf({ ...files, [path]: text }, config) : undefined;
  return { text, model, workspace, findings: lint(model, config, { workspace, today }) };
}

/** The tests' today: a week and a half after the roll-up of 2022-09-29 that most of them check. */
export const TODAY: CalendarDate = { year: 2022, month: 10, day: 10 };

export function ofCode(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** The one finding of `code`; fails with what was found when there is none or several. */
export function single(findings: Finding[], code: string): Finding {
  const found = ofCode(findings, code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${found.length}: ${JSON.stringify(findings.map((f) => [f.code, f.message]), null, 1)}`);
  return found[0];
}

/** What a user sees of a finding in the Problems panel. */
export function shown(f: Finding): { code: string; severity: string; message: string; range: Range } {
  return { code: f.code, severity: f.severity, message: f.message, range: f.range };
}

export function preferredFix(finding: Finding): Fix {
  const preferred = (finding.fixes ?? []).filter((f) => f.preferred);
  if (preferred.length !== 1) throw new Error(`${finding.code} has ${preferred.length} preferred fixes`);
  return preferred[0];
}

/** The document's text after the finding's preferred (text) fix. */
export function fixed(text: string, finding: Finding): string {
  const fix = preferredFix(finding);
  if (fix.renameTo) throw new Error(`${finding.code}'s preferred fix is a rename`);
  return applyEdits(text, fix.edits);
}

/** The document's text after the finding's only text fix, preferred or not (a fix offered, never applied unasked). */
export function offered(text: string, finding: Finding): string {
  const fixes = (finding.fixes ?? []).filter((f) => !f.renameTo);
  if (fixes.length !== 1) throw new Error(`${finding.code} offers ${fixes.length} text fixes`);
  return applyEdits(text, fixes[0].edits);
}

export function apply(text: string, edits: TextEdit[]): string {
  return applyEdits(text, edits);
}

export function range(line: number, character: number, endLine: number, endCharacter: number): Range {
  return { start: { line, character }, end: { line: endLine, character: endCharacter } };
}

/** The range of the `nth` (0-based) occurrence of `needle` in `text`; `needle` may not span lines. */
export function rangeOf(text: string, needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" (#${nth}) is not in the text`);
  }
  const before = text.slice(0, at).split(/\r?\n/u);
  const line = before.length - 1;
  return range(line, before[line].length, line, before[line].length + needle.length);
}

// ---------------------------------------------------------------------------------------------
// The repository the roll-up of Thursday 2022-09-29 belongs to (dates as in the SCS minutes).
//
//   community-call/20220915.md  IaaS, Container, Ops+IAM, SIG Monitoring, SIG Documentation
//   community-call/20220922.md  IaaS, Container, Ops+IAM, IAM SIG, SIG Documentation   (the previous roll-up)
//   iaas/              0914 0921 0928 1005
//   container/         0912 0919 0926
//   ops-iam/           0915 0922 0929         (same day as the meeting)
//   sig-iam/           0915                   (has not met since the previous roll-up)
//   sig-documentation/ 0912 0919 0926
//   sig-monitoring/    0913 0927              (not in the previous roll-up, but in the one before)

export const MEETING_PATH = 'community-call/20220929.md';
export const TREE = 'https://github.com/SovereignCloudStack/minutes/tree/main/';

function oldRollup(date: string, teams: Array<[string, string]>): string {
  return joinLines(
    `# SCS Tech Weekly ${date}`,
    '',
    '## Meta',
    '',
    '- Minutes: Kurt',
    '',
    '## Team Updates',
    '',
    ...teams.flatMap(([name, path]) => [`### ${name}`, '', `Minutes: ${BASE}${path}`, '']),
    '## AOB',
    '',
  );
}

export const REPO: Files = {
  'README.md': '# SCS minutes\n',
  'community-call/20220915.md': oldRollup('2022-09-15', [
    ['Team IaaS', 'iaas/20220914.md'],
    ['Team Container', 'container/20220912.md'],
    ['Team Operations and IAM', 'ops-iam/20220915.md'],
    ['SIG Monitoring', 'sig-monitoring/20220913.md'],
    ['SIG Documentation', 'sig-documentation/20220912.md'],
  ]),
  'community-call/20220922.md': oldRollup('2022-09-22', [
    ['Team IaaS', 'iaas/20220921.md'],
    ['Team Container', 'container/20220919.md'],
    ['Team Operations and IAM', 'ops-iam/20220922.md'],
    ['IAM SIG', 'sig-iam/20220915.md'],
    ['SIG Documentation', 'sig-documentation/20220919.md'],
  ]),
  ...Object.fromEntries(
    [
      'iaas/20220914.md',
      'iaas/20220921.md',
      'iaas/20220928.md',
      'iaas/20221005.md',
      'container/20220912.md',
      'container/20220919.md',
      'container/20220926.md',
      'ops-iam/20220915.md',
      'ops-iam/20220922.md',
      'ops-iam/20220929.md',
      'sig-iam/20220915.md',
      'sig-documentation/20220912.md',
      'sig-documentation/20220919.md',
      'sig-documentation/20220926.md',
      'sig-monitoring/20220913.md',
      'sig-monitoring/20220927.md',
    ].map((p) => [p, `# ${p.split('/')[0]} ${p.slice(-11, -7)}-${p.slice(-7, -5)}-${p.slice(-5, -3)}\n`]),
  ),
};

/** The team sections of a correct roll-up of 2022-09-29, each in a form people really write. */
export const TEAM = {
  iaas: ['### Team IaaS', '', `Minutes: ${BASE}iaas/20220928.md`, '', '- Image manager'],
  container: ['### Team Container', '', `Minutes: ${BASE}container/20220926.md`],
  opsIam: ['### Team Operations and IAM', '', `Minutes: ${BASE}ops-iam/20220929.md`],
  iamSig: ['### IAM SIG', '', 'Cancelled.'],
  docs: ['### SIG Documentation', '', `Minutes: <${BASE}sig-documentation/20220926.md> (waiting to be merged)`],
  monitoring: ['### SIG Monitoring', '', `[Minutes](${BASE}sig-monitoring/20220927.md)`],
};

export const ALL_TEAMS = [TEAM.iaas, TEAM.container, TEAM.opsIam, TEAM.iamSig, TEAM.docs, TEAM.monitoring];

/** A roll-up of 2022-09-29 with the given team sections (default: all of them, correct). */
export function rollup(teams: string[][] = ALL_TEAMS, title = '# SCS Tech Weekly 2022-09-29'): string {
  return joinLines(title, '', '## Meta', '', '- Minutes: Jonas', '', '## Team Updates', '', ...teams.flatMap((t) => [...t, '']), '## AOB', '', '## Project Updates', '');
}

export const GOOD = rollup();
