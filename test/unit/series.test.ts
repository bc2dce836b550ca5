import * as assert from 'node:assert/strict';
import { calendarFor, CONFIG_SCHEMA, DEFAULT_CONFIG, MinutesWorkspace, newTeamMinutes, resolveConfig, type MinutesConfig } from '../../server/src/core';
import { validate } from '../../server/src/core/config/validate';
import { lintDoc, ofCode, single, type Files } from './rules/ruleHelpers';

// Repositories of meeting series as organisations keep them: a folder per group, year folders,
// each group with its own title form, weekday and sections.

/** The minutes of one meeting: a title, who was there, and topics that differ from meeting to meeting. */
function minutes(title: string, n: number, present = true): string {
  return [`# ${title}`, '', ...(present ? ['## Present', '', '- Alex', '- Kim', ''] : []), '## Topics', '', `- Item ${n}: budget review of the quarter and what the group decided about it`, `- Item ${n + 1}: release planning for the next version, with the dates agreed`, `- Item ${n + 2}: who writes the report to the members, and by when`, ''].join('\n');
}

function config(given: Record<string, unknown>): MinutesConfig {
  const loaded = resolveConfig(given);
  assert.deepEqual(loaded.errors, []);
  return loaded.config;
}

/** Two groups without a roll-up: the board meets on Tuesdays, the tools group on Thursdays, both in year folders. */
const GROUPS = config({
  series: [
    { name: 'Board', paths: ['board/{YYYY}/{YYYY}-{MM}-{DD}.md'], titles: ['Board Meeting {date}'], schedule: [{ weekdays: [2] }], requiredSections: ['Present'] },
    { name: 'Tools', paths: ['tools/{YYYY}/TOOLS-{MM}-{DD}.md'], titles: ['Tools group {date}'], schedule: [{ weekdays: [4], everyWeeks: 2 }] },
  ],
});

const BOARD: Files = {
  'board/2023/2023-12-19.md': minutes('Board Meeting 2023-12-19', 1),
  'board/2024/2024-01-09.md': minutes('Board Meeting 2024-01-09', 2),
  'tools/2024/TOOLS-01-04.md': minutes('Tools group 2024-01-04', 3, false),
};

