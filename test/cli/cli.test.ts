import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const EXAMPLE = resolve(__dirname, '../../examples/minutes');

function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('minutes-lint', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-cli-'));
    cpSync(EXAMPLE, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('reports a copied title date in text format and exits 1', () => {
    const { code, stdout } = run([], root);
    assert.equal(code, 1);
    assert.match(stdout, /^community-call\/20240118\.md:1:19 {2}warning {2}Title says 2024-01-11 but the file is 20240118\.md; expected 2024-01-18\. {2}title-date-mismatch$/mu);
    assert.doesNotMatch(stdout, /20240111\.md/u, 'a good file gets no findings');
  });

  it('prints the JSON contract with 1-based positions and the fix', () => {
    const { code, stdout } = run(['--format', 'json', 'community-call'], root);
    assert.equal(code, 1);
    const rows = JSON.parse(stdout) as Array<{ code: string }>;
    const row = rows.find((r) => r.code === 'title-date-mismatch');
    assert.deepEqual(row, {
      file: 'community-call/20240118.md',
      line: 1,
      column: 19,
      endLine: 1,
      endColumn: 29,
      severity: 'warning',
      code: 'title-date-mismatch',
      message: 'Title says 2024-01-11 but the file is 20240118.md; expected 2024-01-18.',
      fix: { title: 'Change the title date to 2024-01-18', edits: [{ line: 1, column: 19, endLine: 1, endColumn: 29, newText: '2024-01-18' }] },
    });
  });

  it('exits 0 on clean files', () => {
    const { code, stdout } = run(['community-call/20240111.md'], root);
    assert.equal(code, 0);
    assert.equal(stdout, '');
  });

  it('--fix repairs the title and changes nothing else', () => {
    const path = join(root, 'sig-docs/20240115.md');
    const before = readFileSync(path, 'utf8');
    const { stderr, code } = run(['--fix', 'sig-docs/20240115.md'], root);
    assert.match(stderr, /sig-docs\/20240115\.md: fixed 1 problem/u);
    assert.equal(code, 0, 'nothing is left to report');
    assert.equal(readFileSync(path, 'utf8'), before.replace('# SIG Documentation 2024-01-08', '# SIG Documentation 2024-01-15'));
  });

  it('exits 2 with a one-line message on usage and config errors', () => {
    const unknown = run(['--frobnicate'], root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr.split('\n')[0], /^minutes-lint: .*frobnicate/u);
    assert.equal(run(['--format', 'xml'], root).code, 2);
    assert.equal(run(['no-such-folder'], root).code, 2);
    writeFileSync(join(root, '.minutes.json'), '{ "meetingWeekday": 9 }');
    const badConfig = run([], root);
    assert.equal(badConfig.code, 2);
    assert.match(badConfig.stderr, /meetingWeekday must be at most 6/u);
  });

  it('takes rule severities from "rules" in .minutes.json: off, or stricter', () => {
    writeFileSync(join(root, '.minutes.json'), JSON.stringify({ rules: { 'title-date-mismatch': 'off', 'minutes-now-available': 'error' } }));
    const { code, stdout } = run(['--format', 'json', '--today', '2024-01-19'], root);
    const findings = JSON.parse(stdout) as Array<{ code: string; severity: string }>;
    assert.equal(code, 1);
    assert.ok(!findings.some((f) => f.code === 'title-date-mismatch'), 'switched off');
    assert.deepEqual(findings.filter((f) => f.code === 'minutes-now-available').map((f) => f.severity), ['error']);
    writeFileSync(join(root, '.minutes.json'), JSON.stringify({ rules: { 'no-such-rule': 'off' } }));
    const unknown = run([], root);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown setting "rules\.no-such-rule"/u);
  });

  it('skips the files that "ignores" in .minutes.json names, by glob', () => {
    writeFileSync(join(root, '.minutes.json'), JSON.stringify({ ignores: ['community-call/**', 'sig-*/2024011?.md'] }));
    const { code, stdout } = run([], root);
    assert.equal(code, 0);
    assert.equal(stdout, '', 'the roll-up with the mistakes and the SIG file are not checked');
    // Ignored files still count as the repository: the others are judged against them.
    writeFileSync(join(root, '.minutes.json'), JSON.stringify({ ignores: ['iaas/**'] }));
    assert.match(run([], root).stdout, /iaas\/20240116\.md does not exist; iaas\/20240117\.md is the Team IaaS minutes/u);
  });

  it('lists action items with --actions: each once at its latest mention, JSON with its state across the series, text by owner', () => {
    mkdirSync(join(root, 'wg'), { recursive: true });
    writeFileSync(join(root, 'wg/20240101.md'), '# 2024-01-01\n\n## Topics\n\n- _AI @kim: draft the charter_\n- AI @alex to book a room\n');
    writeFileSync(join(root, 'wg/20240108.md'), '# 2024-01-08\n\n## Pending action items\n\n- _AI @kim: draft the charter_\n  - ongoing\n');
    const json = run(['--actions', '--format', 'json', '--today', '2024-01-10', 'wg'], root);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), [
      { file: 'wg/20240101.md', line: 6, column: 1, owners: ['alex'], text: 'book a room', status: 'dropped', date: '2024-01-01', raised: { file: 'wg/20240101.md', line: 6, date: '2024-01-01' }, seriesEnded: false },
      { file: 'wg/20240108.md', line: 5, column: 1, owners: ['kim'], text: 'draft the charter', status: 'open', date: '2024-01-08', raised: { file: 'wg/20240101.md', line: 5, date: '2024-01-01' }, seriesEnded: false },
    ]);
    const text = run(['--actions', '--today', '2024-01-10', 'wg/20240108.md'], root);
    assert.equal(text.stdout, '@kim\n  open      wg/20240108.md:5  draft the charter  (raised 2024-01-01)\n');
    // Months later the series has stopped meeting: its items are history, listed last under "older".
    const later = run(['--actions', '--today', '2024-06-01', 'wg'], root);
    assert.equal(
      later.stdout,
      'older (series no longer meeting)\n  @alex\n    dropped   wg/20240101.md:6  book a room\n\n  @kim\n    open      wg/20240108.md:5  draft the charter  (raised 2024-01-01)\n',
    );
  });

  it('skips binary files quietly instead of crashing', () => {
    writeFileSync(join(root, 'iaas/20240124.md'), Buffer.from([0x23, 0x20, 0x00, 0xff, 0xfe]));
    const { code, stderr } = run(['iaas'], root);
    assert.equal(code, 0);
    assert.match(stderr, /not a text file/u);
  });
});

