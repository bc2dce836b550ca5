import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { formatDate, parseConfigText, type CalendarDate } from '../../server/src/core';
import { dayNumber, fromDayNumber, weekday } from '../../server/src/core/model/dates';

const CLI = resolve(__dirname, '../../dist/cli.js');
const run = (cwd: string, ...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });

/** Dates of a series: from `start`, on `weekday`, every `weeks` weeks, until `end`. */
function meetings(start: CalendarDate, end: CalendarDate, day: number, weeks = 1): CalendarDate[] {
  let at = dayNumber(start);
  while (weekday(fromDayNumber(at)) !== day) at++;
  const dates: CalendarDate[] = [];
  for (; at <= dayNumber(end); at += 7 * weeks) dates.push(fromDayNumber(at));
  return dates;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ordinal = (d: number) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

/** A made-up meeting's minutes: a title, attendees and topics that differ from meeting to meeting. */
function minutes(title: string, n: number): string {
  return [`# ${title}`, '', '## Attendees', '', `- Alex`, `- Kim ${n % 3 ? '' : '(chair)'}`.trimEnd(), '', '## Topics', '', `- Item ${n}: budget review`, `- Item ${n + 1}: release planning`, ''].join('\n');
}

interface Repo {
  files: Record<string, string>;
  /** The mistakes planted in it: file and rule. */
  planted: Array<[string, string]>;
}

/**
 * An organisation with one series of board minutes over ten years, `meetings/YYYY-MM-DD.md`, four
 * title forms and a weekday that moved twice: Thursdays, Wednesdays from mid-2016, every other
 * Tuesday from 2021.
 */
function boardRepo(): Repo {
  const dates = [
    ...meetings({ year: 2014, month: 1, day: 1 }, { year: 2016, month: 6, day: 30 }, 4, 2),
    ...meetings({ year: 2016, month: 7, day: 1 }, { year: 2020, month: 12, day: 31 }, 3, 2),
    ...meetings({ year: 2021, month: 1, day: 1 }, { year: 2024, month: 6, day: 30 }, 2, 2),
  ];
  const form = (d: CalendarDate) =>
    d.year < 2017 ? `Foundation Board Meeting ${formatDate(d)}` : d.year < 2020 ? `Board Meeting ${formatDate(d)}` : d.year < 2023 ? `Project Steering Committee (PSC) Meeting ${formatDate(d)}` : `PSC Meeting, ${formatDate(d)}`;
  const files: Record<string, string> = {};
  dates.forEach((d, i) => (files[`meetings/${formatDate(d)}.md`] = minutes(form(d), i)));
  // Planted: a title copied from the meeting before, in three eras; a date with a missing zero.
  const copy = (i: number) => (files[`meetings/${formatDate(dates[i])}.md`] = minutes(form(dates[i - 1]), i));
  copy(20);
  copy(120);
  copy(200);
  const d150 = dates[150];
  files[`meetings/${formatDate(d150)}.md`] = minutes(form(d150).replace(formatDate(d150), `${d150.year}-${d150.month}-${d150.day}`), 150);
  files['README.md'] = '# Board minutes\n\nOne file per meeting, named YYYY-MM-DD.md.\n';
  files['templates/meeting.md'] = '# Board Meeting YYYY-MM-DD\n\n## Attendees\n';
  const planted: Array<[string, string]> = [20, 120, 200].map((i) => [`meetings/${formatDate(dates[i])}.md`, 'title-date-mismatch']);
  planted.push([`meetings/${formatDate(dates[150])}.md`, 'invalid-date']);
  return { files, planted };
}

/** A working group with a folder per year and bi-weekly minutes titled with dates written out. */
function yearFolderRepo(): Repo {
  const dates = meetings({ year: 2021, month: 1, day: 1 }, { year: 2024, month: 12, day: 31 }, 1, 2);
  const title = (d: CalendarDate) => `Working group call, ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
  const files: Record<string, string> = {};
  dates.forEach((d, i) => (files[`minutes/${d.year}/${formatDate(d)}.md`] = minutes(title(d), i)));
  // Planted: last meeting's title kept.
  files[`minutes/${dates[40].year}/${formatDate(dates[40])}.md`] = minutes(title(dates[39]), 40);
  return { files, planted: [[`minutes/${dates[40].year}/${formatDate(dates[40])}.md`, 'title-date-mismatch']] };
}

/**
 * Several groups with year folders and prefixed names (`plenary/2024/PL-10-08.md`), titles that
 * spell the date without its year, and a group whose naming changed (`sg-3-6.md`, then
 * `storage-2024-01-29.md`).
 */
function groupsRepo(): Repo {
  const files: Record<string, string> = {};
  const spelled = (d: CalendarDate) => `Agenda for the ${MONTHS[d.month - 1]} ${ordinal(d.day)} video call of the group`;
  const plenary = meetings({ year: 2023, month: 1, day: 1 }, { year: 2024, month: 12, day: 31 }, 2);
  plenary.forEach((d, i) => (files[`plenary/${d.year}/PL-${pad(d.month)}-${pad(d.day)}.md`] = minutes(spelled(d), i)));
  const tools = meetings({ year: 2023, month: 1, day: 1 }, { year: 2024, month: 12, day: 31 }, 4, 2);
  tools.forEach((d, i) => (files[`tools/${d.year}/TOOLS-${pad(d.month)}-${pad(d.day)}.md`] = minutes(`Tools group ${formatDate(d)}`, i)));
  const storage = meetings({ year: 2023, month: 1, day: 1 }, { year: 2024, month: 12, day: 31 }, 1, 2);
  storage.forEach((d, i) => {
    const path = d.year < 2024 ? `storage/${d.year}/sg-${d.month}-${d.day}.md` : `storage/${d.year}/storage-${formatDate(d)}.md`;
    files[path] = minutes(`Storage group ${formatDate(d)}`, i);
  });
  // Planted: a spelled title copied from the week before; an ISO title a day off in each naming of storage.
  const p = plenary[60];
  files[`plenary/${p.year}/PL-${pad(p.month)}-${pad(p.day)}.md`] = minutes(spelled(plenary[59]), 60);
  const s1 = storage[10];
  files[`storage/${s1.year}/sg-${s1.month}-${s1.day}.md`] = minutes(`Storage group ${formatDate(fromDayNumber(dayNumber(s1) + 1))}`, 10);
  const s2 = storage[40];
  files[`storage/${s2.year}/storage-${formatDate(s2)}.md`] = minutes(`Storage group ${formatDate(fromDayNumber(dayNumber(s2) - 7))}`, 40);
  return {
    files,
    planted: [
      [`plenary/${p.year}/PL-${pad(p.month)}-${pad(p.day)}.md`, 'title-date-mismatch'],
      [`storage/${s1.year}/sg-${s1.month}-${s1.day}.md`, 'title-date-mismatch'],
      [`storage/${s2.year}/storage-${formatDate(s2)}.md`, 'title-date-mismatch'],
    ],
  };
}

function write(repo: Repo): string {
  const root = mkdtempSync(join(tmpdir(), 'minutes-adopt-'));
  for (const [path, text] of Object.entries(repo.files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('adopting Minutes with minutes-lint --init', function () {
  this.timeout(60_000);
  const roots: string[] = [];
  after(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

  type Series = { kind?: string; paths: string[]; titles?: string[]; schedule?: Array<{ weekdays: number[]; everyWeeks?: number }>; requiredSections?: string[] };
  const seriesOf = (config: Record<string, unknown>) => config.series as Series[];
  const cases: Array<[string, () => Repo, (config: Record<string, unknown>, stdout: string) => void]> = [
    [
      'one series of board minutes over ten years, four title forms, a weekday that moved twice',
      boardRepo,
      (config, stdout) => {
        const [board, ...rest] = seriesOf(config);
        assert.deepEqual(rest, [], 'one series, and no roll-up: nothing links another series');
        assert.equal(board.kind, undefined);
        assert.deepEqual(board.paths, ['meetings/{YYYY}-{MM}-{DD}.md']);
        assert.deepEqual(board.titles, ['PSC Meeting, {date}', 'Project Steering Committee (PSC) Meeting {date}', 'Board Meeting {date}', 'Foundation Board Meeting {date}']);
        assert.deepEqual(board.schedule!.map((s) => [s.weekdays, s.everyWeeks]), [[[4], 2], [[3], 2], [[2], 2]]);
        assert.deepEqual(board.requiredSections, ['Attendees', 'Topics']);
        assert.match(stdout, /meetings\/\{YYYY\}-\{MM\}-\{DD\}\.md/u);
      },
    ],
    [
      'a folder per year, every other Monday, dates written out in the titles',
      yearFolderRepo,
      (config) => {
        assert.deepEqual(seriesOf(config).map((s) => [s.paths, s.titles]), [[['minutes/{YYYY}/{YYYY}-{MM}-{DD}.md'], ['Working group call, {date}']]]);
      },
    ],
    [
      'group folders with year folders, prefixed names, a naming that changed, titles without the year',
      groupsRepo,
      (config, stdout) => {
        const series = seriesOf(config);
        assert.deepEqual(
          series.map((s) => [s.kind, s.paths.join(' '), s.schedule?.at(-1)?.weekdays]),
          [
            [undefined, 'plenary/{YYYY}/{*}-{MM}-{DD}.md', [2]],
            [undefined, 'storage/{YYYY}/{*}-{M}-{D}.md storage/{YYYY}/{*}-{YYYY}-{MM}-{DD}.md', [1]],
            [undefined, 'tools/{YYYY}/{*}-{MM}-{DD}.md', [4]],
            [undefined, '{series}/{YYYY}/{*}-{MM}-{DD}.md', undefined],
          ],
          'a series each, with its own weekday; none a roll-up; other folders named as several series name theirs covered',
        );
        assert.doesNotMatch(stdout, /match no pattern/u);
      },
    ],
  ];

  for (const [title, make, checkConfig] of cases) {
    it(`${title}: writes a config that covers every dated file, then finds the planted mistakes and nothing else`, () => {
      const repo = make();
      const root = write(repo);
      roots.push(root);
      const init = run(root, '--init');
      assert.equal(init.status, 0, init.stderr);
      const text = readFileSync(join(root, '.minutes.json'), 'utf8');
      const loaded = parseConfigText(text);
      assert.deepEqual(loaded.errors, [], 'the written config is valid');
      assert.match(text, /^ {2}\/\/ /mu, 'each value says what it was inferred from');
      const { json } = { json: JSON.parse(text.replace(/^\s*\/\/.*$/gmu, '')) as Record<string, unknown> };
      checkConfig(json, init.stdout);

      const lint = run(root, '--format', 'json');
      const findings = JSON.parse(lint.stdout) as Array<{ file: string; code: string; severity: string; message: string }>;
      const serious = findings.filter((f) => f.severity === 'warning' || f.severity === 'error');
      assert.deepEqual(
        serious.map((f) => [f.file, f.code]).sort(),
        [...repo.planted].sort(),
        JSON.stringify(serious.map((f) => `${f.file} ${f.code} ${f.message}`), null, 1),
      );
      assert.equal(run(root, '--init').status, 2, 'an existing config is not overwritten');
      assert.equal(run(root, '--init', '--force').status, 0);
    });
  }
});
