import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintFiles } from '../../cli/src/lintFiles';
import { calendarFor, DEFAULT_CONFIG, lint, newWeeklyMinutes, parseMinutes, type CalendarDate } from '../../server/src/core';
import { fileWorkspace, listMarkdownFiles } from '../../server/src/node/fileWorkspace';
import { CORPUS, requireCorpus } from './corpusPath';

/** The day the golden file was reviewed; findings about "today" (reminders, future titles) are judged on it. */
export const REVIEWED_ON: CalendarDate = { year: 2026, month: 11, day: 29 };

/** Every finding on the whole corpus, each reviewed by reading the file (see CONTRIBUTING.md, Tests). */
const GOLDEN = join(__dirname, 'findings.golden.txt');

type Row = { file: string; line: number; code: string; message: string; severity: string };

/** The mistakes a careful reader finds in the weekly roll-ups (see the corpus' NOTICE.md), verified by hand. */
const REAL_MISTAKES: Array<[file: string, line: number, code: string]> = [
  ['community-call/20220804.md', 19, 'minutes-link-outdated'], // iaas/20220801.md; the bullets are from iaas/20220803.md
  ['community-call/20220929.md', 11, 'minutes-link-not-found'], // iaas/20220927.md does not exist; iaas/20220928.md does
  ['community-call/20221103.md', 1, 'title-date-mismatch'], // title copied from 2022-09-29
  ['community-call/20221124.md', 1, 'title-date-mismatch'], // title copied from 2022-11-17
  ['community-call/20221127.md', 7, 'title-date-mismatch'], // the call of Thursday 2022-10-27, filed under a Sunday
  ['community-call/20221201.md', 39, 'minutes-link-outdated'], // ops-iam/20221124.md; the same-day ops-iam/20221201.md holds the bullets
];

function golden(rows: Row[]): string {
  return `${rows.map((r) => `${r.file}:${r.line}  ${r.severity}  ${r.code}  ${r.message}`).join('\n')}\n`;
}