describe('minutes-lint on awkward files', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-cli-'));
    cpSync(EXAMPLE, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('does not fix a file that is not UTF-8, so nothing else in it changes', () => {
    const path = join(root, 'sig-docs/20240115.md');
    const latin1 = Buffer.from('# SIG Documentation 2024-01-08\n\n- J\u00fcrgen M\u00fcller\n', 'latin1');
    writeFileSync(path, latin1);
    const { stderr } = run(['--fix', 'sig-docs/20240115.md'], root);
    assert.match(stderr, /not fixed: the file is not UTF-8/u);
    assert.deepEqual(readFileSync(path), latin1);
  });

  it('says why a file is skipped even when the checks of other files read it first', () => {
    // The series' earlier minutes are checked first, and their checks read the others of the series (copies).
    writeFileSync(join(root, 'sig-docs/20240122.md'), Buffer.from('# SIG Documentation 2024-01-22\n\0\n'));
    const { stderr } = run([], root);
    assert.match(stderr, /sig-docs\/20240122\.md: skipped, not a text file/u);
  });

  it('skips a dangling symbolic link instead of crashing', () => {
    symlinkSync(join(root, 'nowhere.md'), join(root, 'iaas/20240124.md'));
    const { code, stderr } = run(['iaas'], root);
    assert.equal(code, 0);
    assert.match(stderr, /20240124\.md: skipped, cannot be read/u);
  });
});
