import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lint, parseMinutesForLint, resolveConfig, type MinutesConfig } from '../../../server/src/core';
import { matchDatedPath } from '../../../server/src/core/config/paths';
import { joinLines, lintDoc, modelOf, offered, range, rangeOf, shown, single, workspaceOf, type Files } from './ruleHelpers';

const DATE_CODES = ['title-date-mismatch', 'invalid-date', 'missing-title-date'];
const dateFindings = (text: string, path: string, files?: Files, config?: MinutesConfig) => lintDoc(text, path, files, config).findings.filter((f) => DATE_CODES.includes(f.code));

/** A series named month-day-year in year folders, as US organisations name them. */
const US: MinutesConfig = resolveConfig({ minutesPaths: ['{series}/{YYYY}/{M}-{D}-{YY}.md'] }).config;

describe('month-day-year file names', () => {
  it('read month first, the year from the folder, which a two-digit year must agree with', () => {
    const patterns = US.minutesPaths;
    assert.deepEqual(matchDatedPath('stack/2022/5-9-22.md', patterns)?.date.date, { year: 2022, month: 5, day: 9 });
    assert.equal(matchDatedPath('stack/2022/5-9-22.md', patterns)?.series, 'stack');
    assert.deepEqual(matchDatedPath('stack/2022/12-19-22.md', patterns)?.date.date, { year: 2022, month: 12, day: 19 });
    assert.equal(matchDatedPath('stack/2022/5-9-23.md', patterns), undefined);
  });
});

describe('slashed dates in titles', () => {
  it('read a date that reads either way the way the file name says, and find nothing wrong', () => {
    const text = '# Stack meeting 05/09/2022\n';
    const model = modelOf(text, 'stack/2022/5-9-22.md', US);
    assert.deepEqual(model.title?.date?.date, { year: 2022, month: 5, day: 9 });
    assert.deepEqual(model.title?.date?.range, rangeOf(text, '05/09/2022'));
    assert.deepEqual(dateFindings(text, 'stack/2022/5-9-22.md', {}, US), []);
  });

  it('report a US date that reads one way only, and write the fix month first', () => {
    const text = '# Stack meeting 05/19/2022\n';
    const f = single(dateFindings(text, 'stack/2022/5-16-22.md', {}, US), 'title-date-mismatch');
    assert.deepEqual(f.range, rangeOf(text, '05/19/2022'));
    assert.equal(f.fixes?.[0].title, 'Change the title date to 05/16/2022');
  });

  it('judge no date that reads either way when neither reading is the file date and the series does not tell', () => {
    const text = '# Stack meeting 02/09/2022\n';
    assert.deepEqual(dateFindings(text, 'stack/2022/5-16-22.md', {}, US), []);
    assert.deepEqual(dateFindings(text, 'stack/2022/5-16-22.md', undefined, US), []);
  });

  it("read it as the series' other titles write dates: month first after 05/23/2022, day first after 23/05/2022", () => {
    const text = '# Stack meeting 02/09/2022\n';
    const usSeries = { 'stack/2022/5-23-22.md': '# Stack meeting 05/23/2022\n', 'stack/2022/5-9-22.md': '# Stack meeting 05/09/2022\n' };
    const us = single(dateFindings(text, 'stack/2022/5-16-22.md', usSeries, US), 'title-date-mismatch');
    assert.deepEqual(shown(us), { code: 'title-date-mismatch', severity: 'warning', message: 'Title says 02/09/2022 but the file is 5-16-22.md: one of the two dates is wrong.', range: rangeOf(text, '02/09/2022') });
    assert.equal(us.fixes?.[0].title, 'Change the title date to 05/16/2022');
    const worldSeries = { 'stack/2022/5-23-22.md': '# Stack meeting 23/05/2022\n' };
    const world = single(dateFindings(text, 'stack/2022/5-16-22.md', worldSeries, US), 'title-date-mismatch');
    assert.equal(world.fixes?.[0].title, 'Change the title date to 16/05/2022');
    // Titles that disagree tell nothing.
    assert.deepEqual(dateFindings(text, 'stack/2022/5-16-22.md', { ...usSeries, ...worldSeries }, US), []);
  });

  it('read dotted dates day first', () => {
    assert.deepEqual(dateFindings('# Sitzung 09.02.2022\n', 'board/20220209.md', {}), []);
    const text = '# Sitzung 10.02.2022\n';
    const f = single(dateFindings(text, 'board/20220209.md', {}), 'title-date-mismatch');
    assert.deepEqual(f.range, rangeOf(text, '10.02.2022'));
    assert.equal(f.fixes?.[0].title, 'Change the title date to 09.02.2022');
  });
});

