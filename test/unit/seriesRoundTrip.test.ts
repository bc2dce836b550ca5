import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { calendarFor, configText, formatDate, inferConfig, lint, MinutesWorkspace, parseConfigText, parseMinutes, type CalendarDate } from '../../server/src/core';
import { dayNumber, fromDayNumber, weekday } from '../../server/src/core/model/dates';

// A property: whatever series an organisation keeps (their folders, namings, month-first or
// day-first names, title forms,
// weekdays and sections), `--init` infers a configuration under which lint finds exactly the
// mistakes planted in them, and nothing else.

interface SeriesShape {
  name: string;
  layout: 'flat' | 'iso' | 'years' | 'prefixed' | 'month-first' | 'day-first';
  day: number;
  everyWeeks: number;
  titleStyle: 'iso-after' | 'iso-before' | 'written';
  present: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const pad = (n: number) => String(n).padStart(2, '0');
const germany = calendarFor({ country: 'DE', language: 'en' });

function pathOf(s: SeriesShape, d: CalendarDate): string {
  switch (s.layout) {
    case 'flat':
      return `${s.name}/${d.year}${pad(d.month)}${pad(d.day)}.md`;
    case 'iso':
      return `${s.name}/${formatDate(d)}.md`;
    case 'years':
      return `${s.name}/${d.year}/${formatDate(d)}.md`;
    case 'prefixed':
      return `${s.name}/${d.year}/${s.name.toUpperCase()}-${pad(d.month)}-${pad(d.day)}.md`;
    case 'month-first':
      return `${s.name}/${d.year}/${d.month}-${d.day}-${pad(d.year % 100)}.md`;
    case 'day-first':
      return `${s.name}/${pad(d.day)}.${pad(d.month)}.${d.year}.md`;
  }
}

function titleOf(s: SeriesShape, d: CalendarDate): string {
  const group = `${s.name[0].toUpperCase()}${s.name.slice(1)} group`;
  if (s.titleStyle === 'iso-after') return `${group} meeting ${formatDate(d)}`;
  if (s.titleStyle === 'iso-before') return `${formatDate(d)}: ${group}`;
  return `${group} call, ${d.day} ${MONTHS[d.month - 1]} ${d.year}`;
}

/** One meeting's minutes: its title, maybe who was there, and topics of its own. */
function minutesText(s: SeriesShape, title: string, n: number): string {
  return [
    `# ${title}`,
    '',
    ...(s.present ? ['## Present', '', `- Alex`, `- Kim`, ''] : []),
    '## Topics',
    '',
    `- Item ${n} of ${s.name}: the budget for the coming quarter and what was decided about it`,
    `- Item ${n + 1} of ${s.name}: planning the next release, with the dates everyone agreed on`,
    `- Item ${n + 2} of ${s.name}: who writes the report to the members, and when it is due`,
    '',
  ].join('\n');
}

/** The meetings of a series: on its weekday every N weeks for about two years, skipping German public holidays. */
function datesOf(s: SeriesShape): CalendarDate[] {
  let at = dayNumber({ year: 2022, month: 1, day: 3 });
  while (weekday(fromDayNumber(at)) !== s.day) at++;
  const dates: CalendarDate[] = [];
  for (; at <= dayNumber({ year: 2023, month: 12, day: 20 }); at += 7 * s.everyWeeks) if (!germany.holidayOn(fromDayNumber(at))) dates.push(fromDayNumber(at));
  return dates;
}

interface Repo {
  files: Record<string, string>;
  planted: string[];
}

/** The repository, with three mistakes planted in each series: a title kept from the meeting before, an exact copy, a copy with only its title's date changed. */
function repoOf(shapes: SeriesShape[]): Repo {
  const files: Record<string, string> = { 'README.md': '# Minutes of our groups\n' };
  const planted: string[] = [];
  for (const s of shapes) {
    const dates = datesOf(s);
    dates.forEach((d, i) => (files[pathOf(s, d)] = minutesText(s, titleOf(s, d), i)));
    const keptTitle = pathOf(s, dates[6]);
    files[keptTitle] = minutesText(s, titleOf(s, dates[5]), 6);
    planted.push(`${keptTitle} title-date-mismatch`);
    const copy = pathOf(s, dates[12]);
    files[copy] = files[pathOf(s, dates[11])];
    // One finding per cause: a copy is reported as a copy, not for its title too.
    planted.push(`${copy} duplicate-minutes`);
    const retitled = pathOf(s, dates[18]);
    files[retitled] = minutesText(s, titleOf(s, dates[18]), 17);
    planted.push(`${retitled} duplicate-minutes`);
  }
  return { files, planted: planted.sort() };
}

const seriesShape = (name: string) =>
  fc.record({
    name: fc.constant(name),
    layout: fc.constantFrom('flat', 'iso', 'years', 'prefixed', 'month-first', 'day-first'),
    day: fc.integer({ min: 1, max: 5 }),
    everyWeeks: fc.integer({ min: 1, max: 2 }),
    titleStyle: fc.constantFrom('iso-after', 'iso-before', 'written'),
    present: fc.boolean(),
  }) as fc.Arbitrary<SeriesShape>;

const layouts = fc
  .uniqueArray(fc.constantFrom('board', 'tools', 'storage', 'outreach', 'finance'), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(seriesShape)));

describe('meeting series round-trip through --init (property)', function () {
  this.timeout(120_000);

  it('infers a config under which lint finds exactly the planted mistakes, for any layout of series', () => {
    fc.assert(
      fc.property(layouts, (shapes) => {
        const { files, planted } = repoOf(shapes);
        const paths = Object.keys(files);
        const inferred = inferConfig({ paths, readText: (p) => files[p] });
        const loaded = parseConfigText(configText(inferred, 'inferred'));
        assert.deepEqual(loaded.errors, []);
        assert.deepEqual(inferred.unrecognised, [], 'every dated file is covered');
        const { config } = loaded;
        assert.equal(config.series.filter((s) => s.kind === 'rollup').length, 0, 'no series links another: no roll-up');
        const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => files[p] }, config, paths);
        const found = paths.flatMap((path) => {
          const model = parseMinutes({ uri: `file:///repo/${path}`, version: 0, text: files[path] }, config);
          return lint(model, config, { workspace, today: { year: 2024, month: 6, day: 1 } })
            .filter((f) => f.severity === 'warning' || f.severity === 'error')
            .map((f) => `${path} ${f.code}`);
        });
        assert.deepEqual(found.sort(), planted, JSON.stringify(shapes));
      }),
      { numRuns: 12 },
    );
  });
});