describe('meeting series', () => {
  describe('the configuration', () => {
    it('reads the keys from before series as the roll-up series, beside the other series', () => {
      const old = config({ weeklyFolder: 'calls', meetingWeekday: 3, weeklyTitle: 'Weekly {date}', requiredSections: ['meta', 'aob'] });
      assert.deepEqual(
        old.series.map((s) => [s.kind, s.paths, s.titles, s.schedule, s.requiredSections]),
        [
          ['rollup', ['calls/{YYYY}{MM}{DD}{suffix}.md'], ['Weekly {date}'], [{ weekdays: [3] }], ['Meta', 'AOB']],
          ['minutes', ['{series}/{YYYY}{MM}{DD}{suffix}.md'], [], [], []],
        ],
      );
      assert.equal(old.weeklyFolder, 'calls');
    });

    it('has one roll-up series and the team series by default', () => {
      assert.deepEqual(DEFAULT_CONFIG.series.map((s) => s.kind), ['rollup', 'minutes']);
      assert.deepEqual(DEFAULT_CONFIG.series[0].requiredSections, ['Meta', 'Team Updates', 'AOB']);
    });

    it('takes zero, one or several roll-ups, and says what is wrong with a series', () => {
      assert.equal(GROUPS.series.filter((s) => s.kind === 'rollup').length, 0);
      assert.equal(GROUPS.weeklyPaths.length, 0);
      const two = config({ series: [{ kind: 'rollup', paths: ['weekly/{YYYY}{MM}{DD}.md'] }, { kind: 'rollup', paths: ['monthly/{YYYY}-{MM}-{DD}.md'] }] });
      assert.deepEqual(two.weeklyPaths, ['weekly/{YYYY}{MM}{DD}.md', 'monthly/{YYYY}-{MM}-{DD}.md']);
      const problems = validate({ series: [{ kind: 'weekly', paths: ['x/{YYYY}.md'], colour: 1 }, { titles: [] }] }, CONFIG_SCHEMA).map((p) => p.message);
      assert.deepEqual(problems, ['series[0].kind must be one of minutes, rollup', 'series[0].paths[0] (x/{YYYY}.md) needs {MM} or {M}', 'unknown setting "series[0].colour"', 'series[1] needs "paths"']);
    });
  });

  describe('checks each file against its own series', () => {
    it("judges the weekday by the file's series: a board meeting on a Thursday, not the tools group's", () => {
      const onThursday = 'board/2024/2024-01-11.md';
      const { findings } = lintDoc(minutes('Board Meeting 2024-01-11', 4), onThursday, BOARD, GROUPS);
      assert.equal(single(findings, 'meeting-weekday').message, '2024-01-11 is a Thursday; the meeting is on Tuesdays.');
      assert.deepEqual(ofCode(lintDoc(minutes('Tools group 2024-01-18', 5, false), 'tools/2024/TOOLS-01-18.md', BOARD, GROUPS).findings, 'meeting-weekday'), []);
    });

    it('tells of a meeting on another weekday while its minutes are written, not once later meetings are history', () => {
      const onThursday = 'board/2024/2024-01-11.md';
      const files = { ...BOARD, 'board/2024/2024-01-16.md': minutes('Board Meeting 2024-01-16', 9) };
      const weekday = (today: { year: number; month: number; day: number }) => ofCode(lintDoc(minutes('Board Meeting 2024-01-11', 4), onThursday, files, GROUPS, today).findings, 'meeting-weekday').length;
      assert.equal(weekday({ year: 2024, month: 1, day: 12 }), 1, 'the day after');
      assert.equal(weekday({ year: 2024, month: 3, day: 1 }), 0, 'months later, with a later meeting since');
    });

    it('treats no file as a roll-up where there is none: no team sections are asked for', () => {
      const { model, findings } = lintDoc(minutes('Board Meeting 2024-01-16', 4), 'board/2024/2024-01-16.md', BOARD, GROUPS);
      assert.equal(model.kind, 'meeting');
      assert.deepEqual(findings.map((f) => f.code), []);
    });

    it('matches title forms tightly: a title of another form in a catch-all series is no roll-up', () => {
      const scs = DEFAULT_CONFIG;
      assert.equal(lintDoc('# SCS Tech Weekly 2022-09-29\n', 'iaas/20220929.md', undefined, scs).model.kind, 'weekly', 'a roll-up saved in a team folder');
      assert.equal(lintDoc('# SCS Tech Weekly notes of Team IaaS 2022-09-29\n', 'iaas/20220929.md', undefined, scs).model.kind, 'meeting');
      const named = lintDoc('# Board Meeting 2024-01-16\n', 'tools/2024/TOOLS-01-16.md', undefined, config({ series: [{ kind: 'rollup', paths: ['board/{YYYY}/{YYYY}-{MM}-{DD}.md'], titles: ['Board Meeting {date}'] }, { paths: ['tools/{YYYY}/TOOLS-{MM}-{DD}.md'] }] }));
      assert.equal(named.model.kind, 'meeting', "a file of a series named by its folder is that series', whatever its title");
    });

    it('asks for the sections the series requires, as people write them, where the previous meeting had them', () => {
      const path = 'board/2024/2024-01-16.md';
      const text = minutes('Board Meeting 2024-01-16', 4, false);
      const f = single(lintDoc(text, path, BOARD, GROUPS).findings, 'missing-section');
      assert.equal(f.message, 'These minutes have no "Present" section; the previous minutes of the series, board/2024/2024-01-09.md, have one.');
      assert.equal(f.fixes?.[0].edits[0].newText.trim(), '## Present');
      assert.deepEqual(ofCode(lintDoc(text.replace('## Topics', '## Present:\n\n- Alex\n\n## Topics'), path, BOARD, GROUPS).findings, 'missing-section'), []);
      assert.deepEqual(ofCode(lintDoc(minutes('Tools group 2024-01-18', 5, false), 'tools/2024/TOOLS-01-18.md', BOARD, GROUPS).findings, 'missing-section'), [], 'the tools group requires none');
    });
  });

  it('takes a long required heading written with a typo for that heading, and a short one a letter apart for another', () => {
    const long = config({ series: [{ paths: ['board/{YYYY}/{YYYY}-{MM}-{DD}.md'], requiredSections: ['Who is reporting in the call and transfering minutes', 'Todo'] }] });
    const files: Files = { 'board/2024/2024-01-09.md': '# 2024-01-09\n\n## Who is reporting in the call and transfering minutes\n\n- @kim\n\n## Todo\n\n- x\n' };
    const text = '# 2024-01-16\n\n## Who is reporting in the call and transferring minutes\n\n- @kim\n\n## Toda\n\n- x\n';
    const found = ofCode(lintDoc(text, 'board/2024/2024-01-16.md', files, long).findings, 'missing-section');
    assert.deepEqual(found.map((f) => f.message), ['These minutes have no "Todo" section; the previous minutes of the series, board/2024/2024-01-09.md, have one.']);
  });

  describe('copies within a series, in year folders', () => {
    const files: Files = { ...BOARD, 'board/2024/2024-01-16.md': minutes('Board Meeting 2024-01-16', 7) };

    it('finds an exact copy across a year folder, naming the original', () => {
      const copy = lintDoc(minutes('Board Meeting 2023-12-19', 1), 'board/2024/2024-01-02.md', files, GROUPS);
      assert.match(single(copy.findings, 'duplicate-minutes').message, /^This file is a copy of board\/2023\/2023-12-19\.md, the minutes of 2023-12-19/u);
    });

    it('finds a copy whose only change is the date, whatever its white space', () => {
      const text = minutes('Board Meeting 2024-01-23', 7).replace('- Alex', '-   Alex').replace(/\n\n/gu, '\n\n\n');
      const copy = lintDoc(text, 'board/2024/2024-01-23.md', files, GROUPS);
      assert.match(single(copy.findings, 'duplicate-minutes').message, /^This file is a copy of board\/2024\/2024-01-16\.md/u);
    });

    it('finds a copy whose title names a range of days, the range changed (06-08 March to 08-10 May)', () => {
      const retreat = (range: string, n: number) => minutes(`Board Retreat`, n).replace('# Board Retreat', `# Board Retreat\n#### ${range}`);
      const withRetreat: Files = { ...files, 'board/2024/2024-03-06.md': retreat('06-08 March 2024', 11) };
      const copy = lintDoc(retreat('08-10 May 2024', 11), 'board/2024/2024-05-08.md', withRetreat, GROUPS);
      assert.match(single(copy.findings, 'duplicate-minutes').message, /^This file is a copy of board\/2024\/2024-03-06\.md/u);
      assert.deepEqual(ofCode(lintDoc(retreat('08-10 May 2024', 12), 'board/2024/2024-05-08.md', withRetreat, GROUPS).findings, 'duplicate-minutes'), [], 'other topics: no copy');
    });

    it('stays quiet on minutes that differ in more than their dates, and on copies in another series', () => {
      assert.deepEqual(ofCode(lintDoc(minutes('Board Meeting 2024-01-23', 8), 'board/2024/2024-01-23.md', files, GROUPS).findings, 'duplicate-minutes'), []);
      const otherSeries = lintDoc(minutes('Tools group 2024-01-18', 7).replace('Tools group', 'Board Meeting'), 'tools/2024/TOOLS-01-18.md', files, GROUPS);
      assert.deepEqual(ofCode(otherSeries.findings, 'duplicate-minutes'), []);
    });
  });
});

