import * as assert from 'node:assert/strict';
import { parseCalendar } from '../../server/src/core/calendars';
import { resolveConfig } from '../../server/src/core/config/load';
import { datedPathOf } from '../../server/src/core/config/paths';
import type { ScheduleEntry } from '../../server/src/core/config/types';
import { fromDayNumber, dayNumber, formatDate, type CalendarDate } from '../../server/src/core/model/dates';
import { calendarGaps } from '../../server/src/core/meetings/gaps';
import { MinutesIndex } from '../../server/src/core/workspace/minutesIndex';

const date = (text: string): CalendarDate => {
  const [year, month, day] = text.split('-').map(Number);
  return { year, month, day };
};
/** Every `step` days from `first` to `last`, but the dates left out: a generated series of minutes. */
const series = (first: string, last: string, step: number, leftOut: string[] = []) => {
  const dates: string[] = [];
  for (let day = dayNumber(date(first)); day <= dayNumber(date(last)); day += step) dates.push(formatDate(fromDayNumber(day)));
  return dates.filter((d) => !leftOut.includes(d));
};
const noCalendar = () => Promise.reject(new Error('no calendar is read'));

/** The missing meetings `--gaps` lists for one series `board/` with this schedule and these minutes. */
async function missingOf(schedule: ScheduleEntry[], minutes: string[], today: string, extra: Record<string, unknown> = {}) {
  const { config, errors } = resolveConfig({ series: [{ name: 'Board', paths: ['board/{YYYY}{MM}{DD}.md'], schedule }], ...extra });
  assert.deepEqual(errors, []);
  const index = new MinutesIndex(
    minutes.map((d) => `board/${d.replace(/-/gu, '')}.md`),
    (path) => datedPathOf(path, config),
  );
  return calendarGaps(config, noCalendar, parseCalendar, index, date(today));
}
const datesOf = (gaps: Awaited<ReturnType<typeof missingOf>>) => gaps.missing.map((m) => m.date);

