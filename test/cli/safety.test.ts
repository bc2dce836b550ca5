// Never lose a byte: --fix and --init write only what they mean to, atomically, inside the
// repository, and never over an edit made meanwhile. Faults are injected into the real CLI process
// (test/support/faults.cjs) rather than imitated.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { folderSnapshot } from '../support/files';

const CLI = resolve(__dirname, '../../dist/cli.js');
const FAULTS = resolve(__dirname, '../support/faults.cjs');
const EXAMPLE = resolve(__dirname, '../../examples/minutes');
const SIG = 'sig-docs/20240115.md';
const WRONG_TITLE = '# SIG Documentation 2024-01-08';
const RIGHT_TITLE = '# SIG Documentation 2024-01-15';

function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  const nodeArgs = env.MINUTES_FAULT ? ['--require', FAULTS] : [];
  const result = spawnSync(process.execPath, [...nodeArgs, CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
  return { code: result.status, signal: result.signal, stdout: result.stdout, stderr: result.stderr };
}

describe('minutes-lint never loses a byte', () => {
  let scratch: string;
  let root: string;
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'minutes-safety-'));
    root = join(scratch, 'repo');
    cpSync(EXAMPLE, root, { recursive: true });
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  describe('line endings and byte order marks', () => {
    for (const [name, eol] of [
      ['LF', '\n'],
      ['CRLF', '\r\n'],
      ['CR', '\r'],
    ] as const) {
      for (const bom of [false, true]) {
        it(`--fix changes only the title of a file with ${name} line breaks${bom ? ' and a byte order mark' : ''}`, () => {
          const path = join(root, SIG);
          const text = readFileSync(path, 'utf8').split('\n').join(eol);
          writeFileSync(path, (bom ? '\uFEFF' : '') + text);
          const { stdout } = run(['--format', 'json', SIG], root);
          const titleFinding = (JSON.parse(stdout) as Array<{ code: string; column: number }>).find((f) => f.code === 'title-date-mismatch');
          assert.equal(titleFinding?.column, 21, 'the date is found where it is: the byte order mark is not a character of the text');
          const fixed = run(['--fix', SIG], root);
          assert.equal(fixed.code, 0, fixed.stderr);
          assert.equal(readFileSync(path, 'utf8'), (bom ? '\uFEFF' : '') + text.replace(WRONG_TITLE, RIGHT_TITLE));
        });
      }
    }

    for (const [name, eol] of [
      ['CRLF', '\r\n'],
      ['CR', '\r'],
    ] as const) {
      it(`a roll-up with a byte order mark and ${name} line breaks gets the same fixes as with LF, in its own line breaks`, () => {
        const path = join(root, 'community-call/20240118.md');
        run(['--fix'], root);
        const fixedLf = readFileSync(path, 'utf8');
        rmSync(root, { recursive: true });
        cpSync(EXAMPLE, root, { recursive: true });
        const original = readFileSync(path, 'utf8');
        writeFileSync(path, `\uFEFF${original.split('\n').join(eol)}`);
        run(['--fix'], root);
        const after = readFileSync(path, 'utf8');
        assert.notEqual(fixedLf, original, 'the roll-up has fixes');
        assert.equal(after, `\uFEFF${fixedLf.split('\n').join(eol)}`);
      });
    }
  });

  describe('writes are atomic and checked against the disk', () => {
    it('an edit made while --fix runs is kept: the file is not fixed, and the run says so and exits 2', () => {
      const path = join(root, SIG);
      const { code, stderr } = run(['--fix', SIG], root, { MINUTES_FAULT: 'edit-after-read', MINUTES_FAULT_ROOT: root });
      const after = readFileSync(path, 'utf8');
      assert.ok(after.includes('A line the user typed meanwhile.'), 'the edit is lost');
      assert.ok(after.includes(WRONG_TITLE), 'the fix was written over a text it was not computed from');
      assert.match(stderr, /^sig-docs\/20240115\.md: not fixed: it changed since it was checked/mu);
      assert.equal(code, 2);
    });

    it('a crash in the middle of writing leaves the old text or the new one, never a part', () => {
      const path = join(root, SIG);
      const before = readFileSync(path, 'utf8');
      const { signal } = run(['--fix', SIG], root, { MINUTES_FAULT: 'kill-on-write', MINUTES_FAULT_ROOT: root });
      assert.equal(signal, 'SIGKILL', 'the fault was injected');
      const after = readFileSync(path, 'utf8');
      assert.ok(after === before || after === before.replace(WRONG_TITLE, RIGHT_TITLE), JSON.stringify(after));
    });

    it('a full disk leaves every file whole, says which file in one line and exits 2', () => {
      const before = folderSnapshot(root);
      const { code, stderr } = run(['--fix'], root, { MINUTES_FAULT: 'enospc-on-write', MINUTES_FAULT_ROOT: root });
      assert.equal(code, 2);
      assert.doesNotMatch(stderr, /\n\s+at /u, 'no stack trace');
      assert.match(stderr, /^community-call\/20240118\.md: not fixed: ENOSPC: no space left on device/mu);
      assert.match(stderr, /^minutes-lint: --fix changed 0 file\(s\); \d+ file\(s\) not fixed/mu);
      assert.deepEqual(folderSnapshot(root), before, 'a file changed, or a temporary file was left behind');
    });

    it('a file that cannot be written is reported and the others are still fixed', () => {
      const { code, stderr } = run(['--fix'], root, { MINUTES_FAULT: 'eacces-on-open', MINUTES_FAULT_ROOT: join(root, 'community-call') });
      assert.equal(code, 2);
      assert.match(stderr, /^community-call\/20240118\.md: not fixed: EACCES: permission denied/mu);
      assert.match(stderr, /^sig-docs\/20240115\.md: fixed 1 problem/mu);
      assert.ok(readFileSync(join(root, SIG), 'utf8').includes(RIGHT_TITLE));
    });

    it('a read-only file is left as it is, even for root', () => {
      const path = join(root, SIG);
      const before = readFileSync(path, 'utf8');
      chmodSync(path, 0o444);
      const { code, stderr } = run(['--fix', SIG], root);
      assert.equal(code, 2);
      assert.match(stderr, /^sig-docs\/20240115\.md: not fixed: the file is read-only$/mu);
      assert.equal(readFileSync(path, 'utf8'), before);
    });

    it('a fixed file keeps its permissions', () => {
      const path = join(root, SIG);
      chmodSync(path, 0o640);
      run(['--fix', SIG], root);
      assert.ok(readFileSync(path, 'utf8').includes(RIGHT_TITLE));
      assert.equal(statMode(path), 0o640);
    });

    it('a rename never replaces a file that appeared meanwhile', () => {
      // A file misnamed by its title and weekday (the series meets on Mondays): the fix renames it.
      mkdirSync(join(root, 'wg'));
      for (const day of ['20231204', '20231211', '20231218', '20240108', '20240115']) writeFileSync(join(root, `wg/${day}.md`), `# WG ${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}\n\n- notes\n`);
      writeFileSync(join(root, 'wg/20240123.md'), '# WG 2024-01-22\n\n- notes\n');
      const { stdout } = run(['--format', 'json', 'wg'], root);
      assert.deepEqual((JSON.parse(stdout) as Array<{ fix?: { renameTo?: string } }>).map((f) => f.fix?.renameTo), ['20240122.md'], 'the rename is the fix');
      const taken = join(root, 'wg/20240122.md');
      const { code, stderr } = run(['--fix', 'wg'], root, { MINUTES_FAULT: 'create-after-read', MINUTES_FAULT_ROOT: root, MINUTES_FAULT_FILE: taken });
      assert.equal(readFileSync(taken, 'utf8'), 'written meanwhile\n');
      assert.equal(readFileSync(join(root, 'wg/20240123.md'), 'utf8'), '# WG 2024-01-22\n\n- notes\n');
      assert.match(stderr, /^wg\/20240123\.md: not fixed: not renamed to 20240122\.md: a file of that name exists$/mu);
      assert.equal(code, 2);
      // Without the fault, the same run renames it.
      rmSync(taken);
      assert.equal(run(['--fix', 'wg'], root).code, 0);
      assert.ok(existsSync(taken) && !existsSync(join(root, 'wg/20240123.md')));
    });
  });

  describe('the repository is the boundary', () => {
    const SECRET = 'TOP-SECRET-LINE';
    let outside: string;
    beforeEach(() => {
      outside = join(scratch, 'outside');
      mkdirSync(outside);
      writeFileSync(join(outside, 'notes.md'), `# SIG Documentation 2024-01-29\n\n## Agenda\n\n- _AI @mallory: ${SECRET}_\n`);
    });

    it('a minutes file that links outside is skipped with a note: not checked, not listed, not fixed', () => {
      symlinkSync(join(outside, 'notes.md'), join(root, 'sig-docs/20240122.md'));
      const before = readFileSync(join(outside, 'notes.md'), 'utf8');
      const lint = run(['--fix', '--format', 'json'], root);
      assert.match(lint.stderr, /sig-docs\/20240122\.md: skipped, a link to a file outside the repository/u);
      assert.doesNotMatch(lint.stdout, /20240122/u);
      assert.equal(readFileSync(join(outside, 'notes.md'), 'utf8'), before, 'a file outside the repository was written');
      const actions = run(['--actions'], root);
      assert.doesNotMatch(actions.stdout, new RegExp(SECRET, 'u'));
      assert.equal(actions.code, 0);
    });

    it('a file named on the command line outside the root is skipped', () => {
      const { stdout, stderr } = run(['--actions', join(outside, 'notes.md')], root);
      assert.doesNotMatch(stdout, new RegExp(SECRET, 'u'));
      assert.match(stderr, /notes\.md: skipped, outside the repository/u);
    });

    it('link loops and a folder link back to the root are skipped, not followed', () => {
      symlinkSync(join(root, 'iaas/loop-b.md'), join(root, 'iaas/loop-a.md'));
      symlinkSync(join(root, 'iaas/loop-a.md'), join(root, 'iaas/loop-b.md'));
      symlinkSync(root, join(root, 'iaas/back-to-root'));
      symlinkSync(outside, join(root, 'outside-folder'));
      const { code, stdout, stderr } = run(['--format', 'json'], root);
      assert.equal(code, 1, stderr);
      assert.match(stderr, /loop-a\.md: skipped, cannot be read/u);
      assert.doesNotMatch(stdout, /back-to-root|outside-folder|loop-/u);
    });

    it('a link to a file inside the repository is still checked', () => {
      symlinkSync(join(root, 'sig-docs/20240115.md'), join(root, 'sig-docs/20240116.md'));
      const { stdout } = run(['--format', 'json', 'sig-docs'], root);
      assert.match(stdout, /sig-docs\/20240116\.md/u);
    });

    it('--init writes no file through a dangling .minutes.json link, with or without --force', () => {
      const target = join(outside, 'planted.json');
      symlinkSync(target, join(root, '.minutes.json'));
      const plain = run(['--init'], root);
      assert.equal(plain.code, 2);
      assert.match(plain.stderr, /exists; --force overwrites it/u);
      const forced = run(['--init', '--force'], root);
      assert.equal(forced.code, 2);
      assert.match(forced.stderr, /^minutes-lint: .*\.minutes\.json not written: it is a symbolic link that leads outside the repository/mu);
      assert.equal(forced.stderr.trim().split('\n').length, 1);
      assert.ok(!existsSync(target), 'a file was created outside the repository');
    });

    it('.minutes.json that links outside, or to a device, is refused in one line', () => {
      writeFileSync(join(outside, 'config.json'), '{ "reminderDays": 3 }');
      symlinkSync(join(outside, 'config.json'), join(root, '.minutes.json'));
      const linked = run([], root);
      assert.equal(linked.code, 2);
      assert.match(linked.stderr, /^minutes-lint: .*\.minutes\.json: cannot be read: it is a link to a file outside the repository\n$/u);
      rmSync(join(root, '.minutes.json'));
      symlinkSync('/dev/zero', join(root, '.minutes.json'));
      const device = run([], root);
      assert.equal(device.code, 2);
      assert.match(device.stderr, /^minutes-lint: .*\.minutes\.json: cannot be read: not a regular file\n$/u);
      rmSync(join(root, '.minutes.json'));
      // The suppressions file likewise: refused, not read until memory runs out.
      symlinkSync('/dev/zero', join(root, 'minutes-suppressions.json'));
      const suppressions = run([], root);
      assert.equal(suppressions.code, 2);
      assert.match(suppressions.stderr, /^minutes-lint: .*must be a file inside the root/u);
    });
  });
});

function statMode(path: string): number {
  return statSync(path).mode & 0o777;
}
