// The cache file's lists of files read, as runs of one sorted table (lintCache.ts): what a list
// holds comes back whole, a change anywhere in a run invalidates exactly the entries whose lists
// hold it, and a series' long lists take a few numbers each, not their paths.
import * as assert from 'node:assert/strict';
import { cacheOf, filesOf, stillValid, type CacheEntry } from '../../server/src/node/lintCache';

describe('the minutes-lint cache: lists of files read, as runs', () => {
  const series = Array.from({ length: 500 }, (_, i) => `iaas/2024${String(1000 + i).slice(1)}.md`);
  const hashes = new Map([...series, 'community-call/a.md', 'container/b.md'].map((p) => [p, `h-${p}`]));
  const entry = (read: string[]): CacheEntry => ({ hash: 'own', findings: [], read });
  const entries = new Map([
    ['iaas/late.md', entry(series)],
    ['iaas/early.md', entry(series.slice(0, 100))],
    ['community-call/a.md', entry(['container/b.md', series[7], series[8], series[9]])],
  ]);
  const cache = cacheOf('key', entries, (file) => hashes.get(file));

  it('gives back each list whole, in the table\'s order, from a few runs', () => {
    for (const [file, { read }] of entries) assert.deepEqual(filesOf(cache, cache.files[file].reads), [...read].sort());
    assert.ok(cache.sets.every((runs) => runs.length <= 4), JSON.stringify(cache.sets));
  });

  it('drops exactly the entries whose lists hold a changed file, wherever it lies in a run', () => {
    const own = (file: string) => (file.startsWith('iaas/') && !series.includes(file)) || file === 'community-call/a.md' ? 'own' : hashes.get(file);
    const valid = (changed: string) => stillValid(cache, (file) => (file === changed ? 'changed' : own(file)));
    const kept = (changed: string) => [...entries.keys()].filter((file) => valid(changed)(file));
    assert.deepEqual(kept('none'), [...entries.keys()]);
    assert.deepEqual(kept(series[300]), ['iaas/early.md', 'community-call/a.md']);
    assert.deepEqual(kept(series[8]), []);
    assert.deepEqual(kept('container/b.md'), ['iaas/late.md', 'iaas/early.md']);
  });
});