describe('meetings without minutes from a series schedule (no calendar)', () => {
  it('expects the schedule from the first minutes on, up to today less the grace period, and says the schedule expects them', async () => {
    // Thursdays from 2026-01-08; 02-05 and 03-05 have no minutes; 03-12 was held on 03-10 (moved).
    const minutes = [...series('2026-01-08', '2026-03-26', 7, ['2026-02-05', '2026-03-05', '2026-03-12']), '2026-03-10'];
    const gaps = await missingOf([{ weekdays: [4] }], minutes, '2026-04-06');
    // 04-02 is within the seven days of grace; nothing before 01-08.
    assert.deepEqual(datesOf(gaps), ['2026-02-05', '2026-03-05']);
    assert.deepEqual(gaps.missing[0], { series: 'board', date: '2026-02-05', event: 'Board', source: 'schedule' });
    assert.deepEqual(gaps.series.map((s) => [s.series, s.lastMinutes, s.schedule]), [['board', '2026-03-26', [{ event: 'Board', schedule: 'every week, Thursday', source: 'schedule' }]]]);
    const later = await missingOf([{ weekdays: [4] }], minutes, '2026-04-10');
    assert.deepEqual(datesOf(later), ['2026-02-05', '2026-03-05', '2026-04-02'], 'a series still meeting is expected up to today less the grace period');
  });

  it('expects no meeting on a public holiday of the configured region', async () => {
    // Thursdays through May 2026: 05-14 is Ascension Day in Germany, and no public holiday in the US.
    const minutes = series('2026-04-02', '2026-05-28', 7, ['2026-05-14']);
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [4] }], minutes, '2026-06-01')), []);
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [4] }], minutes, '2026-06-01', { holidays: { country: 'US', language: 'en' } })), ['2026-05-14']);
  });

  it('gives a series that ended no tail of meetings after its last minutes, and one still meeting its recent ones', async () => {
    // Weekly on Mondays until 2025-03-31; today is a year later.
    const ended = series('2025-01-06', '2025-03-31', 7, ['2025-02-03']);
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [1] }], ended, '2026-04-01')), ['2025-02-03']);
    // The same minutes as of 2025-04-20: the series may still be meeting (three weeks since its last minutes at most).
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [1] }], ended, '2025-04-20')), ['2025-02-03', '2025-04-07']);
    // A period that ends by its `until` expects nothing after it, even of a series still meeting.
    const recent = series('2025-01-06', '2025-03-10', 7, ['2025-02-03']);
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [1] }], recent, '2025-03-28')), ['2025-02-03', '2025-03-17']);
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [1], until: '2025-03-16' }], recent, '2025-03-28')), ['2025-02-03']);
  });

  it('follows an every-other-week cadence from the minutes, across a meeting moved by a week', async () => {
    // Every other Tuesday from 2026-01-06; after 02-03 the meeting moved a week later (02-24, 03-10, ...); 03-24 has no minutes.
    const minutes = [...series('2026-01-06', '2026-02-03', 14), ...series('2026-02-24', '2026-04-21', 14, ['2026-03-24'])];
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [2], everyWeeks: 2 }], minutes, '2026-05-01')), ['2026-03-24']);
  });

  it('takes a series whose minutes came every other week lately for meeting so, and a long silence for a pause', async () => {
    // Weekly on Wednesdays, then every other week from March; 05-06 has no minutes.
    const minutes = [...series('2026-01-07', '2026-02-25', 7), ...series('2026-03-11', '2026-06-17', 14, ['2026-05-06'])];
    const gaps = await missingOf([{ weekdays: [3] }], minutes, '2026-06-25');
    // The first weeks without minutes are gaps as it stood (a weekly series); once the minutes came every
    // other week three times in a row, the weeks between are not, and 05-06 is one of its meetings.
    assert.deepEqual(datesOf(gaps), ['2026-03-04', '2026-03-18', '2026-04-01', '2026-05-06']);
    // Weekly with a summer break of two months: the break is no list of missing meetings; 09-09 is.
    const paused = [...series('2026-05-06', '2026-06-24', 7), ...series('2026-09-02', '2026-10-28', 7, ['2026-09-09'])];
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [3] }], paused, '2026-11-04')), ['2026-09-09']);
  });

  it('expects both weekdays only of a series whose minutes show two meetings a week', async () => {
    const either = series('2026-01-06', '2026-03-31', 7).map((d, i) => (i % 2 ? formatDate(fromDayNumber(dayNumber(date(d)) + 2)) : d));
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [2, 4] }], either, '2026-04-10')), [], 'Tuesday or Thursday: one meeting a week');
    const both = [...series('2026-01-06', '2026-03-31', 7), ...series('2026-01-08', '2026-04-02', 7, ['2026-02-12'])];
    assert.deepEqual(datesOf(await missingOf([{ weekdays: [2, 4] }], both, '2026-04-10')), ['2026-02-12']);
  });

  it('lets a calendar that covers the series speak for it instead of the schedule', async () => {
    const calendar = 'events:\n  - summary: Board meeting\n    begin: 2026-01-08 10:00:00\n    description: "Minutes: board/"\n    repeat: { interval: { weeks: 1 }, until: 2026-03-31, except_on: [2026-02-05 10:00:00] }\n';
    const { config } = resolveConfig({ series: [{ name: 'Board', paths: ['board/{YYYY}{MM}{DD}.md'], schedule: [{ weekdays: [4] }] }], calendars: ['cal.yml'] });
    const minutes = series('2026-01-08', '2026-03-26', 7, ['2026-02-05', '2026-03-05']);
    const index = new MinutesIndex(minutes.map((d) => `board/${d.replace(/-/gu, '')}.md`), (path) => datedPathOf(path, config));
    const gaps = await calendarGaps(config, () => Promise.resolve(calendar), parseCalendar, index, date('2026-04-06'));
    assert.deepEqual(gaps.missing, [{ series: 'board', date: '2026-03-05', event: 'Board meeting', source: 'cal.yml' }]);
  });
});
