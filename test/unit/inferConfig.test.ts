import * as assert from 'node:assert/strict';
import { formatDate, inferConfig, type CalendarDate } from '../../server/src/core';
import { dayNumber, fromDayNumber } from '../../server/src/core/model/dates';

const weeks = (start: CalendarDate, n: number, step = 7) => Array.from({ length: n }, (_, i) => fromDayNumber(dayNumber(start) + i * step));
const compact = (d: CalendarDate) => formatDate(d).replace(/-/gu, '');
const HERE = 'https://github.com/org/minutes/blob/main/';

/**
 * A weekly call that links the groups' minutes, two groups, a group whose minutes link another
 * repository with folders of the same names, and slide decks dated like minutes.
 */
function repository(): Record<string, string> {
  const files: Record<string, string> = {};
  const mondays = weeks({ year: 2024, month: 1, day: 8 }, 8);
  for (const d of mondays) {
    files[`alpha/${compact(d)}.md`] = `# Alpha ${formatDate(d)}\n\n## Notes\n\n- alpha things\n`;
    files[`beta/${compact(fromDayNumber(dayNumber(d) + 1))}.md`] = `# Beta ${formatDate(fromDayNumber(dayNumber(d) + 1))}\n\n## Notes\n\n- beta things\n`;
    const thursday = fromDayNumber(dayNumber(d) + 3);
    files[`calls/${compact(thursday)}.md`] = `# Weekly ${formatDate(thursday)}\n\n## Alpha\n\nMinutes: ${HERE}alpha/${compact(d)}.md\n\n## Beta\n\nMinutes: [Beta](../beta/${compact(fromDayNumber(dayNumber(d) + 1))}.md)\n`;
    files[`gamma/${compact(fromDayNumber(dayNumber(d) + 2))}.md`] = [
      `# Gamma ${formatDate(fromDayNumber(dayNumber(d) + 2))}`,
      '',
      '- See https://github.com/org/other/pull/12 and the [logo](https://github.com/org/other/blob/main/alpha/logo.png)',
      `- Their [alpha](https://github.com/org/other/tree/main/alpha) and [beta notes](https://github.com/org/other/blob/main/beta/${compact(fromDayNumber(dayNumber(d) + 1))}.md)`,
      '',
    ].join('\n');
    files[`slides/${compact(thursday)}.md`] = `---\ntype: slide\n---\n\n# Weekly ${formatDate(thursday)}\n\n---\n\n## Alpha\n\n${HERE}alpha/${compact(d)}.md\n`;
  }
  return files;
}

describe('--init infers series', () => {
  const files = repository();
  const inferred = inferConfig({ paths: Object.keys(files), readText: (p) => files[p] });
  const series = inferred.config.series;
  const of = (folder: string) => series.find((s) => s.paths.some((p) => p.startsWith(`${folder}/`)));

  it('takes as a roll-up only the series whose files link other series of this repository', () => {
    assert.equal(of('calls')?.kind, 'rollup');
    assert.deepEqual(series.filter((s) => s.kind === 'rollup').length, 1);
    assert.equal(of('gamma')?.kind, 'minutes', "links to another repository's folders of the same names do not make a roll-up");
    assert.equal(inferred.config.linkBase, HERE);
  });

  it('takes a title typed with two spaces for the form the others have, not a form of its own', () => {
    const typed = { ...files };
    for (const path of Object.keys(typed).filter((p) => p.startsWith('alpha/')).slice(0, 3)) typed[path] = typed[path].replace('# Alpha ', '# Alpha  ');
    const alpha = inferConfig({ paths: Object.keys(typed), readText: (p) => typed[p] }).config.series.find((s) => s.paths.some((p) => p.startsWith('alpha/')));
    assert.deepEqual(alpha?.titles, ['Alpha {date}']);
  });

  it('gives each series its own weekday, and never counts slide decks', () => {
    assert.deepEqual(['alpha', 'beta', 'gamma', 'calls'].map((f) => of(f)?.schedule.at(-1)?.weekdays), [[1], [2], [3], [4]]);
    assert.equal(of('slides'), undefined);
    assert.deepEqual(inferred.unrecognised, []);
  });
});

