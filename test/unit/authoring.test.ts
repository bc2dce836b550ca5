import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { applyEdits } from '../../cli/src/applyEdits';
import { calendarFor, dateOptions, resolveConfig, DEFAULT_CONFIG, documentLinks, hover, insertOption, lint, MinutesWorkspace, newTeamMinutes, newWeeklyMinutes, parseMinutes, weeklyDateChoices } from '../../server/src/core';
import { BASE, joinLines, modelOf } from './helpers';
import { workspaceOf } from './rules/ruleHelpers';
import { nextTeamMeeting } from '../../server/src/core/features/newMinutes';

const calendar = calendarFor(DEFAULT_CONFIG.holidays);
const files: Record<string, string> = {
  'community-call/20220922.md': joinLines('# SCS Tech Weekly 2022-09-22', '## Meta', '- Minutes: Jonas', '## Team Updates', '### Team IaaS', `Minutes: ${BASE}iaas/20220921.md`, '### IAM SIG', 'Minutes: none yet', '## AOB'),
  'iaas/20220921.md': '# 2022-09-21\n\n## Participants\n\n- @garloff\n- @fkr\n\n## Agenda\n\n- Image manager\n',
  'iaas/20220928.md': '# 2022-09-28\n\n## Participants\n\n- @fkr\n- @berendt\n\n## Agenda\n\n- Image standard\n- IPv6\n',
};
const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => files[p] }, DEFAULT_CONFIG, Object.keys(files));
const env = { config: DEFAULT_CONFIG, workspace, calendar, today: { year: 2022, month: 9, day: 29 } };
const weekly = joinLines('# SCS Tech Weekly 2022-09-29', '## Team Updates', '### Team IaaS', `Minutes: ${BASE}iaas/20220928.md`, '- No meeting on 2022-10-03', '', '## AOB');
const markdown = (h: ReturnType<typeof hover>) => (h?.contents as MarkupContent).value;

describe('hover', () => {
  const model = modelOf(weekly);

  it('tells the weekday of a date, how far it is, and that it is a public holiday', () => {
    const text = markdown(hover(model, { line: 4, character: 20 }, env));
    assert.equal(text, '**Monday**, 2022-10-03: in 4 days\n\n4 days after the meeting (2022-09-29)\n\nPublic holiday in Germany: National Holiday (Tag der Deutschen Einheit)');
  });

  it("shows the linked minutes' title and first agenda items", () => {
    const text = markdown(hover(model, { line: 3, character: 30 }, env));
    assert.match(text, /\*\*iaas\/20220928\.md\*\*/u);
    assert.match(text, /Image standard/u);
  });

  it('says nothing elsewhere', () => {
    assert.equal(hover(model, { line: 2, character: 3 }, env), null);
  });
});

describe('document links', () => {
  it('opens the local file where the workspace has it, else the URL', () => {
    const model = modelOf(weekly.replace('iaas/20220928.md', 'iaas/20220927.md'));
    assert.deepEqual(documentLinks(model, workspace).map((l) => l.target), [`${BASE}iaas/20220927.md`]);
    assert.deepEqual(documentLinks(modelOf(weekly), workspace).map((l) => l.target), ['file:///repo/iaas/20220928.md']);
  });
});

describe('holiday notices and dates', () => {
  it('offers a notice for each public holiday before the next meeting, in the corpus wording', () => {
    const options = dateOptions(modelOf(weekly), env);
    assert.deepEqual(options.filter((o) => o.kind === 'holiday-notice').map((o) => o.text), [
      '2022-10-03 is a public holiday in Germany (National Holiday (Tag der Deutschen Einheit)); the team meeting will be cancelled on that day',
    ]);
  });

  it('offers the meeting date, the next one, and the next one that is not a holiday', () => {
    const teamMinutes = modelOf('# 2022-09-26\n\n- ', 'container/20220926.md');
    const texts = dateOptions(teamMinutes, env).filter((o) => o.kind === 'date').map((o) => o.text);
    assert.deepEqual(texts, ['2022-09-26', '2022-10-03', 'Will take place on 2022-10-10 (not 2022-10-03!)']);
  });

  it('inserts a notice as its own list item, changing nothing else', () => {
    const model = modelOf(weekly);
    const [notice] = dateOptions(model, env);
    const onText = applyEdits(weekly, [insertOption(model, { line: 4, character: 5 }, notice)]);
    assert.equal(onText, weekly.replace('- No meeting on 2022-10-03', `- No meeting on 2022-10-03\n- ${notice.text}`));
    const onBlank = applyEdits(weekly, [insertOption(model, { line: 5, character: 0 }, notice)]);
    assert.equal(onBlank, weekly.replace('2022-10-03\n\n', `2022-10-03\n- ${notice.text}\n`));
  });

  it('uses the configured wording and the document language for holiday names', () => {
    const config = { ...DEFAULT_CONFIG, holidays: { country: 'DE', language: 'de' }, holidayNotice: { template: 'Am {date} ist {holiday}: kein Treffen.', days: 14 } };
    const [notice] = dateOptions(modelOf(weekly, undefined, config), { ...env, config, calendar: calendarFor(config.holidays) });
    assert.equal(notice.text, 'Am 2022-10-03 ist Tag der Deutschen Einheit: kein Treffen.');
  });
});

