import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { linkTo, rollup, team, teamMinutes, TREE } from '../support/fixtures';

const CLI = resolve(__dirname, '../../dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

describe('CLI: --gaps', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-gaps-'));
    // The board meets on Mondays (a yaml2ics calendar), the team every other Wednesday (iCalendar).
    write(
      'calendar/main.yml',
      ['include: [board.yml]', ''].join('\n'),
    );
    write(
      'calendar/board.yml',
      [
        'timezone: Europe/Berlin',
        'events:',
        '  - summary: Board',
        '    begin: 2026-03-02 14:05:00',
        '    duration: { minutes: 50 }',
        '    description: |',
        '      Minutes: https://github.com/Org/minutes/tree/main/board',
        '    repeat:',
        '      interval: { weeks: 1 }',
        '      until: 2026-12-31',
        '      except_on: [2026-03-16 14:05:00]',
      ].join('\n'),
    );
    write(
      'team.ics',
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:t', 'SUMMARY:Team', 'DESCRIPTION:Minutes: team/', 'DTSTART;TZID=Europe/Berlin:20260304T100000', 'RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=3', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'),
    );
    write('.minutes.json', JSON.stringify({ linkBase: 'https://github.com/Org/minutes/blob/main/', calendars: ['calendar/main.yml', 'team.ics'] }));
    for (const date of ['20260302', '20260324', '20260330']) write(`board/${date}.md`, `# Board ${date}\n`);
    write('team/20260304.md', '# Team 2026-03-04\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists the meetings without minutes as JSON, as of --today, and exits 0', () => {
    const result = run(root, '--gaps', '--today', '2026-04-10', '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    // Board: 03-09 missing, 03-16 excepted, 03-23 held on 03-24, 04-06 within the grace period. Team: 03-18 and 04-01 missing.
    assert.deepEqual(JSON.parse(result.stdout), [
      { series: 'board', date: '2026-03-09', event: 'Board', source: 'calendar/board.yml' },
      { series: 'team', date: '2026-03-18', event: 'Team', source: 'team.ics' },
      { series: 'team', date: '2026-04-01', event: 'Team', source: 'team.ics' },
    ]);
    const earlier = run(root, '--gaps', '--today', '2026-03-12');
    assert.equal(earlier.status, 0, earlier.stderr);
    assert.equal(earlier.stdout, '0 meeting(s) without minutes in 2 series of the calendars\n', 'nothing is missing yet before the grace period ends');
  });

  it('holds a series no calendar covers to its schedule in .minutes.json, with "schedule" as the source', () => {
    // The board has its calendar; the working group only a schedule: Tuesdays, every other week.
    write('.minutes.json', JSON.stringify({
      linkBase: 'https://github.com/Org/minutes/blob/main/',
      calendars: ['calendar/main.yml'],
      series: [
        { paths: ['board/{YYYY}{MM}{DD}.md'] },
        { name: 'Working group', paths: ['wg/{YYYY}{MM}{DD}.md'], schedule: [{ weekdays: [2], everyWeeks: 2 }] },
      ],
    }));
    for (const date of ['20260303', '20260317', '20260414']) write(`wg/${date}.md`, `# Working group ${date}\n`);
    const result = run(root, '--gaps', '--today', '2026-04-20', '--format', 'json');
    assert.equal(result.status, 0, result.stderr);
    const missing = JSON.parse(result.stdout) as Array<{ series: string }>;
    assert.deepEqual(missing.filter((m) => m.series === 'wg'), [{ series: 'wg', date: '2026-03-31', event: 'Working group', source: 'schedule' }]);
    const text = run(root, '--gaps', '--today', '2026-04-20');
    assert.match(text.stdout, /^wg {2}2026-03-31 {2}Working group {2}\(schedule\)$/mu);
    assert.match(text.stdout, /meeting\(s\) without minutes in 1 series of the calendars and 1 series of the schedules in the config\n$/u);
  });

  it('--init writes the calendars of the repository whose events link its series into .minutes.json', () => {
    const init = run(root, '--init', '--force');
    assert.equal(init.status, 0, init.stderr);
    // board.yml links the board by a URL of a repository --init cannot tell is this one (no minutes link it); main.yml includes it.
    assert.match(init.stdout, /^ {2}calendars: team\.ics$/mu);
    assert.match(readFileSync(join(root, '.minutes.json'), 'utf8'), /^ {2}"calendars": \["team\.ics"\],?$/mu);
    const gaps = run(root, '--gaps', '--today', '2026-04-10', '--format', 'json');
    assert.deepEqual(JSON.parse(gaps.stdout), [
      { series: 'team', date: '2026-03-18', event: 'Team', source: 'team.ics' },
      { series: 'team', date: '2026-04-01', event: 'Team', source: 'team.ics' },
    ]);
  });

  it('refuses a calendar outside the repository, or a bad --today, in one line with exit 2', () => {
    const outside = mkdtempSync(join(tmpdir(), 'minutes-outside-'));
    try {
      writeFileSync(join(outside, 'cal.ics'), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n');
      symlinkSync(join(outside, 'cal.ics'), join(root, 'linked.ics'));
      write('.minutes.json', JSON.stringify({ calendars: ['linked.ics', '../cal.ics'] }));
      const result = run(root, '--gaps');
      assert.equal(result.status, 2);
      assert.equal(result.stderr, 'minutes-lint: linked.ics: no such calendar inside the repository; ../cal.ics: a calendar must be a path inside the repository\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    const badDay = run(root, '--today', '2026-02-30');
    assert.equal(badDay.status, 2);
    assert.match(badDay.stderr, /^minutes-lint: --today must be a date written YYYY-MM-DD, not "2026-02-30"\n/u);
  });

  it('--today sets today for the checks too: a reminder about today is given near the roll-up, not long after', () => {
    write('community-call/20220922.md', rollup([team('Team IaaS', linkTo('iaas/20220921.md'))], '# SCS Tech Weekly 2022-09-22'));
    write('community-call/20220929.md', rollup([team('Team IaaS', `Minutes not available yet: ${TREE}iaas`)]));
    write('iaas/20220921.md', teamMinutes('Team IaaS 2022-09-21'));
    write('iaas/20220928.md', teamMinutes('Team IaaS 2022-09-28'));
    write('.minutes.json', '{}');
    const codesAsOf = (today: string) => {
      const result = run(root, '--today', today, '--format', 'json', 'community-call/20220929.md');
      assert.ok(result.status === 0 || result.status === 1, result.stderr);
      return (JSON.parse(result.stdout) as Array<{ code: string }>).map((f) => f.code);
    };
    assert.ok(codesAsOf('2022-09-30').includes('minutes-now-available'));
    assert.ok(!codesAsOf('2023-06-01').includes('minutes-now-available'), 'an old roll-up is history');
  });
});
