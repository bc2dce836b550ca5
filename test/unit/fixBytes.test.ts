// Property: a document's byte order mark and line breaks never change what its fixes do. For random
// roll-ups with mistakes, the preferred fixes of the document with a BOM and CRLF or CR line breaks
// are exactly those of its plain LF twin: the same places, the same words, its own line breaks.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { fixedBytes } from '../../cli/src/applyEdits';
import { BOM, DEFAULT_CONFIG, lint, nonOverlapping, preferredEdits, splitBom } from '../../server/src/core';
import { modelOf } from './helpers';
import { ALL_TEAMS, BASE, MEETING_PATH, REPO, TODAY, workspaceOf } from './rules/ruleHelpers';

const SEED = 20261206;

/** The preferred fixes of a file's bytes as `minutes-lint --fix` applies them, decoded as the reader does. */
function fix(bytes: Buffer): string {
  const file = splitBom(bytes.toString('utf8'));
  const model = modelOf(file.text, MEETING_PATH);
  const findings = lint(model, DEFAULT_CONFIG, { workspace: workspaceOf({ ...REPO, [MEETING_PATH]: file.text }), today: TODAY });
  const edits = nonOverlapping(findings.flatMap((f) => preferredEdits(f) ?? []));
  return fixedBytes(file, edits).toString('utf8');
}

// Lines of roll-ups with the mistakes the rules fix: a copied title date, wrong or blank links,
// a missing section, a heading at another level, a team without a minutes line.
const title = fc.constantFrom('# SCS Tech Weekly 2022-09-29', '# SCS Tech Weekly 2022-09-22', '# SCS Tech Weekly', '# SCS Tech Weekly 2022-9-29');
const meta = fc.constantFrom(['## Meta', '', '- Minutes: Jonas'], ['## Meta', '', '- Minutes:'], ['## Meta'], []);
const section = fc.oneof(
  fc.constantFrom(...ALL_TEAMS),
  fc.constantFrom(
    ['### Team IaaS', '', `Minutes: ${BASE}iaas/20220927.md`],
    ['### Team IaaS', '', `Minutes: ${BASE}iaas/20220921.md`],
    ['## Team Container', '', `Minutes: ${BASE}container/20220926.md`],
    ['### Team Operations and IAM', '', 'Minutes:'],
    ['### SIG Documentation', '', '- notes without a minutes line'],
    ['### Team Container', '', `[Minutes](${BASE}container/20220919.md)`, '', '- demo'],
  ),
);
const rollup = fc.tuple(title, meta, fc.array(section, { maxLength: 6 }), fc.boolean()).map(([t, m, sections, aob]) =>
  [t, '', ...m, ...(m.length ? [''] : []), '## Team Updates', '', ...sections.flatMap((s) => [...s, '']), ...(aob ? ['## AOB', ''] : [])].join('\n'),
);

describe('fixes and the bytes of a file', () => {
  it('a byte order mark and CRLF or CR line breaks change nothing of what the preferred fixes do', () => {
    let changed = 0;
    fc.assert(
      fc.property(rollup, fc.constantFrom('\r\n', '\r'), fc.boolean(), (lf, eol, bom) => {
        const plain = fix(Buffer.from(lf, 'utf8'));
        if (plain !== lf) changed++;
        const variant = (bom ? BOM : '') + lf.split('\n').join(eol);
        const expected = (bom ? BOM : '') + plain.split('\n').join(eol);
        assert.equal(fix(Buffer.from(variant, 'utf8')), expected);
      }),
      { seed: SEED, numRuns: 80 },
    );
    // Not vacuous: most generated roll-ups have something to fix.
    assert.ok(changed > 40, `${changed} of 80 documents were changed by their fixes`);
  });
});
