// Issue 28, point 5: New Weekly Minutes long after the last roll-up drafts from the series that meet now.
import * as assert from 'node:assert/strict';
import { calendarFor, DEFAULT_CONFIG, MinutesWorkspace, newWeeklyMinutes } from '../../server/src/core';
import { BASE, joinLines } from './helpers';

const calendar = calendarFor(DEFAULT_CONFIG.holidays);
const team = (date: string) => joinLines(`# ${date}`, '', '## Participants', '', '- @kim', '', '## Agenda', '', '- Image standard', '');

// The last roll-up (2023) names Team IaaS and Team Old Times; in December 2026 iaas/ meets weekly,
// sig-standardization/ every other week (no roll-up ever named it), old-times/ stopped in 2023 and
// container/ in June 2026.
const FILES: Record<string, string> = {
  'community-call/20230105.md': joinLines(
    '# SCS Tech Weekly 2023-01-05',
    '## Meta',
    '- Minutes: Jonas',
    '## Team Updates',
    '### Team Old Times',
    `Minutes: ${BASE}old-times/20230104.md`,
    '### Team IaaS',
    `Minutes: ${BASE}iaas/20230104.md`,
    '## AOB',
  ),
  'old-times/20230104.md': team('2023-01-04'),
  'iaas/20230104.md': team('2023-01-04'),
  'iaas/20261125.md': team('2026-11-25'),
  'iaas/20261202.md': team('2026-12-02'),
  'iaas/20261209.md': team('2026-12-09'),
  'sig-standardization/20261105.md': team('2026-11-05'),
  'sig-standardization/20261119.md': team('2026-11-19'),
  'sig-standardization/20261203.md': team('2026-12-03'),
  'container/20260601.md': team('2026-06-01'),
  'container/20260608.md': team('2026-06-08'),
};
const DATE = { year: 2026, month: 12, day: 10 };

const headings = (text: string) => text.split('\n').filter((l) => l.startsWith('### '));

describe('New Weekly Minutes long after the last roll-up (issue 28, point 5)', () => {
  it('drafts the series that met in the last weeks, not the teams of the old roll-up, their newest minutes linked', () => {
    const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => FILES[p] }, DEFAULT_CONFIG, Object.keys(FILES));
    const file = newWeeklyMinutes(workspace, DEFAULT_CONFIG, calendar, DATE);
    assert.deepEqual(headings(file.text), ['### Team IaaS', '### SIG Standardization']);
    assert.match(file.text, new RegExp(`### Team IaaS\\n\\nMinutes: ${BASE}iaas/20261209\\.md\\n`, 'u'));
    assert.match(file.text, new RegExp(`### SIG Standardization\\n\\nMinutes: ${BASE}sig-standardization/20261203\\.md\\n`, 'u'));
  });

  it('explains it in short sentences, one reason each', () => {
    const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => FILES[p] }, DEFAULT_CONFIG, Object.keys(FILES));
    const sentences = newWeeklyMinutes(workspace, DEFAULT_CONFIG, calendar, DATE).warning?.split(/(?<=\.)\s+/u);
    assert.deepEqual(sentences, ['The last roll-up is about 4 years older: community-call/20230105.md.', 'Its teams are drafted from the series that met in the last 8 weeks.']);
    assert.ok(sentences.every((s) => s.length <= 80), 'a quick pick line shows about 80 characters whole');
  });

  it('keeps drafting from the last roll-up while it is recent', () => {
    const recent: Record<string, string> = { ...FILES, 'community-call/20261203.md': FILES['community-call/20230105.md'].replaceAll('2023-01-05', '2026-12-03') };
    const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => recent[p] }, DEFAULT_CONFIG, Object.keys(recent));
    const file = newWeeklyMinutes(workspace, DEFAULT_CONFIG, calendar, DATE);
    // The previous roll-up's teams, as before: a weekly team stays even without minutes this week.
    assert.deepEqual(headings(file.text), ['### Team Old Times', '### Team IaaS']);
    assert.equal(file.warning, undefined);
  });
});
