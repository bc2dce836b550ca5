import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { feedReader } from '../../server/src/feeds/fetchFeed';
import { parseCalendar } from '../../server/src/core/calendars';
import { readCalendars } from '../../server/src/core/meetings/readCalendars';
import { runCliAsync } from '../support/cli';
import { serveOnLoopback, type LoopbackServer } from '../support/loopback';

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:b', 'SUMMARY:Board', 'DESCRIPTION:Minutes: board/', 'DTSTART;TZID=Europe/Berlin:20260302T140500', 'RRULE:FREQ=WEEKLY;COUNT=3', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('calendar feeds (a loopback HTTP server)', () => {
  let server: LoopbackServer;
  let base: string;
  before(async () => {
    server = await serveOnLoopback((request, response) => {
      switch (request.url) {
        case '/board.ics':
          response.writeHead(200, { 'content-type': 'text/calendar' }).end(ICS);
          break;
        case '/main.yml':
          response.writeHead(200).end('include: [teams/a.yml]\n');
          break;
        case '/teams/a.yml':
          response.writeHead(200).end('events:\n  - summary: A\n    begin: 2026-03-04 10:00:00\n');
          break;
        case '/slow.ics':
          // Headers, then nothing: the reader must give up by itself.
          response.writeHead(200);
          response.write('BEGIN:VCALENDAR\r\n');
          break;
        case '/huge.ics':
          // No content-length, more than the limit, in chunks.
          response.writeHead(200);
          for (let i = 0; i < 64; i++) response.write('X'.repeat(1024));
          response.end();
          break;
        case '/page.html':
          response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><html><body>Sign in</body></html>');
          break;
        default:
          response.writeHead(500).end('oops');
      }
    });
    base = server.base;
  });
  after(() => server.close());

  it('reads a feed, and a YAML feed with includes relative to its URL', async () => {
    const { events, problems } = await readCalendars([`${base}/board.ics`, `${base}/main.yml`], feedReader(2000), parseCalendar);
    assert.deepEqual(problems, []);
    assert.deepEqual(events.map((e) => [e.summary, e.source]), [['Board', `${base}/board.ics`], ['A', `${base}/teams/a.yml`]]);
  });

  it('says in one line why a slow, failing, huge or non-calendar feed was not read', async () => {
    const read = feedReader(500, 16 * 1024);
    // A port nothing listens on any more.
    const closed = await serveOnLoopback();
    await closed.close();
    const started = Date.now();
    const { problems } = await readCalendars([`${base}/slow.ics`, `${base}/fail.ics`, `${base}/huge.ics`, `${base}/page.html`, `${closed.base}/closed.ics`], read, parseCalendar);
    assert.ok(Date.now() - started < 10_000, 'the slow feed is given up on');
    assert.equal(problems.length, 5);
    assert.equal(problems[0], `${base}/slow.ics: the calendar feed could not be read (no answer within 0.5 s)`);
    assert.equal(problems[1], `${base}/fail.ics: the calendar feed could not be read (HTTP 500)`);
    assert.equal(problems[2], `${base}/huge.ics: the calendar feed could not be read (larger than 16384 bytes)`);
    assert.match(problems[3], new RegExp(`^${base}/page\\.html is not a YAML calendar \\(`, 'u'));
    assert.match(problems[4], new RegExp(`^${closed.base.replace(/\./gu, '\\.')}/closed\\.ics: the calendar feed could not be read \\(connect ECONNREFUSED`, 'u'));
    for (const problem of problems) assert.doesNotMatch(problem, /\n/u);
  });

  it('minutes-lint --gaps reads a configured feed', async () => {
    const root = mkdtempSync(join(tmpdir(), 'minutes-feed-'));
    try {
      mkdirSync(join(root, 'board'));
      writeFileSync(join(root, 'board/20260302.md'), '# Board 2026-03-02\n');
      writeFileSync(join(root, '.minutes.json'), JSON.stringify({ calendars: [`${base}/board.ics`] }));
      // Asynchronous: the CLI's feed is served by this very process.
      const { code, stdout } = await runCliAsync(['--gaps', '--today', '2026-04-01', '--format', 'json'], root);
      assert.equal(code, 0);
      assert.deepEqual(JSON.parse(stdout), [
        { series: 'board', date: '2026-03-09', event: 'Board', source: `${base}/board.ics` },
        { series: 'board', date: '2026-03-16', event: 'Board', source: `${base}/board.ics` },
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
