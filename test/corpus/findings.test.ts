import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { calendarFor, DEFAULT_CONFIG, lint, newWeeklyMinutes, parseMinutes, type Finding } from '../../server/src/core';
import { fileWorkspace, listMarkdownFiles, readMinutesText } from '../../server/src/node/fileWorkspace';
import { CORPUS, requireCorpus } from './corpusPath';

type Row = { file: string; line: number; code: string; message: string; severity: Finding['severity'] };

/** The mistakes a careful reader finds in the weekly roll-ups (see the corpus' NOTICE.md), verified by hand. */
const REAL_MISTAKES: Array<[file: string, line: number, code: string]> = [
  ['community-call/20220804.md', 19, 'minutes-link-outdated'], // iaas/20220801.md; the bullets are from iaas/20220803.md
  ['community-call/20220929.md', 11, 'minutes-link-not-found'], // iaas/20220927.md does not exist; iaas/20220928.md does
  ['community-call/20221103.md', 1, 'title-date-mismatch'], // title copied from 2022-09-29
  ['community-call/20221124.md', 1, 'title-date-mismatch'], // title copied from 2022-11-17
  ['community-call/20221127.md', 7, 'title-date-mismatch'], // the call of Thursday 2022-10-27, filed under a Sunday
  ['community-call/20221201.md', 39, 'minutes-link-outdated'], // ops-iam/20221124.md; the same-day ops-iam/20221201.md holds the bullets
];

describe('findings on the real SCS minutes', function () {
  let rows: Row[] = [];

  before(function () {
    requireCorpus(this);
    const workspace = fileWorkspace(CORPUS, DEFAULT_CONFIG);
    rows = listMarkdownFiles(CORPUS).flatMap((file) => {
      const text = readMinutesText(join(CORPUS, file));
      if (text === undefined) return [];
      const model = parseMinutes({ uri: pathToFileURL(join(CORPUS, file)).toString(), version: 1, text }, DEFAULT_CONFIG);
      return lint(model, DEFAULT_CONFIG, { workspace }).map((f) => ({ file, line: f.range.start.line + 1, code: f.code, message: f.message, severity: f.severity }));
    });
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

  it('finds the malformed dates of team minutes (en dashes, a missing zero)', () => {
    const malformed = rows.filter((r) => r.code === 'invalid-date').map((r) => r.file);
    assert.ok(malformed.includes('sig-documentation/20230109.md'));
    assert.ok(malformed.includes('sig-documentation/20230904.md'));
  });

  it('finds the team minutes whose title date differs from the file name, as read by hand', () => {
    const mismatches = rows.filter((r) => r.code === 'title-date-mismatch' && !r.file.startsWith('community-call/')).map((r) => r.file);
    for (const file of ['iaas/20230320.md', 'iam/20230612.md', 'ops-iam/20221118.md', 'openops/20230708.md', 'product-board/20241021.md', 'sig-markt/20221208.md', 'iam/20230208.md']) {
      assert.ok(mismatches.includes(file), file);
    }
    assert.equal(mismatches.length, 14, mismatches.join(', '));
  });

  it('gives a roll-up made by "New Weekly Minutes" no findings but reminders', () => {
    const workspace = fileWorkspace(CORPUS, DEFAULT_CONFIG);
    const file = newWeeklyMinutes(workspace, DEFAULT_CONFIG, calendarFor(DEFAULT_CONFIG.holidays), { year: 2022, month: 12, day: 29 });
    assert.equal(file.exists, false);
    assert.match(file.text, /### Team IaaS\n\nMinutes not available yet: https:\/\/github.com\/SovereignCloudStack\/minutes\/tree\/main\/iaas\n/u);
    const model = parseMinutes({ uri: pathToFileURL(join(CORPUS, file.path)).toString(), version: 1, text: file.text }, DEFAULT_CONFIG);
    const findings = lint(model, DEFAULT_CONFIG, { workspace });
    assert.deepEqual(findings.filter((f) => f.severity !== 'information' && f.severity !== 'hint').map((f) => f.message), []);
    assert.deepEqual([...new Set(findings.map((f) => f.code))], ['missing-minute-taker'], 'the only reminder: who takes the minutes');
  });
});