describe('new minutes', () => {
  it('picks the next meeting day, and asks between today and next week on the meeting day', () => {
    assert.deepEqual(weeklyDateChoices(DEFAULT_CONFIG, { year: 2022, month: 9, day: 27 }), [{ year: 2022, month: 9, day: 29 }]);
    assert.deepEqual(weeklyDateChoices(DEFAULT_CONFIG, { year: 2022, month: 9, day: 29 }), [
      { year: 2022, month: 9, day: 29 },
      { year: 2022, month: 10, day: 6 },
    ]);
  });

  it('writes a roll-up with the expected teams, their latest minutes linked, that lints clean', () => {
    const file = newWeeklyMinutes(workspace, DEFAULT_CONFIG, calendar, { year: 2022, month: 9, day: 29 });
    assert.equal(file.path, 'community-call/20220929.md');
    assert.equal(file.exists, false);
    assert.equal(
      file.text,
      joinLines('# SCS Tech Weekly 2022-09-29', '', '## Meta', '', '- Minutes: ', '', '## Team Updates', '', '### Team IaaS', '', `Minutes: ${BASE}iaas/20220928.md`, '', '- ', '', '## AOB', '', '## Project Updates', ''),
    );
    assert.deepEqual(file.cursor, { line: 4, character: 11 });
    const model = parseMinutes({ uri: 'file:///repo/community-call/20220929.md', version: 1, text: file.text }, DEFAULT_CONFIG);
    const problems = lint(model, DEFAULT_CONFIG, { workspace }).filter((f) => f.severity === 'warning' || f.severity === 'error');
    assert.deepEqual(problems, []);
  });

  it('warns about a holiday and never claims a file that exists is new', () => {
    assert.equal(newWeeklyMinutes(workspace, { ...DEFAULT_CONFIG, meetingWeekday: 1 }, calendar, { year: 2022, month: 10, day: 3 }).holiday, 'National Holiday (Tag der Deutschen Einheit)');
    assert.equal(newWeeklyMinutes(workspace, DEFAULT_CONFIG, calendar, { year: 2022, month: 9, day: 22 }).exists, true);
  });

  it("writes team minutes with the last meeting's participants", () => {
    const file = newTeamMinutes(workspace, 'iaas', calendar, { year: 2022, month: 10, day: 5 });
    assert.equal(file.path, 'iaas/20221005.md');
    assert.equal(file.text, '# 2022-10-05\n\n## Participants\n\n- @fkr\n- @berendt\n\n## Agenda\n\n- \n');
    assert.deepEqual(file.cursor, { line: 9, character: 2 });
  });
});

