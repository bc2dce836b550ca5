import * as assert from 'node:assert/strict';
import { lazyCalendarParser } from '../../server/src/browser/loadCalendars';
import { parseCalendar } from '../../server/src/core/calendars';
import { readCalendars } from '../../server/src/core';

// The web worker's globals, played here: where its script was loaded from, and importScripts.
type WorkerGlobals = { self?: { location: { href: string }; minutesCalendars?: unknown; minutesCalendarsUrl?: string }; importScripts?: (url: string) => void };
const worker = globalThis as WorkerGlobals;

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:wg', 'SUMMARY:Working group', 'DESCRIPTION:Minutes: wg/', 'DTSTART:20240101T100000', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
const read = () => Promise.resolve(ICS);

describe('the web worker loads the calendar reader on demand', () => {
  let loaded: string[];
  let logged: string[];
  beforeEach(() => {
    loaded = [];
    logged = [];
    worker.self = { location: { href: 'https://cdn.example/ext/dist/browser/server.js' } };
  });
  afterEach(() => {
    delete worker.self;
    delete worker.importScripts;
  });

  it('loads calendars.js beside the worker at the first calendar, once, and reads calendars with it', async () => {
    worker.importScripts = (url) => {
      loaded.push(url);
      worker.self!.minutesCalendars = { parseCalendar };
    };
    const parse = lazyCalendarParser((line) => logged.push(line));
    assert.deepEqual(loaded, [], 'nothing is loaded for a config without calendars');
    const { events, problems } = await readCalendars(['a.ics', 'b.ics'], read, parse);
    assert.deepEqual(problems, []);
    assert.deepEqual(events.map((e) => `${e.source} ${e.summary}`), ['a.ics Working group', 'b.ics Working group']);
    assert.deepEqual(loaded, ['https://cdn.example/ext/dist/browser/calendars.js']);
    assert.deepEqual(logged, []);
  });

  it('loads the copy the client named for a worker started from a Blob', async () => {
    worker.self = { location: { href: 'blob:https://workbench.example/0b1c' }, minutesCalendarsUrl: 'blob:https://workbench.example/c4l' };
    worker.importScripts = (url) => {
      loaded.push(url);
      worker.self!.minutesCalendars = { parseCalendar };
    };
    const { problems } = await readCalendars(['a.ics'], read, lazyCalendarParser((line) => logged.push(line)));
    assert.deepEqual(problems, []);
    assert.deepEqual(loaded, ['blob:https://workbench.example/c4l']);
  });

  it('when it cannot be loaded: one line in the log, a problem per calendar, no events and no crash', async () => {
    worker.importScripts = (url) => {
      loaded.push(url);
      throw new Error(`NetworkError: Failed to load ${url}`);
    };
    const { events, problems } = await readCalendars(['a.ics', 'b.ics'], read, lazyCalendarParser((line) => logged.push(line)));
    assert.deepEqual(events, []);
    assert.equal(problems.length, 2);
    assert.match(problems[0], /^a\.ics: not read: the calendar reader of the web build \(calendars\.js\) could not be loaded \(NetworkError/u);
    assert.equal(loaded.length, 1, 'tried once, not once per calendar');
    assert.equal(logged.length, 1);
    assert.match(logged[0], /^Minutes: the calendar reader .* could not be loaded .*; calendars are left out$/u);
  });
});