/**
 * Year folders first (`2020/calls/05-04.md`): a weekly call whose folder was called `teleconf/`
 * for one year, a board and a finance committee meeting over the same years, and a folder per
 * face-to-face meeting of several days (`2020/06-paris/06-09-minutes.md`).
 */
function yearFolders(): Record<string, string> {
  const files: Record<string, string> = {};
  const md = (d: CalendarDate) => compact(d).slice(4, 6) + '-' + compact(d).slice(6);
  for (const d of weeks({ year: 2019, month: 1, day: 7 }, 4 * 52)) {
    const folder = d.year === 2021 ? 'teleconf' : 'calls';
    files[`${d.year}/${folder}/${md(d)}.md`] = `# Call ${formatDate(d)}\n\n- notes\n`;
    if (dayNumber(d) % 4 === 0) {
      const wednesday = fromDayNumber(dayNumber(d) + 2);
      files[`${d.year}/board/${md(wednesday)}.md`] = `# Board ${formatDate(wednesday)}\n\n- decisions\n`;
      const thursday = fromDayNumber(dayNumber(d) + 3);
      files[`${d.year}/finance/${md(thursday)}.md`] = `# Finance ${formatDate(thursday)}\n\n- budget\n`;
    }
  }
  const cities = ['paris', 'tokyo', 'oslo', 'lima', 'rome', 'kyiv', 'cairo', 'quito'];
  cities.forEach((city, i) => {
    const first = { year: 2019 + Math.floor(i / 2), month: i % 2 ? 9 : 3, day: 10 + i };
    for (let day = 0; day < 3; day++) {
      const d = fromDayNumber(dayNumber(first) + day);
      files[`${d.year}/${String(d.month).padStart(2, '0')}-${city}/${md(d)}-minutes.md`] = `# Face-to-face ${formatDate(d)}\n\n- talks\n`;
    }
  });
  return files;
}

describe('--init in a repository of year folders', () => {
  const files = yearFolders();
  const inferred = inferConfig({ paths: Object.keys(files), readText: (p) => files[p] });
  const series = inferred.config.series;
  const of = (folder: string) => series.filter((s) => s.paths.some((p) => p.includes(`/${folder}/`)));

  it('keeps a folder renamed for a year in the series it belongs to, and series meeting over the same years apart', () => {
    assert.equal(of('calls').length, 1);
    assert.equal(of('calls')[0], of('teleconf')[0], 'calls/ and teleconf/ are one series');
    assert.notEqual(of('board')[0], of('finance')[0], 'board/ and finance/ meet over the same years: two series');
    assert.deepEqual(['calls', 'board', 'finance'].map((f) => of(f)[0]?.schedule.at(-1)?.weekdays), [[1], [3], [4]]);
  });

  it('makes the face-to-face folders a series of their own, with no weekday to keep', () => {
    const f2f = series.find((s) => s.paths.some((p) => p.includes('{*}')));
    assert.ok(f2f, JSON.stringify(series.map((s) => s.paths)));
    assert.notEqual(f2f, of('calls')[0]);
    assert.deepEqual(f2f.schedule, []);
    assert.deepEqual(inferred.unrecognised, []);
  });
});

describe('--init reads the sections a series keeps', () => {
  it('counts a long heading written with a typo in some files as that heading, in its most common form', () => {
    const files: Record<string, string> = {};
    weeks({ year: 2024, month: 1, day: 9 }, 10).forEach((d, i) => {
      const who = i % 3 === 0 ? 'Who reports in the call and transferring minutes' : 'Who reports in the call and transfering minutes';
      files[`wg/${compact(d)}.md`] = `# ${formatDate(d)}\n\n## ${who}\n\n- @kim\n\n## Topic ${i}\n\n- talk\n`;
    });
    const wg = inferConfig({ paths: Object.keys(files), readText: (p) => files[p] }).config.series.find((s) => s.paths.some((p) => p.startsWith('wg/')));
    assert.deepEqual(wg?.requiredSections, ['Who reports in the call and transfering minutes']);
  });
});