describe('new team minutes shaped like the last meeting (issue 14)', () => {
  const teamFiles: Record<string, string> = {
    'sig-monitoring/20221102.md': '# 2022-11-02\n\n## Participants\n\n* @kim\n* @lee\n\n## Community call\n\n* Who is presenting in the weekly call?\n    * Minutes-transfer: @lee\n\n## Agenda\n\n* Alerting\n',
    'sig-monitoring/20221109.md': '# 2022-11-09\n\n## Participants\n\n* @kim\n\n## Community call\n\n* Who is presenting in the weekly call?\n    * Minutes-transfer: @kim and @lee\nReport in the community call: @kim\n\n## Agenda\n\n* Dashboards\n',
    'iaas/20221018.md': '# 2022-10-18\n',
  };
  const teams = new MinutesWorkspace('file:///repo', { readFile: (p) => teamFiles[p] }, DEFAULT_CONFIG, Object.keys(teamFiles));

  it('proposes the weekday most recent meetings fell on, on or after today', () => {
    assert.deepEqual(nextTeamMeeting(teams, 'sig-monitoring', { year: 2026, month: 11, day: 29 }), { date: { year: 2026, month: 12, day: 2 }, basis: 'it meets on Wednesdays, from its recent minutes' });
    assert.deepEqual(nextTeamMeeting(teams, 'sig-monitoring', { year: 2026, month: 12, day: 2 }).date, { year: 2026, month: 12, day: 2 });
    assert.deepEqual(nextTeamMeeting(teams, 'iaas', { year: 2026, month: 11, day: 29 }).date, { year: 2026, month: 12, day: 1 });
  });

  it('proposes the next meeting of the schedule the series is configured with, every second week counted from the last one held', () => {
    const biweekly = resolveConfig({ series: [{ paths: ['{series}/{YYYY}{MM}{DD}.md'], schedule: [{ weekdays: [4], everyWeeks: 2, from: '2026-01-15' }] }] });
    assert.deepEqual(biweekly.errors, []);
    const held = { 'sig-std/20260521.md': '## 2026-05-21\n', 'sig-std/20260604.md': '## 2026-06-04\n' } as Record<string, string>;
    const scheduled = workspaceOf(held, biweekly.config);
    const next = nextTeamMeeting(scheduled, 'sig-std', { year: 2026, month: 6, day: 8 }, calendar);
    assert.deepEqual(next, { date: { year: 2026, month: 6, day: 18 }, basis: 'its schedule: every 2 weeks, Thursday, from 2026-01-15' });
  });

  it('carries the recurring items with last time’s answers blank, in the folder’s bullet style', () => {
    const file = newTeamMinutes(teams, 'sig-monitoring', calendar, { year: 2022, month: 11, day: 16 });
    assert.equal(
      file.text,
      '# 2022-11-16\n\n## Participants\n\n* @kim\n\n## Community call\n\n* Who is presenting in the weekly call?\n    * Minutes-transfer: \nReport in the community call: \n\n## Agenda\n\n* \n',
    );
  });
});

describe('new team minutes of a series that writes each topic as a heading (issue 28)', () => {
  const meeting = (date: string, people: string[], transfer: string, topic: string[], news: string[] = []) =>
    [`## ${date}`, '', '### Participants', '', ...people.map((p) => `- @${p}`), '', '### Pending action items', '', '- _AI @cho: draft the IPv6 standard_', '  - ongoing', '',
      '### Minutes `transfer`', '', `- transfer: @${transfer}`, '- report in the community call', ...news, '', ...topic, ''].join('\n');
  const seriesFiles: Record<string, string> = {
    'sig-std/20260521.md': meeting('2026-05-21', ['ana', 'ben'], 'ana', ['### Lifetime of test results', '', 'sponsor: @ana', '', '- premise']),
    'sig-std/20260528.md': meeting('2026-05-28', ['ana', 'ben'], 'ben', ['### Problem with Zuul', '', '- secrets do not work']),
    'sig-std/20260604.md': meeting('2026-06-04', ['ana', 'dia'], 'dia', ['### New os_purpose value `oldgeneric`', '', 'sponsor: @ana', '', '- no objections in this group', '- _AI @ana: implement `oldgeneric` in image manager_'], ['- @dia will not be around in July']),
  };
  const series = workspaceOf(seriesFiles);
  const file = newTeamMinutes(series, 'sig-std', calendar, { year: 2026, month: 6, day: 11 });
  const lines = file.text.split('\n');

  it("copies the sections its meetings share, as written, and none of the last meeting's topics", () => {
    assert.deepEqual(lines.filter((l) => l.startsWith('#')), ['## 2026-06-11', '### Participants', '### Pending action items', '### Minutes `transfer`', '### ']);
    const at = lines.indexOf('### Minutes `transfer`');
    // Its fields blank, the lines it always has, not last time's news.
    assert.deepEqual(lines.slice(at + 2, lines.indexOf('', at + 2)), ['- transfer: ', '- report in the community call']);
    assert.doesNotMatch(file.text, /no objections|premise|secrets|July/u);
  });

  it('lists the participants of the last meeting, not the owners and sponsors its minutes mention', () => {
    const at = lines.indexOf('### Participants');
    assert.deepEqual(lines.slice(at + 2, lines.indexOf('', at + 2)), ['- @ana', '- @dia']);
  });

  it('carries each open item once, and leaves the cursor on the heading of the first topic', () => {
    assert.equal(lines.filter((l) => l.includes('implement `oldgeneric`')).length, 1, file.text);
    assert.equal(lines.filter((l) => l.includes('draft the IPv6 standard')).length, 1, file.text);
    assert.deepEqual(file.cursor, { line: lines.lastIndexOf('### '), character: 4 });
  });
});
