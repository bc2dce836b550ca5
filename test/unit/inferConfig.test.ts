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

  it('gives each series its own weekday, and never counts slide decks', () => {
    assert.deepEqual(['alpha', 'beta', 'gamma', 'calls'].map((f) => of(f)?.schedule.at(-1)?.weekdays), [[1], [2], [3], [4]]);
    assert.equal(of('slides'), undefined);
    assert.deepEqual(inferred.unrecognised, []);
  });
});
