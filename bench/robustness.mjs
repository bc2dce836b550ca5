// The timings the robustness tests used to assert (test/robustness/): how long pathological
// documents take to parse and lint, and how long the server takes to read a repository of
// 20,000 files. The tests check only that nothing fails or hangs; the targets are here.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './lsp.mjs';

/** The cases of test/robustness/pathological.ts that fuzz.test.ts runs (the skipped ones are known limits). */
const PATHOLOGICAL = ['nested-lists', 'nested-lists-100', 'long-line-data-uri', 'long-line-links', 'headings', 'one-megabyte'];
const CASE_TARGET_MS = 10_000;

/** Parses and lints each pathological document in a child process; one row each. */
export function pathological(root, row) {
  const results = {};
  for (const name of PATHOLOGICAL) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/robustness/pathological.ts'), name], { cwd: root, encoding: 'utf8', timeout: 120_000 });
    let result;
    try {
      result = JSON.parse(run.stdout.trim().split('\n').pop());
    } catch {
      row(`pathological ${name}: parse, lint`, `failed (${run.error?.message ?? `exit ${run.status}`})`, '', '', `<= ${CASE_TARGET_MS} ms each`, false);
      continue;
    }
    results[name] = result;
    const ok = !result.error && result.parseMs <= CASE_TARGET_MS && result.lintMs <= CASE_TARGET_MS;
    row(`pathological ${name} (${(result.chars / 1e6).toFixed(1)} MB): parse, lint`, result.error ? `error: ${result.error}` : `${result.parseMs} ms, ${result.lintMs} ms`, '', '', `<= ${CASE_TARGET_MS} ms each`, ok);
  }
  return results;
}

const compact = (date) => date.toISOString().slice(0, 10).replace(/-/gu, '');
const weeksBefore = (count) => Array.from({ length: count }, (_, i) => new Date(Date.UTC(2022, 9, 27) - (count - 1 - i) * 7 * 86_400_000));

async function until(probe, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) return undefined;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * The server on 20,000 files: 200 team folders of 100 minutes each (time from start to a completion
 * that lists the team's files), and one folder of 20,000 files (time from start to the team folders).
 */
export async function largeRepositories(serverPath, row) {
  const results = {};
  const nested = mkdtempSync(join(tmpdir(), 'minutes-bench-20k-'));
  const flat = mkdtempSync(join(tmpdir(), 'minutes-bench-flat-'));
  try {
    const dates = weeksBefore(100);
    for (let i = 0; i < 200; i++) {
      const folder = `team-${String(i).padStart(3, '0')}`;
      mkdirSync(join(nested, folder));
      for (const date of dates) writeFileSync(join(nested, folder, `${compact(date)}.md`), `# Team ${i} ${date.toISOString().slice(0, 10)}\n\n- @member-${i % 17}\n`);
    }
    mkdirSync(join(nested, 'community-call'));
    const rollUp = ['# SCS Tech Weekly 2022-09-29', '', '## Team Updates', '', '### Team 007', '', 'Minutes: ', ''].join('\n');
    const uri = pathToFileURL(join(nested, 'community-call/20220929.md')).toString();
    let started = performance.now();
    let server = await startServer(serverPath, pathToFileURL(nested).toString());
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: rollUp } });
    const position = { textDocument: { uri }, position: { line: 6, character: 9 } };
    const first = await server.connection.sendRequest('textDocument/completion', position);
    const firstMs = performance.now() - started;
    const listed = await until(async () => (await server.connection.sendRequest('textDocument/completion', position)).some((i) => String(i.label).includes('/')), 120_000);
    const indexedMs = performance.now() - started;
    await server.stop();
    results.nested = { firstCompletionMs: firstMs, firstHadFiles: first.some((i) => String(i.label).includes('/')), filesListedMs: listed ? indexedMs : undefined };
    row('20,000 files in 200 folders: start -> first completion', `${firstMs.toFixed(0)} ms${results.nested.firstHadFiles ? ' (waited for the files)' : ''}`, '', '', '', undefined);
    row('20,000 files in 200 folders: start -> completion lists the files', listed ? `${indexedMs.toFixed(0)} ms` : 'not within 120 s', '', '', '< 30000 ms', !!listed && indexedMs < 30_000);

    mkdirSync(join(flat, 'notes'));
    for (const date of weeksBefore(20_000)) writeFileSync(join(flat, 'notes', `${compact(date)}.md`), `# Notes ${date.toISOString().slice(0, 10)}\n`);
    started = performance.now();
    server = await startServer(serverPath, pathToFileURL(flat).toString());
    const folders = await until(() => server.connection.sendRequest('workspace/executeCommand', { command: 'minutes.server.teamFolders', arguments: [] }).catch(() => undefined), 120_000);
    const flatMs = performance.now() - started;
    await server.stop();
    results.flat = { teamFoldersMs: folders ? flatMs : undefined };
    row('20,000 files in one folder: start -> team folders', folders ? `${flatMs.toFixed(0)} ms` : 'not within 120 s', '', '', '< 10000 ms', !!folders && flatMs < 10_000);
  } finally {
    rmSync(nested, { recursive: true, force: true });
    rmSync(flat, { recursive: true, force: true });
  }
  return results;
}
