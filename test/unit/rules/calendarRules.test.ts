import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, resolveConfig, type MinutesConfig } from '../../../server/src/core';
import { GOOD, joinLines, lintDoc, MEETING_PATH, ofCode, range, REPO, rollup, shown, single } from './ruleHelpers';

const BAVARIA: MinutesConfig = { ...DEFAULT_CONFIG, holidays: { country: 'DE', state: 'BY', language: 'en' } };

describe('rule meeting-weekday', () => {
  it('reports a roll-up dated on a Sunday as information, on the title date, without a fix', () => {
    const text = rollup([], '# SCS Tech Weekly 2022-11-27');
    const f = single(lintDoc(text, 'community-call/20221127.md').findings, 'meeting-weekday');
    assert.deepEqual(shown(f), {
      code: 'meeting-weekday',
      severity: 'information',
      message: '2022-11-27 is a Sunday; the meeting is on Thursdays.',
      range: range(0, 18, 0, 28),
    });
    assert.equal(f.fixes, undefined);
  });

  it('marks the whole title when the date comes from the file name only', () => {
    const f = single(lintDoc(rollup([], '# SCS Tech Weekly'), 'community-call/20221127.md').findings, 'meeting-weekday');
    assert.deepEqual(f.range, range(0, 0, 0, 17));
  });

  it('follows the configured meeting day', () => {
    const mondays: MinutesConfig = resolveConfig({ meetingWeekday: 1 }).config;
    const model = lintDoc(GOOD, MEETING_PATH, undefined, mondays);
    assert.equal(single(model.findings, 'meeting-weekday').message, '2022-09-29 is a Thursday; the meeting is on Mondays.');
    assert.deepEqual(ofCode(lintDoc(rollup([], '# SCS Tech Weekly 2022-09-26'), 'community-call/20220926.md', undefined, mondays).findings, 'meeting-weekday'), []);
  });

  it('stays quiet on a Thursday roll-up, on team minutes of any weekday, and on a misnamed roll-up whose title is on Thursday', () => {
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO).findings, 'meeting-weekday'), []);
    assert.deepEqual(ofCode(lintDoc('# Team IaaS 2022-11-27\n', 'iaas/20221127.md').findings, 'meeting-weekday'), []);
    assert.deepEqual(ofCode(lintDoc(GOOD, 'community-call/20220928.md', REPO).findings, 'meeting-weekday'), []);
  });
});

describe('rule meeting-on-holiday', () => {
  it('reports a roll-up on the Day of German Unity, on the title date, without a fix', () => {
    const text = rollup([], '# SCS Tech Weekly 2022-10-03');
    const { findings } = lintDoc(text, 'community-call/20221003.md');
    const f = single(findings, 'meeting-on-holiday');
    assert.deepEqual(shown(f), {
      code: 'meeting-on-holiday',
      severity: 'warning',
      // date-holidays has only the generic "National Holiday" in English; the German name says which.
      message: '2022-10-03 is a public holiday in Germany (National Holiday (Tag der Deutschen Einheit)).',
      range: range(0, 18, 0, 28),
    });
    assert.equal(f.fixes, undefined);
    // A Monday as well: both are reported, independently.
    assert.deepEqual(findings.map((x) => x.code), ['meeting-weekday', 'meeting-on-holiday']);
  });

  it('reports a team meeting on a holiday too', () => {
    const f = single(lintDoc(joinLines('# Team IaaS 2022-10-03', '', '## Participants'), 'iaas/20221003.md').findings, 'meeting-on-holiday');
    assert.equal(f.message, '2022-10-03 is a public holiday in Germany (National Holiday (Tag der Deutschen Einheit)).');
    assert.deepEqual(f.range, range(0, 12, 0, 22));
  });

  it('knows the holidays of a configured state: Epiphany in Bavaria, not nationwide', () => {
    const text = rollup([], '# SCS Tech Weekly 2022-01-06');
    const inBavaria = single(lintDoc(text, 'community-call/20220106.md', undefined, BAVARIA).findings, 'meeting-on-holiday');
    assert.equal(inBavaria.message, '2022-01-06 is a public holiday in Germany (Epiphany).');
    assert.deepEqual(inBavaria.range, range(0, 18, 0, 28));
    assert.deepEqual(ofCode(lintDoc(text, 'community-call/20220106.md').findings, 'meeting-on-holiday'), []);
  });

  it('stays quiet on the day after the holiday and on an ordinary Thursday', () => {
    assert.deepEqual(ofCode(lintDoc(rollup([], '# SCS Tech Weekly 2022-10-04'), 'community-call/20221004.md').findings, 'meeting-on-holiday'), []);
    assert.deepEqual(ofCode(lintDoc(GOOD, MEETING_PATH, REPO, BAVARIA).findings, 'meeting-on-holiday'), []);
  });

  it('uses the file name date when the title date is impossible, and the title date of a misnamed roll-up', () => {
    // 2022-10-03 from the file name; the title's 2022-10-32 does not exist.
    assert.equal(ofCode(lintDoc(rollup([], '# SCS Tech Weekly 2022-10-32'), 'community-call/20221003.md').findings, 'meeting-on-holiday').length, 1);
    // 2022-10-03 is a Monday, so a Monday file name next to a Thursday title is the misnamed one: the Thursday counts.
    assert.deepEqual(ofCode(lintDoc(rollup([], '# SCS Tech Weekly 2022-10-06'), 'community-call/20221003.md').findings, 'meeting-on-holiday'), []);
  });
});
