import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const CLI = resolve(__dirname, '../../dist/cli.js');

function run(args: string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXISTING = '# 2026-06-04\n\n## Participants\n\n- @lee\n';
// A rolling pad, newest meeting on top: one meeting the series lacks, one it has as written, one it has otherwise.
const PAD = [
  '---',
  'title: Team IaaS',
  '---',
  '# Team IaaS pad',
  '',
  '## 2026-06-11',
  '',
  '### Participants',
  '',
  '- @kim',
  '',
  '![board](https://pad.example.org/uploads/upload_ab12.png)',
  '',
  '---',
  '',
  '## 2026-06-04',
  '',
  '### Participants',
  '',
  '- @lee',
  '',
  '## 2026-05-28',
  '',
  '### Participants',
  '',
  '- @kim',
  '- @lee',
  '',
].join('\n');

describe('minutes-lint --import', () => {
  let root: string;
  const series = () => join(root, 'iaas');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-import-'));
    mkdirSync(series());
    writeFileSync(join(series(), '20260604.md'), EXISTING);
    writeFileSync(join(series(), '20260528.md'), '# 2026-05-28\n\n## Participants\n\n- @kim\n');
    writeFileSync(join(root, 'pad.md'), PAD);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the meetings the series lacks, named by its pattern, with the title at its level', () => {
    const { code, stdout } = run(['--import', 'pad.md', '--series', 'iaas', '--today', '2026-06-20'], root);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^created {2}iaas\/20260611\.md {2}\(2026-06-11\)$/mu);
    assert.match(stdout, /^unchanged {2}iaas\/20260604\.md/mu);
    assert.match(stdout, /^ {2}image still on the pad's host: https:\/\/pad\.example\.org\/uploads\/upload_ab12\.png$/mu);
    assert.equal(readFileSync(join(series(), '20260611.md'), 'utf8'), '# 2026-06-11\n\n## Participants\n\n- @kim\n\n![board](https://pad.example.org/uploads/upload_ab12.png)\n');
  });

  it('never overwrites a file that differs: it shows the diff', () => {
    const before = readFileSync(join(series(), '20260528.md'), 'utf8');
    const { code, stdout } = run(['--import', 'pad.md', '--series', 'iaas'], root);
    assert.equal(code, 0);
    assert.match(stdout, /^differs {2}iaas\/20260528\.md {2}\(2026-05-28\): not written, see the diff below$/mu);
    assert.match(stdout, /^\+- @lee$/mu);
    assert.equal(readFileSync(join(series(), '20260528.md'), 'utf8'), before);
    assert.equal(readFileSync(join(series(), '20260604.md'), 'utf8'), EXISTING);
  });

  it('changes nothing on a second run, reading the pad from standard input', () => {
    run(['--import', 'pad.md', '--series', 'iaas'], root);
    const created = readFileSync(join(series(), '20260611.md'), 'utf8');
    const { code, stdout } = run(['--import', '-', '--series', 'iaas'], root, PAD);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /^created/mu);
    assert.match(stdout, /^unchanged {2}iaas\/20260611\.md/mu);
    assert.equal(readFileSync(join(series(), '20260611.md'), 'utf8'), created);
  });

  it('creates nothing with --dry-run', () => {
    const { code, stdout } = run(['--import', 'pad.md', '--series', 'iaas', '--dry-run'], root);
    assert.equal(code, 0);
    assert.match(stdout, /^would create {2}iaas\/20260611\.md/mu);
    assert.deepEqual(readdirSync(series()).sort(), ['20260528.md', '20260604.md']);
  });

  for (const [name, args, message] of [
    ['a missing pad', ['--import', 'nowhere.md', '--series', 'iaas'], /nowhere\.md: cannot be read/u],
    ['a pad without dated headings', ['--import', '-', '--series', 'iaas'], /standard input: no meeting found/u],
    ['a series folder that does not exist', ['--import', 'pad.md', '--series', 'nope'], /--series nope: not a folder inside the repository/u],
    ['a series outside the repository', ['--import', 'pad.md', '--series', '..'], /--series \.\.: not a folder inside the repository/u],
    ['no --series', ['--import', 'pad.md'], /--import needs --series FOLDER/u],
    ['a bad --today', ['--import', 'pad.md', '--series', 'iaas', '--today', '2026-02-30'], /--today must be a date/u],
  ] as const) {
    it(`exits 2 with one line on ${name}, creating nothing`, () => {
      const { code, stderr } = run([...args], root, '# Notes\n\n- nothing dated\n');
      assert.equal(code, 2);
      assert.match(stderr.split('\n')[0], message);
      assert.deepEqual(readdirSync(series()).sort(), ['20260528.md', '20260604.md']);
    });
  }
});
