import * as assert from 'node:assert/strict';
import { markSuppressed, parseSuppressions, pruneSuppressions, suppressAll, suppressionsText, type Finding } from '../../server/src/core';

const finding = (code: string, line: number, severity: Finding['severity'] = 'warning'): Finding => ({ code, severity, message: code, range: { start: { line, character: 0 }, end: { line, character: 1 } } });
const suppressed = (findings: Finding[]) => findings.map((f) => `${f.code}@${f.range.start.line}${f.suppressed ? ' suppressed' : ''}`);

describe('suppressions (the core shared by minutes-lint and the server)', () => {
  it('suppresses a rule\'s findings in a file up to its count, wherever they moved, and none of them above it', () => {
    const recorded = { 'a.md': { 'minutes-link-outdated': { count: 2 } } };
    assert.deepEqual(suppressed(markSuppressed('a.md', [finding('minutes-link-outdated', 40), finding('minutes-link-outdated', 3)], recorded)), ['minutes-link-outdated@40 suppressed', 'minutes-link-outdated@3 suppressed']);
    const three = [1, 2, 3].map((l) => finding('minutes-link-outdated', l));
    assert.deepEqual(suppressed(markSuppressed('a.md', three, recorded)), ['minutes-link-outdated@1', 'minutes-link-outdated@2', 'minutes-link-outdated@3']);
    assert.deepEqual(suppressed(markSuppressed('b.md', [finding('minutes-link-outdated', 1)], recorded)), ['minutes-link-outdated@1'], 'another file');
    assert.deepEqual(suppressed(markSuppressed('a.md', [finding('missing-team', 1)], recorded)), ['missing-team@1'], 'another rule');
    assert.deepEqual(suppressed(markSuppressed('a.md', [finding('minutes-link-outdated', 1, 'information')], recorded)), ['minutes-link-outdated@1'], 'information never fails, so it is never suppressed');
    assert.deepEqual(suppressed(markSuppressed('toString', [finding('constructor', 1)], {})), ['constructor@1'], 'no inherited property is a suppression');
  });

  it('records, prunes and writes only what the run checked, sorted', () => {
    const recorded = suppressAll({ 'old.md': { 'missing-team': { count: 1 } } }, [{ file: 'b.md', findings: [finding('x', 1), finding('x', 2), finding('y', 3, 'hint')] }, { file: 'a.md', findings: [] }]);
    assert.equal(suppressionsText(recorded), '{\n  "b.md": {\n    "x": {\n      "count": 2\n    }\n  },\n  "old.md": {\n    "missing-team": {\n      "count": 1\n    }\n  }\n}\n');
    const pruned = pruneSuppressions(recorded, [{ file: 'b.md', findings: [finding('x', 9)] }], (file) => file !== 'old.md');
    assert.deepEqual(pruned, { 'b.md': { x: { count: 1 } }, 'old.md': { 'missing-team': { count: 1 } } });
    assert.deepEqual(pruneSuppressions(recorded, [], () => true), {});
    assert.deepEqual(suppressAll(recorded, [{ file: 'b.md', findings: [] }]), { 'old.md': { 'missing-team': { count: 1 } } }, 'a file now clean has no entry');
  });

  it('says in one line why a text is not a suppressions file', () => {
    for (const [text, why] of [
      ['{', /^not valid JSON \(/u],
      ['[]', /^expected an object of files$/u],
      ['{ "a.md": [] }', /^"a\.md": expected an object of rules$/u],
      ['{ "a.md": { "x": { "count": -1 } } }', /^"a\.md" "x": expected \{ "count": a whole number \}$/u],
    ] as const) {
      const parsed = parseSuppressions(text);
      assert.ok('error' in parsed, text);
      assert.match(parsed.error, why);
      assert.ok(!parsed.error.includes('\n'));
    }
    assert.deepEqual(parseSuppressions('\uFEFF{ "a.md": { "x": { "count": 1 } } }'), { suppressions: { 'a.md': { x: { count: 1 } } } });
  });
});
