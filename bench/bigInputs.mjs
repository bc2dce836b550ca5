// The server under big inputs, over a real LSP connection (issue 27): a 5 MB roll-up's first
// diagnostics, a 20 MB one's first `not-fully-checked` finding, and meanwhile how long another open
// document waits for its hovers and completions; then a workspace of 10,000 files, where a roll-up
// opened right after start-up asks for a hover, and the same after `minutes-lint --cache` ran there (the
// server shows the cache's findings until its first check). (A burst of 1,000 edits in 2 MB is burst.mjs's.)
// Alone: `node bench/bigInputs.mjs [--only=big5|big20|workspace] [--cpu-prof]` (after `npm run build`);
// `--cpu-prof` profiles each server into bench/profiles/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hugeMinutes, weeklyRollUp, writeRepository } from './documents.mjs';
import { startServer } from './lsp.mjs';
import { ms, printAlone, startedAlone } from './stats.mjs';

/** Adds the rows; `markdownlint5MB` is the typing bench's markdownlint time on 5 MB of the same minutes, if measured. */
export async function bigInputs(root, row, { markdownlint5MB, profile, only } = {}) {
  const serverPath = join(root, 'dist/server.js');
  const args = profile ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/profiles')}`] : [];
  const figures = {};
  if (!only || only === 'big5') figures.big5 = await big5MB(serverPath, args, row, markdownlint5MB);
  if (!only || only === 'big20') figures.big20 = await big20MB(serverPath, args, row);
  if (!only || only === 'workspace') figures.workspace = await workspace10k(serverPath, args, row);
  return figures;
}

async function big5MB(serverPath, args, row, markdownlint5MB) {
  const big5 = await bigDocument(serverPath, args, 5_000_000, () => true);
  row('5 MB roll-up: open -> its diagnostics', ms(big5.diagnosticsMs), markdownlint5MB ? `markdownlint ${ms(markdownlint5MB)}` : '', markdownlint5MB ? `${(big5.diagnosticsMs / markdownlint5MB).toFixed(2)}x` : '', '< 3000 ms', big5.diagnosticsMs < 3000);
  row('5 MB roll-up being read: another document\'s hover, completion', `max ${ms(big5.otherMaxMs)} (${big5.otherRequests} requests)`, '', '', '< 1000 ms', big5.otherMaxMs < 1000);
  return big5;
}

async function big20MB(serverPath, args, row) {
  const big20 = await bigDocument(serverPath, args, 20_000_000, (d) => d.some((x) => x.code === 'not-fully-checked'));
  row('20 MB roll-up: open -> not-fully-checked', ms(big20.diagnosticsMs), '', '', '< 3000 ms', big20.diagnosticsMs < 3000);
  row('20 MB roll-up being read: another document\'s hover, completion', `max ${ms(big20.otherMaxMs)} (${big20.otherRequests} requests)`, '', '', '< 1000 ms', big20.otherMaxMs < 1000);
  return big20;
}

async function workspace10k(serverPath, args, row) {
  const workspace = await bigWorkspace(serverPath, args);
  row(`${workspace.files} files: roll-up opened at start -> first hover`, ms(workspace.hoverMs), '', '', '< 1000 ms', workspace.hoverMs < 1000);
  row(`${workspace.files} files: roll-up opened at start -> diagnostics`, ms(workspace.diagnosticsMs), workspace.progressMs === undefined ? 'no progress shown' : `progress shown after ${ms(workspace.progressMs)}`, '', '', undefined);
  row(`${workspace.files} files, after minutes-lint --cache: roll-up opened at start -> diagnostics`, ms(workspace.cachedDiagnosticsMs), 'from the cache, until the first check', '', '< 1000 ms', workspace.cachedDiagnosticsMs < 1000);
  return workspace;
}

/**
 * Opens a small roll-up, then a huge one of `bytes` in an empty workspace, and sends a hover or a
 * completion about the small one every 100 ms until the huge one gets diagnostics that `wanted` accepts.
 */
