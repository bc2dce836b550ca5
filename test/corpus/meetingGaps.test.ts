import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../server/src/core';
import { datedPathOf } from '../../server/src/core/config/paths';
import { calendarGaps } from '../../server/src/core/meetings/gaps';
import { MinutesIndex } from '../../server/src/core/workspace/minutesIndex';
import { listMarkdownFiles } from '../../server/src/node/fileWorkspace';
import { CORPUS, requireCorpus } from './corpusPath';

/** SCS's meeting calendar (yaml2ics), beside the minutes (read in place: see the corpus NOTICE.md). */
const CALENDAR = resolve(CORPUS, '../scs-calendar');

describe('corpus: the SCS calendar against the SCS minutes', function () {
  before(function () {
    requireCorpus(this);
    if (!existsSync(CALENDAR)) this.skip();
  });

  const gapsAsOf = async (today: string) => {
    const config = { ...DEFAULT_CONFIG, calendars: ['main.yml'] };
    const index = new MinutesIndex(listMarkdownFiles(CORPUS), (path) => datedPathOf(path, config));
    const [year, month, day] = today.split('-').map(Number);
    return calendarGaps(config, (path) => readFile(join(CALENDAR, path), 'utf8'), (folder) => index.filesIn(folder), { year, month, day });
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

  it('never reports an excepted date, nor a meeting within the grace period or after today', async () => {
    const gaps = await gapsAsOf('2026-03-01');
    assert.ok(gaps.missing.every((m) => m.date <= '2026-02-22'), 'seven days of grace');
    assert.deepEqual(datesOf(gaps, 'project-board'), ['2026-02-09']);
    const later = await gapsAsOf('2026-06-15');
    for (const [series, excepted] of [['project-board', '2026-02-16'], ['project-board', '2026-03-09'], ['container', '2026-04-03'], ['container', '2026-05-01']]) {
      assert.ok(!later.missing.some((m) => m.series === series && m.date === excepted), `${series} ${excepted}`);
    }
  });
});
