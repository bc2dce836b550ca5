import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');
const EXAMPLE = resolve(__dirname, '../../examples/minutes');
const VERSION = (JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;
const STALE = 'stale-cached-finding';

function run(args: string[], cwd: string, cli = CLI) {
  const result = spawnSync(process.execPath, [cli, ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

interface CacheFile {
  files: Record<string, { findings: unknown[] }>;
}

// The example: community-call/20240118.md links iaas/20240116.md (missing; iaas/20240117.md is
// that week's) and container/20240108.md (outdated), and has a team heading at the wrong level.
describe('minutes-lint --cache', () => {
  let root: string;
  const cacheFile = () => join(root, '.minutes-lint-cache');
  const write = (file: string, text: string) => writeFileSync(join(root, file), text);

  /**
   * Fills the cache, then makes every cached result say what no check says: a rerun that shows
   * it used the cache. After a change, any trace of it is a stale finding.
   */
  function warmAndMark(): void {
    assert.notEqual(run(['--cache'], root).code, 2);
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8')) as CacheFile;
    for (const entry of Object.values(cache.files)) {
      entry.findings = [{ code: STALE, severity: 'warning', message: 'from the cache', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }];
    }
    writeFileSync(cacheFile(), JSON.stringify(cache));
  }

  /** `--cache` gives exactly what a run without it gives, and nothing from the marked cache. */
  function assertFresh(args: string[] = []): void {
    const cached = run(['--cache', ...args], root);
    const plain = run(args, root);
    assert.doesNotMatch(cached.stdout, new RegExp(STALE, 'u'), 'a stale finding from the cache');
    assert.equal(cached.stdout, plain.stdout);
    assert.equal(cached.code, plain.code);
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-cache-'));
    cpSync(EXAMPLE, root, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes .minutes-lint-cache at the root; a rerun gives the same findings, from the cache', () => {
    const first = run(['--cache'], root);
    assert.equal(first.stdout, run([], root).stdout);
    assert.ok(existsSync(cacheFile()));
    const second = run(['--cache'], root);
    assert.equal(second.stdout, first.stdout);
    assert.equal(second.code, 1);
    warmAndMark();
    assert.match(run(['--cache'], root).stdout, new RegExp(STALE, 'u'), 'an unchanged repository is answered from the cache');
  });

  /** The findings of a `--format json` run, by file. */
  function findingsByFile(args: string[]): Map<string, string[]> {
    const rows = JSON.parse(run(['--format', 'json', ...args], root).stdout) as Array<{ file: string; code: string; line: number }>;
    const byFile = new Map<string, string[]>();
    for (const row of rows) byFile.set(row.file, [...(byFile.get(row.file) ?? []), `${row.line} ${row.code}`]);
    return byFile;
  }

  it('checks again an edited file and the files whose checks read it, and only those', () => {
    warmAndMark();
    write('sig-docs/20240115.md', readFileSync(join(root, 'sig-docs/20240115.md'), 'utf8').replace(/^# .*$/mu, '# SIG Documentation 2024-01-15'));
    const cached = findingsByFile(['--cache']);
    const plain = findingsByFile([]);
    // The edited file's finding is gone; its series (copies, conventions) and the roll-up that links it are checked again.
    assert.equal(plain.get('sig-docs/20240115.md'), undefined);
    for (const file of ['sig-docs/20240115.md', 'sig-docs/20240108.md', 'community-call/20240118.md']) assert.deepEqual(cached.get(file), plain.get(file), file);
    // Files whose checks read nothing of it come from the cache.
    for (const file of ['container/20240108.md', 'iaas/20240117.md']) assert.deepEqual(cached.get(file), [`1 ${STALE}`], file);
  });

  it('gives after each edit what a run without the cache gives', () => {
    assert.notEqual(run(['--cache'], root).code, 2);
    const edits: Array<[string, (text: string) => string]> = [
      ['iaas/20240117.md', (text) => text.replace('# 2024-01-17', '# Team IaaS 2024-01-10')],
      ['container/20240115.md', (text) => text.replace(/^# .*$/mu, '# Something else entirely')],
      ['community-call/20240111.md', (text) => `${text}\n## Team Updates\n\n### Team IaaS\n\n- [Minutes](../iaas/20240117.md)\n`],
      ['sig-docs/20231218.md', () => readFileSync(join(root, 'sig-docs/20231211.md'), 'utf8')],
    ];
    for (const [file, edit] of edits) {
      write(file, edit(readFileSync(join(root, file), 'utf8')));
      assertFresh();
    }
  });

  it('checks again the files that read a file added, renamed or deleted elsewhere', () => {
    warmAndMark();
    write('iaas/20240116.md', '# Team IaaS 2024-01-16\n');
    assertFresh();
    assert.doesNotMatch(run(['--cache'], root).stdout, /iaas\/20240116\.md does not exist/u, 'the added file is what the roll-up links');
    warmAndMark();
    renameSync(join(root, 'iaas/20240116.md'), join(root, 'iaas/20240123.md'));
    assertFresh();
    warmAndMark();
    rmSync(join(root, 'container/20240115.md'));
    assertFresh();
  });

  it('checks again when a heading of another file changes, for checks of the named file only too', () => {
    warmAndMark();
    write('container/20240115.md', '# Something else entirely\n');
    assertFresh(['community-call/20240118.md']);
  });

  it('checks everything again after a config change', () => {
    warmAndMark();
    write('.minutes.json', JSON.stringify({ ignores: ['sig-docs/**'] }));
    assertFresh();
  });

  it('checks everything again with another version of minutes-lint', () => {
    warmAndMark();
    const bundle = readFileSync(CLI, 'utf8');
    assert.equal(bundle.split(JSON.stringify(VERSION)).length, 2, 'the version is defined once in the bundle');
    const other = join(root, '..', `${root.split(/[\\/]/u).pop()}-cli.js`);
    writeFileSync(other, bundle.replace(JSON.stringify(VERSION), JSON.stringify(`${VERSION}-next`)));
    try {
      const cached = run(['--cache'], root, other);
      assert.doesNotMatch(cached.stdout, new RegExp(STALE, 'u'));
      assert.equal(cached.stdout, run([], root).stdout);
    } finally {
      rmSync(other, { force: true });
    }
  });

  it('rebuilds a corrupt or foreign cache file without an error', () => {
    const plain = run([], root);
    for (const text of ['{ not json', '[]', JSON.stringify({ format: 'minutes-lint-cache/1', key: 'x', files: { a: 1 } }), '\u0000\u0001']) {
      write('.minutes-lint-cache', text);
      const cached = run(['--cache'], root);
      assert.equal(cached.stdout, plain.stdout);
      assert.equal(cached.code, plain.code);
      assert.equal(cached.stderr, '');
      assert.doesNotThrow(() => JSON.parse(readFileSync(cacheFile(), 'utf8')), 'rebuilt');
    }
  });

  it('rebuilds a cache of the right key whose findings are not of a finding\'s shape, without an error', () => {
    const plain = run(['--format', 'json'], root);
    for (const bad of [null, { code: 'x' }, { code: 'x', severity: 'warning', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, related: 'x' }]) {
      assert.notEqual(run(['--cache'], root).code, 2);
      const cache = JSON.parse(readFileSync(cacheFile(), 'utf8')) as CacheFile;
      for (const entry of Object.values(cache.files)) entry.findings = [bad];
      writeFileSync(cacheFile(), JSON.stringify(cache));
      const cached = run(['--cache', '--format', 'json'], root);
      assert.deepEqual({ ...cached, stderr: cached.stderr }, { ...plain, stderr: '' }, JSON.stringify(bad));
    }
  });

  it('--cache-location puts the cache elsewhere inside the root, never outside it', () => {
    assert.equal(run(['--cache', '--cache-location', 'sub.cache'], root).stdout, run([], root).stdout);
    assert.ok(existsSync(join(root, 'sub.cache')));
    assert.ok(!existsSync(cacheFile()));
    const outside = run(['--cache', '--cache-location', join(root, '..', 'elsewhere.cache')], root);
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /--cache-location must be a file inside the root/u);
    const markdown = run(['--cache', '--cache-location', 'cache.md'], root);
    assert.equal(markdown.code, 2);
    assert.ok(!existsSync(join(root, 'cache.md')));
  });

  it('--fix never writes a cached fix: it fixes what a fresh check finds', () => {
    warmAndMark();
    const cache = JSON.parse(readFileSync(cacheFile(), 'utf8')) as CacheFile;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    cache.files['sig-docs/20240115.md'].findings = [{ code: STALE, severity: 'warning', message: 'x', range, fixes: [{ title: 'x', preferred: true, edits: [{ range, newText: 'STALE' }] }] }];
    writeFileSync(cacheFile(), JSON.stringify(cache));
    const fixed = run(['--fix', '--cache', 'sig-docs/20240115.md'], root);
    assert.equal(fixed.code, 0);
    const text = readFileSync(join(root, 'sig-docs/20240115.md'), 'utf8');
    assert.doesNotMatch(text, /STALE/u);
    assert.match(text, /2024-01-15/u, 'the real finding was fixed');
  });
});