async function bigDocument(serverPath, args, bytes, wanted) {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-bench-big-'));
  const server = await startServer(serverPath, pathToFileURL(dir).toString(), { args });
  try {
    const small = pathToFileURL(join(dir, 'community-call/20220929.md')).toString();
    const smallOpened = server.diagnosticsFor(small, 1);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: small, languageId: 'markdown', version: 1, text: weeklyRollUp(150) } });
    await smallOpened;
    const uri = pathToFileURL(join(dir, 'community-call/20221006.md')).toString();
    const text = hugeMinutes(bytes);
    const waits = [];
    let done = false;
    const asking = (async () => {
      for (let i = 0; !done; i++) {
        const start = performance.now();
        const [method, position] = i % 2 ? ['textDocument/completion', { line: 4, character: 11 }] : ['textDocument/hover', { line: 0, character: 20 }];
        await server.connection.sendRequest(method, { textDocument: { uri: small }, position });
        waits.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const start = performance.now();
    const diagnostics = server.diagnosticsWhere(uri, wanted).then(() => performance.now() - start);
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const diagnosticsMs = await Promise.race([diagnostics, new Promise((r) => setTimeout(() => r(Infinity), 120_000))]);
    done = true;
    await asking;
    return { bytes: text.length, diagnosticsMs, otherMaxMs: Math.max(...waits), otherRequests: waits.length };
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A repository of 10,000 files in the SCS shape (1,000 weekly roll-ups, each linking nine teams'
 * minutes of that week); a roll-up opened as soon as the server is initialized, and a hover on its
 * first minutes link sent with it.
 */
async function bigWorkspace(serverPath, args) {
  const dir = mkdtempSync(join(tmpdir(), 'minutes-bench-10k-'));
  try {
    const texts = new Map();
    const files = writeRepository(dir, { weeks: 1000, teams: 9 }, (path, text) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
      texts.set(path, text);
    });
    const path = [...texts.keys()].filter((p) => p.startsWith('community-call/')).sort()[500];
    const open = () => openAtStart(serverPath, args, dir, path, texts.get(path));
    const cold = await open();
    // Then as after `minutes-lint --cache` in the same repository (a pre-commit hook, a CI run on the same checkout).
    const lint = spawnSync(process.execPath, [join(dirname(serverPath), 'cli.js'), '--cache', '--format', 'json'], { cwd: dir, stdio: 'ignore' });
    if (lint.status === 2) throw new Error('minutes-lint --cache failed');
    const cached = await open();
    return { files, ...cold, cachedDiagnosticsMs: cached.diagnosticsMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Starts a server on `dir`, opens `path` at once and asks for a hover on its first minutes link: how long each takes. */
async function openAtStart(serverPath, args, dir, path, text) {
  const line = text.split('\n').findIndex((l) => l.startsWith('Minutes: '));
  const uri = pathToFileURL(join(dir, path)).toString();
  const started = performance.now();
  const server = await startServer(serverPath, pathToFileURL(dir).toString(), { args, capabilities: { window: { workDoneProgress: true } } });
  try {
    const diagnostics = server.diagnosticsFor(uri, 1);
    const opened = performance.now();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 20 } });
    const hoverMs = performance.now() - opened;
    await diagnostics;
    const diagnosticsMs = performance.now() - opened;
    const begun = server.progress.find((p) => p.value.kind === 'begin');
    return { hoverMs, diagnosticsMs, progressMs: begun && begun.at - started };
  } finally {
    await server.stop();
  }
}

if (startedAlone(import.meta)) {
  const root = resolve(import.meta.dirname, '..');
  await printAlone((row) => bigInputs(root, row, { profile: process.argv.includes('--cpu-prof'), only: process.argv.find((a) => a.startsWith('--only='))?.slice(7) }));
}
