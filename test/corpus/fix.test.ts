import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TextEdit } from 'vscode-languageserver-types';
import { applyEdits } from '../../cli/src/applyEdits';
import { nonOverlapping } from '../../server/src/core';
import { listMarkdownFiles } from '../../server/src/node/fileWorkspace';
import { requireCorpus, writableCopy } from './corpusPath';

const CLI = resolve(__dirname, '../../dist/cli.js');

interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
  fix?: { title: string; edits: Array<{ line: number; column: number; endLine: number; endColumn: number; newText: string }>; renameTo?: string };
}

function run(root: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const lspEdit = (e: NonNullable<JsonFinding['fix']>['edits'][number]): TextEdit => ({
  range: { start: { line: e.line - 1, character: e.column - 1 }, end: { line: e.endLine - 1, character: e.endColumn - 1 } },
  newText: e.newText,
});

/** Warnings and errors by file and code: what CI fails on. */
const failing = (findings: JsonFinding[], renamed: Map<string, string> = new Map()) =>
  new Set(findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => `${renamed.get(f.file) ?? f.file} ${f.code}`));

describe('minutes-lint --fix on a copy of the real SCS minutes', function () {
  let root: string;
  let files: string[];
  let original: Map<string, string>;
  let reported: JsonFinding[];
  let fixLog: string;
  /** New path -> old path of each file --fix renamed. */
  const renamedFrom = new Map<string, string>();

  before(function () {
    requireCorpus(this);
    this.timeout(180_000);
    root = mkdtempSync(join(tmpdir(), 'minutes-fix-'));
    writableCopy(root);
    files = listMarkdownFiles(root);
    original = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));
    reported = JSON.parse(run(root, '--format', 'json').stdout) as JsonFinding[];
    fixLog = run(root, '--fix').stderr;
    for (const [, from, to] of fixLog.matchAll(/^(\S+): renamed to (\S+)$/gmu)) renamedFrom.set(from.replace(/[^/]*$/u, to), from);
  });

  after(() => root && rmSync(root, { recursive: true, force: true }));

  it('applies exactly the fixes that --format json reports, and renames exactly those files', () => {
    for (const file of files) {
      const fixes = reported.filter((f) => f.file === file && f.fix).map((f) => f.fix!);
      const expected = applyEdits(original.get(file)!, nonOverlapping(fixes.flatMap((f) => f.edits.map(lspEdit))));
      const rename = fixes.find((f) => f.renameTo)?.renameTo;
      const now = rename ? file.replace(/[^/]*$/u, rename) : file;
      assert.ok(existsSync(join(root, now)), `${now} exists`);
      if (rename) assert.ok(!existsSync(join(root, file)), `${file} was renamed to ${rename}`);
      assert.equal(readFileSync(join(root, now), 'utf8'), expected, `${file}: --fix did what --format json says`);
    }
  });

  it('creates no new warning: what fails CI afterwards failed it before, file by file and rule by rule', () => {
    const afterwards = JSON.parse(run(root, '--format', 'json').stdout) as JsonFinding[];
    const before = failing(reported);
    const created = [...failing(afterwards, renamedFrom)].filter((key) => !before.has(key));
    assert.deepEqual(created, []);
  });

  it('leaves slide decks, documents and every file without a fix byte for byte as they were', () => {
    const touched = new Set(reported.filter((f) => f.fix).map((f) => f.file));
    const untouched = files.filter((f) => !touched.has(f));
    assert.ok(untouched.includes('community-meeting/20260123.md') && untouched.includes('README.md') && untouched.includes('iam/scs-federation.md'));
    for (const file of untouched) assert.equal(readFileSync(join(root, file), 'utf8'), original.get(file), file);
  });

  it('leaves the titles of copied minutes alone', () => {
    for (const file of ['project-board/20250825.md', 'project-board/20250915.md', 'project-board/20250922.md', 'project-board/20251124.md', 'project-board/20251201.md']) {
      assert.equal(readFileSync(join(root, file), 'utf8'), original.get(file), file);
    }
  });

  it('has nothing left to fix on a second run', () => {
    const snapshot = listMarkdownFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]);
    const second = run(root, '--fix');
    assert.equal(second.stderr, '', 'a second --fix reports no change');
    assert.deepEqual(
      listMarkdownFiles(root).map((f) => [f, readFileSync(join(root, f), 'utf8')]),
      snapshot,
    );
    assert.match(fixLog, /community-call\/20221127\.md: renamed to 20221027\.md/u);
  });
});