describe('ranges of days in titles', () => {
  for (const title of ['# TAG F2F 14-16 October 2024', '# TAG F2F October 14\u201316, 2024', '# TAG F2F 2024-10-14 to 2024-10-16', '# Klausur 14.-16. Oktober 2024']) {
    it(`hold the file's date: ${title}`, () => {
      assert.deepEqual(dateFindings(`${title}\n`, 'f2f/20241015.md', {}), []);
      assert.deepEqual(dateFindings(`${title}\n`, 'f2f/20241014.md', {}), []);
    });
  }

  it('report a file date outside the range, without a fix (which day is meant is unknown)', () => {
    const text = '# TAG F2F 14-16 October 2024\n';
    const f = single(dateFindings(text, 'f2f/20241017.md', {}), 'title-date-mismatch');
    assert.deepEqual(shown(f), { code: 'title-date-mismatch', severity: 'warning', message: 'Title says 14-16 October 2024 but the file is 20241017.md, a day outside the days the title names.', range: rangeOf(text, '14-16 October 2024') });
    assert.equal(f.fixes, undefined);
  });
});

describe('malformed and missing title dates', () => {
  it('report 2019-01-154 as a date that does not exist, not as a title without a date', () => {
    const text = '# Team IaaS 2019-01-154\n';
    const findings = dateFindings(text, 'iaas/20190115.md', {});
    assert.deepEqual(findings.map(shown), [{ code: 'invalid-date', severity: 'warning', message: '2019-01-154 is not a date that exists.', range: rangeOf(text, '2019-01-154') }]);
  });

  it('report a minutes file without any heading at its start, and leave one whose headings are sections alone', () => {
    const f = single(dateFindings('- skipped\n', 'iaas/20220928.md', {}), 'missing-title-date');
    assert.deepEqual(shown(f), {
      code: 'missing-title-date',
      severity: 'warning',
      message: "The file has no heading, so no title with the meeting's date; expected one with 2022-09-28 from the file name.",
      range: range(0, 0, 0, 0),
    });
    assert.equal(f.fixes, undefined);
    assert.deepEqual(dateFindings(joinLines('## Participants', '', '- @kim', '', '## Agenda', ''), 'iaas/20220928.md', {}), []);
  });
});

describe('the title at any heading level', () => {
  const files = { 'iaas/20220921.md': '# Team IaaS 2022-09-21\n' };

  it('is the heading with the file date, even under an undated `#` heading, also when the checks read the title alone', () => {
    const text = joinLines('# Team IaaS', '', '- notes', '', '### Meeting of 2022-09-28', '', '- more', '', '## Agenda', '');
    assert.deepEqual(modelOf(text, 'iaas/20220928.md').title?.range, rangeOf(text, '### Meeting of 2022-09-28'));
    assert.deepEqual(dateFindings(text, 'iaas/20220928.md', files), []);
    const partial = parseMinutesForLint({ uri: 'file:///repo/iaas/20220928.md', version: 1, text }, DEFAULT_CONFIG);
    assert.deepEqual(partial.title?.date?.range, rangeOf(text, '2022-09-28'));
    assert.deepEqual(lint(partial, DEFAULT_CONFIG, { workspace: workspaceOf({ ...files, 'iaas/20220928.md': text }) }).filter((f) => DATE_CODES.includes(f.code)), []);
  });

  it('is a dated `###` that opens the document, whose wrong date is fixed where it stands', () => {
    const text = joinLines('### 2022-09-29', '', '- notes', '');
    const f = single(dateFindings(text, 'iaas/20220928.md', files), 'title-date-mismatch');
    assert.deepEqual(f.range, rangeOf(text, '2022-09-29'));
    assert.equal(offered(text, f), joinLines('### 2022-09-28', '', '- notes', ''));
  });

  it('is the date alone in a heading under an undated first heading', () => {
    const text = joinLines('## TAG Teleconference', '##### 20 December 2018', '', 'Present: Kim', '');
    const f = single(dateFindings(text, 'tag/20181211.md', {}), 'title-date-mismatch');
    assert.deepEqual(f.range, rangeOf(text, '20 December 2018'));
    assert.deepEqual(dateFindings(joinLines('## TAG Teleconference', '##### Tuesday, 11 December 2018', ''), 'tag/20181211.md', {}), []);
  });

  it('is the dated subtitle at the top, not a deeper agenda heading that names the file date', () => {
    const text = joinLines('# TAG Teleconference', '#### 22-24 May 2023', '', '## Agenda', '', '### Breakout A - 2023-05-15', '', '- items', '');
    const f = single(dateFindings(text, 'tag/2023/05-15-minutes.md', {}, resolveConfig({ series: [{ paths: ['tag/{YYYY}/{MM}-{DD}{suffix}.md'] }] }).config), 'title-date-mismatch');
    assert.deepEqual(f.range, rangeOf(text, '22-24 May 2023'));
  });

  it('is the top-level heading with the file date where a stray one of another meeting stands above it', () => {
    assert.deepEqual(dateFindings(joinLines('# 2022-10-05', '', '# 2022-09-28', '', '## Participants', ''), 'iaas/20220928.md', files), []);
  });

  it('stays the undated `#` heading when only a sub-heading names another date (a topic, not the title)', () => {
    const text = joinLines('# Team IaaS', '', '## Actions from 2022-09-21', '');
    const f = single(dateFindings(text, 'iaas/20220928.md', files), 'missing-title-date');
    assert.deepEqual(f.range, rangeOf(text, '# Team IaaS'));
  });
});
