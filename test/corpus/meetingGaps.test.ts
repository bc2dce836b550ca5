import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/core';
import { parseCalendar } from '../../server/src/core/calendars';
import { datedPathOf } from '../../server/src/core/config/paths';
import { calendarGaps } from '../../server/src/core/meetings/gaps';
import { readCalendars, type CalendarReader } from '../../server/src/core/meetings/readCalendars';
import type { CalendarEvent } from '../../server/src/core/meetings/types';
import { feedReader } from '../../server/src/feeds/fetchFeed';
import { MinutesIndex } from '../../server/src/core/workspace/minutesIndex';
import { listMarkdownFiles } from '../../server/src/node/fileWorkspace';
import { serveOnLoopback } from '../support/loopback';
import { CORPUS, requireCorpus } from './corpusPath';

/** SCS's meeting calendar (yaml2ics), beside the minutes (read in place: see the corpus NOTICE.md). */
const CALENDAR = resolve(CORPUS, '../scs-calendar');

describe('corpus: the SCS calendar against the SCS minutes', function () {
  before(function () {
    requireCorpus(this);
    if (!existsSync(CALENDAR)) this.skip();
  });

  const fromDisk: CalendarReader = (path) => readFile(join(CALENDAR, path), 'utf8');
  const gapsAsOf = async (today: string, read = fromDisk, calendar = 'main.yml') => {
    const config = { ...DEFAULT_CONFIG, calendars: [calendar] };
    const index = new MinutesIndex(listMarkdownFiles(CORPUS), (path) => datedPathOf(path, config));
    const [year, month, day] = today.split('-').map(Number);
    return calendarGaps(config, read, parseCalendar, index, { year, month, day });
  };
  const datesOf = (gaps: Awaited<ReturnType<typeof gapsAsOf>>, series: string, year = '2026') => gaps.missing.filter((m) => m.series === series && m.date.startsWith(year)).map((m) => m.date);

  it('finds the meetings without minutes that were checked by hand against the folders', async () => {
    const gaps = await gapsAsOf('2026-06-15');
    assert.deepEqual(gaps.problems, []);
    // Team Container: every other Friday from 2026-01-23, except Good Friday and Labour Day; container/ has no 2026 file.
    assert.deepEqual(datesOf(gaps, 'container'), ['2026-01-23', '2026-02-06', '2026-02-20', '2026-03-06', '2026-03-20', '2026-04-17', '2026-05-15', '2026-05-29']);
    // Project Board: weekly on Mondays; 02-16, 03-09, 03-23, 04-06 are excepted, minutes stop at 05-04 (they arrive in batches).
    assert.deepEqual(datesOf(gaps, 'project-board'), ['2026-02-09', '2026-03-30', '2026-05-11', '2026-05-18', '2026-05-25', '2026-06-01', '2026-06-08']);
    // SIG Standardization's 2026 is complete (02-26 and 05-21 excepted); in 2025 its Tuesday meetings of 10-07 and 10-21 have none.
    assert.deepEqual(datesOf(gaps, 'sig-standardization'), []);
    assert.deepEqual(datesOf(gaps, 'sig-standardization', '2025-10'), ['2025-10-07', '2025-10-21']);
    const container = gaps.series.find((s) => s.series === 'container');
    assert.equal(container?.lastMinutes, '2025-12-12');
    assert.deepEqual(container?.schedule.map((s) => s.schedule), ['every 2 weeks, Friday 09:05, from 2025-02-21 until 2025-12-22', 'every 2 weeks, Friday 09:05, from 2026-01-23 until 2026-12-18']);
  });

  it('expects the meetings of a series no calendar covers from its schedule: the weekly roll-up on Thursdays', async () => {
    const gaps = await gapsAsOf('2026-06-15');
    // community-call/ (SCS Tech Weekly, Thursdays in the default config), checked against the folder: 08-11,
    // 09-01 to 09-15 and 11-10 of 2022 have no minutes; the five weeks after 09-29 were a pause; its last minutes are of 2022-12-22.
    const rollUp = gaps.missing.filter((m) => m.series === 'community-call');
    assert.deepEqual(rollUp.map((m) => m.date), ['2022-08-11', '2022-09-01', '2022-09-08', '2022-09-15', '2022-11-10']);
    assert.ok(rollUp.every((m) => m.source === 'schedule' && m.event === 'SCS Tech Weekly'));
  });

  it('never reports an excepted date, nor a meeting within the grace period or after today', async () => {
    const gaps = await gapsAsOf('2026-03-01');
    assert.ok(gaps.missing.every((m) => m.date <= '2026-02-22'), 'seven days of grace');
    assert.deepEqual(datesOf(gaps, 'project-board'), ['2026-02-09']);
    const later = await gapsAsOf('2026-06-15');
    for (const [series, excepted] of [['project-board', '2026-02-16'], ['project-board', '2026-03-09'], ['container', '2026-04-03'], ['container', '2026-05-01']]) {
      assert.ok(!later.missing.some((m) => m.series === series && m.date === excepted), `${series} ${excepted}`);
    }
  });

  it('finds the same meetings in an iCalendar file written from the YAML as yaml2ics writes it, and in the YAML served as a feed', async () => {
    const expected = (await gapsAsOf('2026-06-15')).missing.map((m) => `${m.series} ${m.date} ${m.event}`);
    const { events } = await readCalendars(['main.yml'], fromDisk, parseCalendar);
    const ics = asYaml2ics(events);
    const fromIcs = await gapsAsOf('2026-06-15', () => Promise.resolve(ics), 'scs.ics');
    assert.deepEqual(fromIcs.problems, []);
    assert.deepEqual(fromIcs.missing.map((m) => `${m.series} ${m.date} ${m.event}`), expected);

    const server = await serveOnLoopback((request, response) => {
      readFile(join(CALENDAR, decodeURIComponent(request.url!.slice(1))), 'utf8').then(
        (text) => response.writeHead(200).end(text),
        () => response.writeHead(404).end(),
      );
    });
    try {
      const url = `${server.base}/main.yml`;
      const fromFeed = await gapsAsOf('2026-06-15', feedReader(5000), url);
      assert.deepEqual(fromFeed.problems, []);
      assert.deepEqual(fromFeed.missing.map((m) => `${m.series} ${m.date} ${m.event}`), expected);
    } finally {
      await server.close();
    }
  });
});

/** The events as yaml2ics writes them: DTSTART, EXDATE and RDATE in the calendar's zone, a floating UNTIL. */
function asYaml2ics(events: CalendarEvent[]): string {
  const stamp = (local: string) => local.replace(/[-:]/gu, '');
  const escape = (text: string) => text.replace(/\\/gu, '\\\\').replace(/[;,]/gu, '\\$&').replace(/\n/gu, '\\n');
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:ics.py - http://git.io/lLljaA'];
  events.forEach((event, i) => {
    lines.push('BEGIN:VEVENT', `UID:${i}@test`, `SUMMARY:${escape(event.summary)}`, `DESCRIPTION:${escape(event.description)}`, `DTSTART;TZID=Europe/Berlin:${stamp(event.start)}`);
    if (event.rule) lines.push(`RRULE:${event.rule.recur.toString()}`);
    if (event.exceptStarts.length) lines.push(`EXDATE;TZID=Europe/Berlin:${event.exceptStarts.map(stamp).join(',')}`);
    if (event.extraStarts.length) lines.push(`RDATE;TZID=Europe/Berlin:${event.extraStarts.map(stamp).join(',')}`);
    lines.push('END:VEVENT');
  });
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}
