import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintFiles } from '../../cli/src/lintFiles';
import { DEFAULT_CONFIG } from '../../server/src/core';
import type { FileFindings } from '../../cli/src/format';
import { listMarkdownFiles } from '../../server/src/node/fileWorkspace';
import { joinLines } from '../unit/helpers';
import { rollup } from '../unit/rules/ruleHelpers';
import { requireCorpus, writableCopy } from './corpusPath';
import { REVIEWED_ON } from './findings.test';

const BLOB = 'https://github.com/SovereignCloudStack/minutes/blob/main/';

/**
 * Later roll-ups, made up for this test, of what the real repository went on to hold: the Ops/IAM
 * split (Team IAM still linking an old ops-iam/ file once, Team Ops linking ops/), the Monitoring
 * SIG linking its audit-log working group's folder, sessions written as sections of their own, and
 * a slide deck whose front matter starts after a blank line.
 */
const LATER: Record<string, string> = {
  'community-call/20230216.md': rollup(
    [
      ['### Team IaaS', '', `Minutes: ${BLOB}iaas/20230215.md`],
      ['### Team Ops', '', `Minutes: ${BLOB}ops/20230216.md`],
      ['### Team IAM', '', `Minutes: ${BLOB}ops-iam/20230126.md`, '', '#### IAM Hacking Session', '', '- Keycloak realms per tenant'],
      ['## Team IAM Hacking Session', '', `Minutes: ${BLOB}iam/20230215.md`],
      ['### Monitoring SIG', '', `Minutes: ${BLOB}sig-monitoring-audit-log-wg/20230210.md`],
    ],
    '# SCS Tech Weekly 2023-02-16',
  ),
  'community-call/20230223.md': joinLines(
    '',
    '---',
    'title: SCS Tech Weekly',
    'type: slide',
    'slideOptions:',
    '  theme: white',
    '---',
    '',
    '# <font color="#50c3a5">SCS Tech Weekly</font>',
    '',
    '---',
    '',
    '## Team Updates',
    '',
    '### Team IAM',
    '',
    `Minutes: ${BLOB}ops-iam/20221201.md`,
    '',
  ),
};

function byFile(results: Array<FileFindings | null>): Map<string, string[]> {
  return new Map(
    results.filter((r): r is FileFindings => r !== null).map((r) => [r.file, r.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${f.message}`)]),
  );
}

describe('history as it stood: later files change nothing on earlier ones', function () {
  let root: string;
  let earlier: Map<string, string[]>;
  let later: Map<string, string[]>;

  before(function () {
    requireCorpus(this);
    this.timeout(180_000);
    root = mkdtempSync(join(tmpdir(), 'minutes-history-'));
    writableCopy(root);
    const lintAll = () => byFile(lintFiles(listMarkdownFiles(root).map((f) => join(root, f)), root, DEFAULT_CONFIG, false, REVIEWED_ON));
    earlier = lintAll();
    for (const [path, text] of Object.entries(LATER)) writeFileSync(join(root, path), text);
    later = lintAll();
  });

  after(() => root && rmSync(root, { recursive: true, force: true }));

  it('gives every file of the corpus exactly the findings it had without the later roll-ups', () => {
    // The one designed exception: reminders about the state of today move to the newest roll-up.
    const judged = (findings: string[] | undefined) => JSON.stringify((findings ?? []).filter((f) => !f.includes(' minutes-now-available ')));
    const changed = [...earlier.keys()].filter((file) => judged(earlier.get(file)) !== judged(later.get(file)));
    assert.deepEqual(
      changed.map((file) => ({ file, without: earlier.get(file), with: later.get(file) })),
      [],
    );
  });

  it('judges the later roll-up itself on what it knew: no duplicate for the hacking session, no missing team for a nested one', () => {
    const findings = later.get('community-call/20230216.md')!;
    // (It leaves out teams that met, on purpose: those are reported, and only those.)
    assert.deepEqual(
      findings.filter((f) => / (duplicate-team|minutes-link-wrong-team) /u.test(f) || (/ missing-team /u.test(f) && /IAM(?! SIG)|Hacking|Ops/u.test(f))),
      [],
      'Team IAM Hacking Session is a meeting of its own; Team IAM linking an ops-iam/ file is a team that was just split',
    );
  });

  it('reminds no roll-up but the newest of minutes that came later (and, reviewed years on, none)', () => {
    const reminded = (run: Map<string, string[]>) => [...run.entries()].filter(([, findings]) => findings.some((f) => f.includes(' minutes-now-available '))).map(([file]) => file);
    assert.deepEqual(reminded(earlier), []);
    assert.deepEqual(reminded(later), []);
  });

  it('leaves the slide deck with a blank first line alone', () => {
    assert.deepEqual(later.get('community-call/20230223.md'), []);
  });
});
