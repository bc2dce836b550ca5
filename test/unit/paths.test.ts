import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { DEFAULT_CONFIG, parseConfigText } from '../../server/src/core';
import { compilePathPattern, datedPathOf, formatDatedPath, isValidPathPattern, matchDatedPath } from '../../server/src/core/config/paths';
import { isRealDate, type CalendarDate } from '../../server/src/core/model/dates';

const dateOf = (path: string, patterns: string[]) => matchDatedPath(path, patterns)?.date.date;

describe('path patterns of dated minutes files', () => {
  it('express the SCS defaults: YYYYMMDD names, with or without a suffix, in a series folder', () => {
    assert.deepEqual(datedPathOf('community-call/20220929.md', DEFAULT_CONFIG)?.weekly, true);
    const team = datedPathOf('iaas/20220704-workshop.md', DEFAULT_CONFIG)!;
    assert.deepEqual([team.weekly, team.series, team.date.date, team.suffixed], [false, 'iaas', { year: 2022, month: 7, day: 4 }, true]);
    assert.equal(datedPathOf('iaas/20230230.md', DEFAULT_CONFIG)?.date.problem, 'impossible');
    assert.equal(datedPathOf('README.md', DEFAULT_CONFIG), undefined);
    assert.equal(datedPathOf('iam/scs-federation.md', DEFAULT_CONFIG), undefined);
    // Matched at the end of a URI's path as well as of a relative path.
    assert.equal(datedPathOf('/home/kim/minutes/community-call/20220929.md', DEFAULT_CONFIG)?.weekly, true);
  });

  it('read ISO names in year folders, whose year must agree with the name', () => {
    const patterns = ['meetings/{YYYY}/{YYYY}-{MM}-{DD}.md'];
    assert.deepEqual(dateOf('meetings/2024/2024-01-05.md', patterns), { year: 2024, month: 1, day: 5 });
    assert.equal(matchDatedPath('meetings/2024/2024-01-05.md', patterns)?.series, 'meetings');
    assert.equal(dateOf('meetings/2023/2024-01-05.md', patterns), undefined);
  });

  it('read prefixed names with the year from the folder, and a naming that changed over the years', () => {
    const patterns = ['{series}/{YYYY}/{series}-{YYYY}-{MM}-{DD}.md', '{series}/{YYYY}/{*}-{M}-{D}.md'];
    assert.deepEqual(dateOf('plenary/2024/PL-10-08.md', patterns), { year: 2024, month: 10, day: 8 });
    assert.equal(matchDatedPath('plenary/2024/PL-10-08.md', patterns)?.series, 'plenary');
    assert.deepEqual(dateOf('storage/2023/sg-3-6.md', patterns), { year: 2023, month: 3, day: 6 });
    const renamed = matchDatedPath('storage/2024/storage-2024-01-29.md', patterns)!;
    assert.deepEqual([renamed.series, renamed.date.date], ['storage', { year: 2024, month: 1, day: 29 }]);
  });

  it('write the next file the way the last one was written', () => {
    const like = matchDatedPath('tools/2024/TOOLS-01-25.md', ['{series}/{YYYY}/{*}-{MM}-{DD}.md'])!;
    assert.equal(formatDatedPath({ year: 2025, month: 2, day: 6 }, like.series, like.pattern, like.wildcards), 'tools/2025/TOOLS-02-06.md');
  });

  it('are checked in .minutes.json: a pattern without a date is reported where it is', () => {
    assert.equal(isValidPathPattern('{series}/notes.md'), 'needs {YYYY} or {YY}');
    const loaded = parseConfigText(JSON.stringify({ minutesPaths: ['{series}/{YYYY}/notes.md'] }));
    assert.match(loaded.errors.join(), /minutesPaths\[0\] \(\{series\}\/\{YYYY\}\/notes\.md\) needs \{MM\} or \{M\}/u);
    // The roll-ups' folder follows from their patterns, and their patterns from the folder.
    assert.equal(parseConfigText(JSON.stringify({ weeklyPaths: ['meetings/{YYYY}/{YYYY}-{MM}-{DD}.md'] })).config.weeklyFolder, 'meetings');
    assert.deepEqual(parseConfigText(JSON.stringify({ weeklyFolder: 'weekly' })).config.weeklyPaths, ['weekly/{YYYY}{MM}{DD}{suffix}.md']);
  });

  it('parse back every date they format, for any generated pattern (property)', () => {
    const separator = fc.constantFrom('', '-', '_', '.');
    const pattern = fc
      .record({
        folder: fc.constantFrom('{series}/', 'meetings/', '{series}/{YYYY}/', 'board/{YYYY}/'),
        prefix: fc.constantFrom('', 'PL-', 'minutes_', '{*}-'),
        year: fc.constantFrom('{YYYY}', '{YY}'),
        month: fc.constantFrom('{MM}', '{M}'),
        day: fc.constantFrom('{DD}', '{D}'),
        order: fc.constantFrom('ymd', 'dmy'),
        sep: separator,
      })
      // Single-digit fields need a separator to be read back unambiguously.
      .filter((p) => p.sep !== '' || (p.month === '{MM}' && p.day === '{DD}'))
      .map((p) => `${p.folder}${p.prefix}${(p.order === 'ymd' ? [p.year, p.month, p.day] : [p.day, p.month, p.year]).join(',')}`.replace(/,/gu, p.sep) + '.md');
    const date = fc.date({ min: new Date('2001-01-01T00:00:00Z'), max: new Date('2098-12-31T00:00:00Z'), noInvalidDate: true }).map((d): CalendarDate => ({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }));
    fc.assert(
      fc.property(pattern, date, (source, day) => {
        assert.equal(isValidPathPattern(source), undefined, source);
        const compiled = compilePathPattern(source);
        const path = formatDatedPath(day, 'wg-tools', compiled, ['X'])!;
        const read = matchDatedPath(path, [source]);
        assert.ok(read, `${source} formats ${path}, which it does not read`);
        assert.deepEqual(read.date.date, day, `${source}: ${path}`);
        assert.ok(isRealDate(day.year, day.month, day.day));
      }),
      { numRuns: 300 },
    );
  });
});

describe('a series kept in year folders', () => {
  it('is the series of its plain folder, apart from other series in the same year folders', async () => {
    const { matchDatedPath } = await import('../../server/src/core/config/paths');
    assert.equal(matchDatedPath('2019/telcons/10-29-minutes.md', ['{YYYY}/telcons/{MM}-{DD}{suffix}.md'])?.series, 'telcons');
    assert.equal(matchDatedPath('2019/09-tokyo/09-10-minutes.md', ['{YYYY}/{*}/{MM}-{DD}{suffix}.md'])?.series, '');
    assert.equal(matchDatedPath('meetings/2024/2024-01-05.md', ['meetings/{YYYY}/{YYYY}-{MM}-{DD}.md'])?.series, 'meetings');
  });
});
