import * as assert from 'node:assert/strict';
import { parseCalendar } from '../../server/src/core/calendars';
import { occurrences } from '../../server/src/core/meetings/expand';
import { readICalendar } from '../../server/src/core/meetings/icalendar';
import { missingMeetings } from '../../server/src/core/meetings/missing';
import { readCalendars, resolveInclude } from '../../server/src/core/meetings/readCalendars';
import { seriesOfEvent } from '../../server/src/core/meetings/seriesLink';
import type { CalendarEvent } from '../../server/src/core/meetings/types';
import { readYamlCalendar } from '../../server/src/core/meetings/yamlCalendar';

const ics = (...lines: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', 'UID:series@test', 'SUMMARY:Team Meeting', ...lines, 'END:VEVENT'];
const datesOf = (events: CalendarEvent[], from = '2026-01-01', until = '2026-12-31') => events.flatMap((e) => occurrences(e, from, until).map((m) => m.date));

describe('meeting calendars: iCalendar', () => {
  it('expands RRULE with INTERVAL and UNTIL in the local time of its TZID', () => {
    const events = readICalendar(ics(...vevent('DTSTART;TZID=Europe/Berlin:20260105T140500', 'RRULE:FREQ=WEEKLY;INTERVAL=2;UNTIL=20260216T130500Z')), 'team.ics');
    assert.deepEqual(datesOf(events), ['2026-01-05', '2026-01-19', '2026-02-02', '2026-02-16']);
  });

  it('stops after COUNT occurrences and keeps to BYDAY', () => {
    const events = readICalendar(ics(...vevent('DTSTART:20260105T090000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=5')), 'team.ics');
    assert.deepEqual(datesOf(events), ['2026-01-05', '2026-01-08', '2026-01-12', '2026-01-15', '2026-01-19']);
  });

  it('leaves out EXDATE (written in UTC or in the TZID) and adds RDATE', () => {
    const events = readICalendar(
      ics(
        ...vevent(
          'DTSTART;TZID=Europe/Berlin:20260302T140500',
          'RRULE:FREQ=WEEKLY;COUNT=5',
          // 14:05 in Berlin is 13:05 UTC in March before the change and 12:05 UTC after it.
          'EXDATE:20260309T130500Z',
          'EXDATE;TZID=Europe/Berlin:20260330T140500',
          'RDATE;TZID=Europe/Berlin:20260312T100000',
        ),
      ),
      'team.ics',
    );
    assert.deepEqual(datesOf(events), ['2026-03-02', '2026-03-12', '2026-03-16', '2026-03-23']);
  });

  it('moves one occurrence by RECURRENCE-ID and drops a cancelled one', () => {
    const events = readICalendar(
      ics(
        ...vevent('DTSTART;TZID=Europe/Berlin:20260105T140500', 'RRULE:FREQ=WEEKLY;COUNT=4'),
        ...vevent('RECURRENCE-ID;TZID=Europe/Berlin:20260112T140500', 'DTSTART;TZID=Europe/Berlin:20260114T090000'),
        ...vevent('RECURRENCE-ID;TZID=Europe/Berlin:20260119T140500', 'DTSTART;TZID=Europe/Berlin:20260119T140500', 'STATUS:CANCELLED'),
      ),
      'team.ics',
    );
    assert.equal(events.length, 1);
    assert.deepEqual(datesOf(events), ['2026-01-05', '2026-01-14', '2026-01-26']);
  });

  it('keeps the local time across a DST change: a meeting at 14:05 stays on its weekday', () => {
    // Berlin switches to summer time on 2026-03-29; in UTC the rule's start is 13:05, later 12:05.
    const events = readICalendar(ics('X-WR-TIMEZONE:Europe/Berlin', ...vevent('DTSTART:20260323T130500Z', 'RRULE:FREQ=WEEKLY;COUNT=3', 'EXDATE:20260330T120500Z')), 'team.ics');
    assert.equal(events[0].start, '2026-03-23T14:05:00');
    assert.deepEqual(datesOf(events), ['2026-03-23', '2026-04-06']);
  });

  it('dates a meeting by its local date where it is held, not by UTC', () => {
    // 23:30 in New York on 10 March is 03:30 UTC on 11 March.
    const inZone = readICalendar(ics(...vevent('DTSTART;TZID=America/New_York:20260310T233000', 'DURATION:PT1H')), 'a.ics');
    const inUtc = readICalendar(ics('X-WR-TIMEZONE:America/New_York', ...vevent('DTSTART:20260311T033000Z', 'DURATION:PT1H')), 'b.ics');
    assert.deepEqual(datesOf(inZone), ['2026-03-10']);
    assert.deepEqual(datesOf(inUtc), ['2026-03-10']);
  });

  it('reports a file that is not iCalendar in one line', () => {
    assert.throws(() => readICalendar('BEGIN:VCALENDAR\r\nthis is not', 'bad.ics'), /^Error: bad\.ics is not an iCalendar file \([^\n]*\)$/u);
    // ical.js reads a value only when asked: a malformed rule is still the file's one line.
    assert.throws(() => readICalendar(ics(...vevent('DTSTART:20200101T100000', 'RRULE:FREQ=WEEKLY;UNTIL=1900')), 'rule.ics'), /^Error: rule\.ics is not a valid iCalendar file \([^\n]*\)$/u);
  });
});

describe('meeting calendars: yaml2ics YAML', () => {
  const yaml = (...lines: string[]) => lines.join('\n');
  it('repeats by weeks and months, excepts except_on, adds also_on, and ends the day before `until` as yaml2ics does', () => {
    const { events } = readYamlCalendar(
      yaml(
        'timezone: Europe/Berlin',
        'events:',
        '  - summary: "Team Container Meeting"',
        '    begin: 2026-01-23 09:05:00',
        '    duration: { minutes: 50 }',
        '    repeat:',
        '      interval:',
        '        weeks: 2',
        '      until: 2026-03-06',
        '      except_on:',
        '        - 2026-02-06 09:05:00 # holiday',
        '      also_on:',
        '        - 2026-02-09 10:00:00',
        '  - summary: "Monthly"',
        '    begin: 2026-01-16 09:05:00',
        '    repeat: { interval: { months: 1 }, until: 2026-04-30 }',
      ),
      'team.yml',
    );
    assert.deepEqual(datesOf([events[0]]), ['2026-01-23', '2026-02-09', '2026-02-20']);
    assert.deepEqual(datesOf([events[1]]), ['2026-01-16', '2026-02-16', '2026-03-16', '2026-04-16']);
  });

  it('follows `include` relative to the including file, once each', async () => {
    const files: Record<string, string> = {
      'calendar/main.yml': yaml('include:', '  - teams/a.yml', '  - teams/a.yml'),
      'calendar/teams/a.yml': yaml('include: [../main.yml]', 'events:', '  - summary: A', '    begin: 2026-05-04 10:00:00'),
    };
    const read = (path: string) => (path in files ? Promise.resolve(files[path]) : Promise.reject(new Error(`${path} not found`)));
    const { events, problems } = await readCalendars(['calendar/main.yml', 'missing.yml'], read, parseCalendar);
    assert.deepEqual(events.map((e) => [e.summary, e.source]), [['A', 'calendar/teams/a.yml']]);
    assert.deepEqual(problems, ['missing.yml not found']);
    assert.equal(resolveInclude('main.yml', '../../etc/passwd'), '../../etc/passwd');
  });

  it('reports a YAML file that is no calendar', async () => {
    const { problems } = await readCalendars(['x.yml'], () => Promise.resolve('just: text'), parseCalendar);
    assert.deepEqual(problems, ['x.yml is not a YAML calendar (no events or include)']);
  });
});

describe('meeting calendars: series and missing minutes', () => {
  const base = 'https://github.com/Org/minutes/blob/main/';
  const event = (description: string, summary = 'Board'): CalendarEvent => ({ summary, description, source: 'c.yml', start: '2026-01-05T10:00:00', extraStarts: [], exceptStarts: [], moved: [] });

  it('finds the series from the tree URL of this repository, a relative folder, or the config naming the event', () => {
    assert.equal(seriesOfEvent(event('Minutes: https://github.com/org/Minutes/tree/main/project-board\nHedgeDoc: https://pad/x'), base), 'project-board');
    assert.equal(seriesOfEvent(event('Minutes: https://github.com/Other/minutes/tree/main/board'), base), undefined, 'another repository');
    assert.equal(seriesOfEvent(event('Minutes: ./teams/board/'), base), 'teams/board');
    assert.equal(seriesOfEvent(event('Minutes: ../outside'), base), undefined);
    assert.equal(seriesOfEvent(event('no link', 'SCS Project Board'), base, [{ event: 'scs project board', folder: 'project-board' }]), 'project-board');
  });

  it('reports a due meeting without minutes once, not one within the grace period, not one with minutes a few days off', () => {
    const { events } = readYamlCalendar('events:\n  - summary: Board\n    begin: 2026-01-05 10:00:00\n    repeat: { interval: { weeks: 1 }, until: 2026-03-01, except_on: [2026-01-19 10:00:00] }', 'c.yml');
    const meetings = occurrences(events[0], '2000-01-01', '2026-12-31').map((m) => ({ ...m, series: 'board' }));
    const files = ['2026-01-05', '2026-01-14', '2026-02-09', '2026-02-10'];
    const gaps = missingMeetings(meetings, () => files, { today: '2026-02-20', graceDays: 7 });
    // 01-12 was moved to 01-14, 01-19 is excepted, 01-26 and 02-02 are missing, 02-09 has its file (02-10 is an extra meeting), 02-16 is within the grace period.
    assert.deepEqual(
      gaps.map((g) => g.date),
      ['2026-01-26', '2026-02-02'],
    );
    assert.deepEqual(gaps[0], { series: 'board', date: '2026-01-26', event: 'Board', source: 'c.yml' });
    assert.deepEqual(missingMeetings(meetings, () => files, { today: '2026-01-20', graceDays: 7 }), [], 'nothing after today');
  });

  it('does not take the minutes of a meeting still within the grace period for an older one', () => {
    // Mondays and Thursdays; the Thursday has its minutes, the Monday none; today is the Friday.
    const events = readICalendar(ics(...vevent('DTSTART:20260302T100000', 'RRULE:FREQ=WEEKLY;BYDAY=MO,TH;COUNT=2', 'DESCRIPTION:Minutes: board/')), 'c.ics');
    const meetings = occurrences(events[0], '2000-01-01', '2026-12-31').map((m) => ({ ...m, series: 'board' }));
    const gaps = missingMeetings(meetings, () => ['2026-03-05'], { today: '2026-03-06', graceDays: 3 });
    assert.deepEqual(gaps.map((g) => g.date), ['2026-03-02']);
  });
});