describe('findings on the real SCS minutes', function () {
  let rows: Row[] = [];

  before(function () {
    requireCorpus(this);
    this.timeout(120_000);
    const paths = listMarkdownFiles(CORPUS).map((file) => join(CORPUS, file));
    rows = lintFiles(paths, CORPUS, DEFAULT_CONFIG, false, REVIEWED_ON).flatMap((result) =>
      (result?.findings ?? []).map((f) => ({ file: result!.file, line: f.range.start.line + 1, code: f.code, message: f.message, severity: f.severity })),
    );
  });

  it('reports exactly the reviewed findings of the golden file, on the whole corpus', () => {
    // After a deliberate change: UPDATE_GOLDEN=1 npx mocha test/corpus/findings.test.ts, then review the diff.
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, golden(rows));
    assert.equal(golden(rows), readFileSync(GOLDEN, 'utf8'));
  });

  const linkAndTitleCodes = new Set(['title-date-mismatch', 'minutes-link-not-found', 'minutes-link-outdated', 'minutes-link-future', 'minutes-link-wrong-team']);

  it('finds every real mistake of the weekly roll-ups, and no other wrong link or title there', () => {
    const weekly = rows.filter((r) => r.file.startsWith('community-call/') && linkAndTitleCodes.has(r.code));
    assert.deepEqual(
      weekly.map((r) => [r.file, r.line, r.code]),
      REAL_MISTAKES,
    );
  });

  it('says what is wrong and what is expected', () => {
    const message = (file: string, code: string) => rows.find((r) => r.file === file && r.code === code)?.message;
    assert.equal(message('community-call/20220929.md', 'minutes-link-not-found'), 'iaas/20220927.md does not exist; iaas/20220928.md is the Team IaaS minutes of that week.');
    assert.equal(message('community-call/20221103.md', 'title-date-mismatch'), 'Title says 2022-09-29 but the file is 20221103.md; expected 2022-11-03.');
    assert.match(message('community-call/20221127.md', 'title-date-mismatch') ?? '', /a Sunday; the meeting is on Thursdays, so the file name looks wrong \(expected 20221027\.md\)/u);
    assert.match(message('community-call/20221201.md', 'minutes-link-outdated') ?? '', /ops-iam\/20221201\.md is dated 2022-12-01, on or before the meeting \(2022-12-01\)/u);
  });

  it('stays quiet on what is not minutes: slide decks, documents, the README', () => {
    const quiet = ['community-meeting/20260123.md', 'iam/scs-federation.md', 'sig-standardization/scs-certification-issuing.md', 'README.md'];
    assert.deepEqual(rows.filter((r) => quiet.includes(r.file)), []);
  });

  it('raises no false alarms about dates: no roll-up on a holiday or another weekday, no impossible date', () => {
    assert.deepEqual(rows.filter((r) => ['meeting-on-holiday', 'meeting-weekday'].includes(r.code) && r.file.startsWith('community-call/')), []);
    assert.deepEqual(rows.filter((r) => r.code === 'invalid-date' && !r.message.includes('is not written as YYYY-MM-DD')), []);
  });

  it('reminds of minutes that came later only on the newest roll-up, and only within the reminder days', () => {
    // Reviewed in 2026, the newest roll-up (of 2022) is history too.
    assert.deepEqual(rows.filter((r) => r.code === 'minutes-now-available'), []);
    const rollUps = listMarkdownFiles(CORPUS).filter((f) => f.startsWith('community-call/')).map((f) => join(CORPUS, f));
    const weekAfter = lintFiles(rollUps, CORPUS, DEFAULT_CONFIG, false, { year: 2022, month: 12, day: 29 });
    const reminded = new Set(weekAfter.flatMap((r) => (r?.findings.some((f) => f.code === 'minutes-now-available') ? [r.file] : [])));
    assert.deepEqual([...reminded], ['community-call/20221222.md']);
  });

  it('finds the malformed dates of team minutes (en dashes, a missing zero)', () => {
    const malformed = rows.filter((r) => r.code === 'invalid-date').map((r) => r.file);
    assert.ok(malformed.includes('sig-documentation/20230109.md'));
    assert.ok(malformed.includes('sig-documentation/20230904.md'));
  });

  it('finds the team minutes whose title date differs from the file name, as read by hand', () => {
    const mismatches = rows.filter((r) => r.code === 'title-date-mismatch' && !r.file.startsWith('community-call/')).map((r) => r.file);
    for (const file of ['iaas/20230320.md', 'iam/20230612.md', 'ops-iam/20221118.md', 'openops/20230708.md', 'product-board/20241021.md', 'sig-markt/20221208.md']) {
      assert.ok(mismatches.includes(file), file);
    }
    // iam/20230208.md opens with next week's agenda (`# 2023-02-15`); its title is `# 2023-02-08`.
    assert.ok(!mismatches.includes('iam/20230208.md'));
    assert.equal(mismatches.length, 7, mismatches.join(', '));
  });

  it('finds the files that are copies of an earlier meeting, naming the original', () => {
    const copies = rows.filter((r) => r.code === 'duplicate-minutes').map((r) => [r.file, /copy of (\S+),/u.exec(r.message)?.[1]]);
    assert.deepEqual(copies, [
      // Both hold the minutes titled 2023-08-23: 20230816.md is the copy, of the one named after that day.
      ['iam/20230816.md', 'iam/20230823.md'],
      ['project-board/20250825.md', 'project-board/20250818.md'],
      ['project-board/20250915.md', 'project-board/20250901.md'],
      ['project-board/20250922.md', 'project-board/20250901.md'],
      ['project-board/20251124.md', 'project-board/20251110.md'],
      ['project-board/20251201.md', 'project-board/20251110.md'],
    ]);
  });

  it('gives a roll-up made by "New Weekly Minutes" no findings but reminders', () => {
    const workspace = fileWorkspace(CORPUS, DEFAULT_CONFIG);
    const file = newWeeklyMinutes(workspace, DEFAULT_CONFIG, calendarFor(DEFAULT_CONFIG.holidays), { year: 2022, month: 12, day: 29 });
    assert.equal(file.exists, false);
    assert.match(file.text, /### Team IaaS\n\nMinutes not available yet: https:\/\/github.com\/SovereignCloudStack\/minutes\/tree\/main\/iaas\n/u);
    const model = parseMinutes({ uri: pathToFileURL(join(CORPUS, file.path)).toString(), version: 1, text: file.text }, DEFAULT_CONFIG);
    const findings = lint(model, DEFAULT_CONFIG, { workspace, today: { year: 2022, month: 12, day: 29 } });
    assert.deepEqual(findings.filter((f) => f.severity !== 'information' && f.severity !== 'hint').map((f) => f.message), []);
    assert.deepEqual([...new Set(findings.map((f) => f.code))], ['missing-minute-taker'], 'the only reminder: who takes the minutes');
  });
});