describe('new minutes of a series', () => {
  it("are shaped like the series' last meeting: its title form with the date written the same way, its heading levels, its required sections", () => {
    const groups = config({ series: [{ paths: ['wg/{YYYY}/{YYYY}-{MM}-{DD}.md'], requiredSections: ['Present'] }] });
    const last = ['## Working group call, 8 January 2024', '', '### Attendees', '', '* @kim', '', '### Agenda', '', '* Charter', ''].join('\n');
    const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => (p === 'wg/2024/2024-01-08.md' ? last : undefined) }, groups, ['wg/2024/2024-01-08.md']);
    const file = newTeamMinutes(workspace, 'wg', calendarFor(groups.holidays), { year: 2024, month: 1, day: 15 });
    assert.equal(file.path, 'wg/2024/2024-01-15.md');
    assert.equal(file.text, ['## Working group call, 15 January 2024', '', '### Attendees', '', '* @kim', '', '### Present', '', '* ', '', '### Agenda', '', '* ', ''].join('\n'));
  });

  it('take the title form the series is configured with', () => {
    const board = config({ series: [{ paths: ['board/{YYYY}-{MM}-{DD}.md'], titles: ['PSC Meeting, {date}'] }] });
    const workspace = new MinutesWorkspace('file:///repo', { readFile: () => '# 2024-01-08\n' }, board, ['board/2024-01-08.md']);
    assert.match(newTeamMinutes(workspace, 'board', calendarFor(board.holidays), { year: 2024, month: 1, day: 15 }).text, /^# PSC Meeting, 2024-01-15\n/u);
  });
});
