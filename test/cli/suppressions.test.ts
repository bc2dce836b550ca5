import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const EXAMPLE = resolve(__dirname, '../../examples/minutes');

// As of the week of the example's newest roll-up: its reminder about today is still news.
function run(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [CLI, '--today', '2024-01-19', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface Row {
  file: string;
  code: string;
  severity: string;
  suppressed?: boolean;
}

// The example repository has five warnings: four in the roll-up community-call/20240118.md
// (a copied title date, a link to a missing file, an outdated link, a heading level) and a
// title date in sig-docs/20240115.md.
describe('minutes-lint suppressions (--suppress-all, --prune-suppressions)', () => {
  let root: string;
  const suppressionsOf = (file = 'minutes-suppressions.json') => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, Record<string, { count: number }>>;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-suppress-'));
    cpSync(EXAMPLE, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('records every warning as a count per file and rule; later runs pass and show them only in JSON', () => {
    assert.equal(run([], root).code, 1, 'the example has warnings');
    const suppress = run(['--suppress-all'], root);
    assert.equal(suppress.code, 0);
    assert.match(suppress.stderr, /minutes-suppressions\.json: 5 finding\(s\) in 2 file\(s\) suppressed/u);
    assert.deepEqual(suppressionsOf(), {
      'community-call/20240118.md': { 'heading-level': { count: 1 }, 'minutes-link-not-found': { count: 1 }, 'minutes-link-outdated': { count: 1 }, 'title-date-mismatch': { count: 1 } },
      'sig-docs/20240115.md': { 'title-date-mismatch': { count: 1 } },
    });
    assert.deepEqual(readdirSync(root).filter((f) => !['README.md', 'community-call', 'container', 'iaas', 'sig-docs'].includes(f)), ['minutes-suppressions.json'], 'no temporary file is left');

    const text = run([], root);
    assert.equal(text.code, 0);
    assert.doesNotMatch(text.stdout, /warning/u, 'suppressed warnings are not in the text output');
    assert.match(text.stdout, /information {2}The SIG Documentation minutes are available now/u, 'information is never suppressed');
    assert.doesNotMatch(run(['--format', 'github'], root).stdout, /::warning/u);

    const json = run(['--format', 'json'], root);
    assert.equal(json.code, 0);
    const rows = JSON.parse(json.stdout) as Row[];
    assert.deepEqual(
      rows.filter((r) => r.suppressed).map((r) => `${r.file} ${r.code}`),
      ['community-call/20240118.md title-date-mismatch', 'community-call/20240118.md minutes-link-not-found', 'community-call/20240118.md minutes-link-outdated', 'community-call/20240118.md heading-level', 'sig-docs/20240115.md title-date-mismatch'],
    );
    assert.equal(rows.find((r) => r.code === 'minutes-now-available')?.suppressed, undefined);
  });

  it('keeps a finding suppressed when its line moves', () => {
    run(['--suppress-all'], root);
    const path = join(root, 'sig-docs/20240115.md');
    writeFileSync(path, `<!-- moved down -->\n\n${readFileSync(path, 'utf8')}`);
    assert.equal(run([], root).code, 0);
  });

  it('fails on a new mistake: in another file, or one more of a suppressed rule in the same file', () => {
    run(['--suppress-all'], root);
    writeFileSync(join(root, 'iaas/20240124.md'), '# Team IaaS 2024-01-23\n\n- notes\n');
    const other = run([], root);
    assert.equal(other.code, 1);
    assert.match(other.stdout, /^iaas\/20240124\.md:1:\d+ {2}warning .* title-date-mismatch$/mu);
    rmSync(join(root, 'iaas/20240124.md'));
    assert.equal(run([], root).code, 0);

    const rollUp = join(root, 'community-call/20240118.md');
    writeFileSync(rollUp, readFileSync(rollUp, 'utf8').replace('container/20240108.md', 'container/20240114.md'));
    const same = run(['--format', 'json'], root);
    assert.equal(same.code, 1, 'two missing links where one was suppressed');
    const notFound = (JSON.parse(same.stdout) as Row[]).filter((r) => r.code === 'minutes-link-not-found');
    assert.equal(notFound.length, 2);
    assert.ok(notFound.every((r) => !r.suppressed), 'which one is new cannot be told: all are shown');
  });

  it('--prune-suppressions drops what was fixed, only for the files checked', () => {
    run(['--suppress-all'], root);
    const path = join(root, 'sig-docs/20240115.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('# SIG Documentation 2024-01-08', '# SIG Documentation 2024-01-15'));
    const elsewhere = run(['--prune-suppressions', 'community-call'], root);
    assert.equal(elsewhere.code, 0);
    assert.ok(suppressionsOf()['sig-docs/20240115.md'], 'a file not checked keeps its entry');
    const pruned = run(['--prune-suppressions'], root);
    assert.equal(pruned.code, 0);
    assert.deepEqual(Object.keys(suppressionsOf()), ['community-call/20240118.md']);
    assert.equal(Object.keys(suppressionsOf()['community-call/20240118.md']).length, 4);
    // Had it not been pruned, the same mistake made again would pass unnoticed.
    writeFileSync(path, readFileSync(path, 'utf8').replace('# SIG Documentation 2024-01-15', '# SIG Documentation 2024-01-08'));
    assert.equal(run([], root).code, 1);
  });

  it('says when suppressed findings no longer occur, without failing', () => {
    run(['--suppress-all'], root);
    const path = join(root, 'sig-docs/20240115.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('# SIG Documentation 2024-01-08', '# SIG Documentation 2024-01-15'));
    const { code, stderr } = run([], root);
    assert.equal(code, 0);
    assert.match(stderr, /1 suppressed finding\(s\) no longer occur; --prune-suppressions drops them/u);
  });

  it('exits 2 with one line on a suppressions file that is not one', () => {
    for (const text of ['{ "community-call/20240118.md": ', '["a"]', '{ "a.md": { "heading-level": { "count": "one" } } }']) {
      writeFileSync(join(root, 'minutes-suppressions.json'), text);
      const { code, stdout, stderr } = run([], root);
      assert.equal(code, 2, text);
      assert.equal(stdout, '');
      assert.match(stderr.split('\n')[0], /^minutes-lint: minutes-suppressions\.json: not a suppressions file: /u);
    }
  });

  it('--suppressions-location names another file inside the root, never one outside it', () => {
    mkdirSync(join(root, 'ci'));
    assert.equal(run(['--suppress-all', '--suppressions-location', 'ci/baseline.json'], root).code, 0);
    assert.ok(existsSync(join(root, 'ci/baseline.json')));
    assert.ok(!existsSync(join(root, 'minutes-suppressions.json')));
    assert.equal(run(['--suppressions-location', 'ci/baseline.json'], root).code, 0);
    assert.equal(run([], root).code, 1, 'the default location has no suppressions');

    const outside = mkdtempSync(join(tmpdir(), 'minutes-outside-'));
    try {
      const away = run(['--suppress-all', '--suppressions-location', join(outside, 'baseline.json')], root);
      assert.equal(away.code, 2);
      assert.match(away.stderr.split('\n')[0], /^minutes-lint: --suppressions-location must be a file inside the root/u);
      // Nor through a link that leads out of the root.
      symlinkSync(outside, join(root, 'linked'));
      assert.equal(run(['--suppress-all', '--suppressions-location', 'linked/baseline.json'], root).code, 2);
      writeFileSync(join(outside, 'target.json'), '{}\n');
      symlinkSync(join(outside, 'target.json'), join(root, 'minutes-suppressions.json'));
      assert.equal(run(['--suppress-all'], root).code, 2);
      assert.deepEqual(readdirSync(outside).sort(), ['target.json']);
      assert.equal(readFileSync(join(outside, 'target.json'), 'utf8'), '{}\n');
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
