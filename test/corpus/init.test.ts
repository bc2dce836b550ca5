import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { lintFiles } from '../../cli/src/lintFiles';
import { configText, DEFAULT_CONFIG, inferConfig, parseConfigText, type CalendarDate, type MinutesConfig } from '../../server/src/core';
import { listMarkdownFiles, readMinutesText } from '../../server/src/node/fileWorkspace';
import { CORPUS, requireCorpus } from './corpusPath';

/** The day the corpus' findings were reviewed (see findings.test.ts). */
const REVIEWED_ON: CalendarDate = { year: 2026, month: 11, day: 29 };

describe('--init on the real SCS minutes', function () {
  let inferred: MinutesConfig;
  let paths: string[];
  const findingsUnder = (config: MinutesConfig) =>
    lintFiles(paths, CORPUS, config, false, REVIEWED_ON).flatMap((r) => (r?.findings ?? []).map((f) => `${r!.file}:${f.range.start.line + 1} ${f.code}`));

  before(function () {
    requireCorpus(this);
    this.timeout(120_000);
    const files = listMarkdownFiles(CORPUS);
    paths = files.map((file) => join(CORPUS, file));
    const loaded = parseConfigText(configText(inferConfig({ paths: files, readText: (p) => readMinutesText(join(CORPUS, p)) }), 'inferred'));
    assert.deepEqual(loaded.errors, []);
    inferred = loaded.config;
  });

  it('infers one roll-up, the community call, keeping the sections and weekday of the defaults, and turns no rule off', () => {
    const rollUps = inferred.series.filter((s) => s.kind === 'rollup');
    assert.deepEqual(rollUps.map((s) => s.paths), [['community-call/{YYYY}{MM}{DD}{suffix}.md']]);
    for (const name of DEFAULT_CONFIG.series[0].requiredSections) assert.ok(rollUps[0].requiredSections.includes(name), `${name} is required`);
    assert.deepEqual(rollUps[0].schedule, DEFAULT_CONFIG.series[0].schedule);
    assert.deepEqual(inferred.rules, {});
  });

  it('checks at least what the defaults check: every finding of the defaults is found under it', function () {
    this.timeout(120_000);
    const under = new Set(findingsUnder(inferred));
    const missing = findingsUnder(DEFAULT_CONFIG).filter((f) => !under.has(f));
    assert.deepEqual(missing, []);
  });
});
