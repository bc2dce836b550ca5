import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, parseMinutes } from '../../server/src/core';
import { CORPUS, requireCorpus } from './corpusPath';

/** The teams and SIGs of each weekly roll-up, as read by a person from the files. */
export const WEEKLY_TEAMS: Record<string, string[]> = {
  '20220804.md': ['Team IaaS', 'Team Container', 'Team Operations and IAM', 'Community SIG', 'Standardisation SIG', 'IAM SIG', 'Monitoring SIG', 'Release SIG', 'Open Hacking Session', 'Open Operations Manifesto'],
  '20220818.md': ['Team IaaS', 'Team Container', 'Team Operations and IAM', 'Monitoring SIG', 'Community SIG', 'Standardisation SIG', 'IAM SIG', 'Release SIG', 'Lean Operator Coffee', 'Next overflow slot'],
  '20220825.md': ['Team IaaS', 'Team Container', 'Team Ops & IAM', 'Community SIG', 'SIG Standardization & Certification', 'SIG IAM', 'SIG Monitoring & Logging'],
  '20220922.md': ['Team IaaS', 'Team Container', 'Team Operations and IAM', 'Standardisation SIG', 'Community SIG', 'Monitoring SIG', 'IAM SIG', 'Release SIG', 'Open Operations Manifesto', 'Lean Operator Coffee', 'Next overflow slot'],
  '20220929.md': ['Team IaaS', 'Team Container', 'Team Operations and IAM', 'IAM SIG', 'Monitoring SIG', 'Community SIG', 'Standardisation SIG', 'Release SIG', 'Open Operations Manifesto', 'Next overflow slot'],
  '20221103.md': ['Team IaaS', 'Team Container', 'Team Operations and IAM', 'IAM SIG', 'Monitoring SIG', 'Community SIG', 'Standardisation SIG', 'Open Operations Manifesto WG', 'Open hacking session', 'Next overflow slot'],
  '20221117.md': ['Team IaaS', 'Team Container', 'Team Ops IAM', 'IAM SIG', 'Monitoring SIG', 'Documentation SIG', 'Standardisation & Certification SIG', 'Open Operations WG'],
  '20221124.md': ['Team IaaS', 'Team Container', 'Team Ops IAM', 'IAM SIG', 'Monitoring SIG', 'Documentation SIG', 'Standardisation & Certification SIG', 'Community SIG', 'Open Operations WG'],
  '20221127.md': ['Team IaaS', 'Team Container', 'Team Ops, IAM', 'SIG IAM', 'Community SIG', 'SIG Standarization', 'WG Open Operations Manifesto'],
  '20221201.md': ['Team IaaS', 'Team Container', 'Team Operations and IAM', 'IAM SIG', 'Monitoring SIG', 'Documentation SIG', 'Standardisation SIG'],
  '20221208.md': [
    'Team IaaS (Sprint review and planning)',
    'Team Container (Sprint review and planning)',
    'Team Ops, IAM (Sprint review and planning)',
    'SIG IAM',
    'SIG Monitoring',
    'SIG Market',
    'SIG Standardization',
    'Overflow Slot (k8s on the management plane)',
  ],
  '20221215.md': ['Team IaaS', 'Team Container', 'Team Ops IAM', 'IAM SIG', 'Monitoring SIG', 'Documentation SIG', 'Standardisation & Certification SIG'],
  '20221222.md': ['Team IaaS', 'Team Container', 'Team Ops IAM', 'Community SIG'],
};

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const parse = (path: string) => parseMinutes({ uri: pathToFileURL(path).toString(), version: 1, text: readFileSync(path, 'utf8') }, DEFAULT_CONFIG);

describe('the real SCS minutes', function () {
  before(function () {
    requireCorpus(this);
  });

  it('parses every file without throwing, and reads the weekly folder as weekly roll-ups', () => {
    const files = markdownFiles(CORPUS);
    assert.ok(files.length > 700, `only ${files.length} files`);
    for (const path of files) {
      const model = parse(path);
      if (relative(CORPUS, path).startsWith('community-call/')) assert.equal(model.kind, 'weekly', path);
    }
  });

  it('lists the teams and SIGs of every weekly roll-up', () => {
    const weekly = readdirSync(join(CORPUS, 'community-call')).filter((f) => f.endsWith('.md'));
    assert.deepEqual(weekly.sort(), Object.keys(WEEKLY_TEAMS).sort(), 'every weekly file has its expected list here');
    for (const file of weekly) {
      const model = parse(join(CORPUS, 'community-call', file));
      assert.deepEqual(model.updates?.entries.map((e) => e.name), WEEKLY_TEAMS[file], file);
    }
  });

  it('reads the minutes lines of a weekly roll-up as they are written', () => {
    const model = parse(join(CORPUS, 'community-call/20220929.md'));
    const byName = new Map(model.updates!.entries.map((e) => [e.name, e.minutesLine]));
    assert.equal(byName.get('Team IaaS')?.target?.path, 'iaas/20220927.md');
    assert.equal(byName.get('Team Container')?.target?.path, 'container/20220926.md');
    assert.equal(byName.get('Team Operations and IAM')?.state, 'pending');
    assert.equal(byName.get('Team Operations and IAM')?.target?.folder, 'ops-iam');
    assert.equal(byName.get('Standardisation SIG')?.state, 'cancelled');
    assert.equal(byName.get('IAM SIG'), undefined);
  });

  it('treats the slide deck next to the minutes as not minutes', () => {
    assert.equal(parse(join(CORPUS, 'community-meeting/20260123.md')).kind, 'other');
  });
});
