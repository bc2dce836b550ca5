#!/usr/bin/env node
// Runs the mocha suites in test/vscode/suite/ inside a real VS Code extension
// host, against the packaged extension (the newest minutes-*.vsix in the repo
// root, as built by `npm run package`), in a fresh copy of fixture-workspace/.
//
//   node test/vscode/run.mjs [--code-server | --electron | --oldest] [--vsix FILE] [--grep RE]
//                            [--timeout SECONDS] [--keep]
//
// Two routes run the same bundled suites:
// - code-server (default here): code-server from npm embeds the real VS Code
//   workbench and Node extension host. The first run installs Node 24 and
//   code-server into .vscode-test/ (~3 min, ~800 MB) and Debian's chromium via
//   apt-get if missing; later runs reuse them. Headless Chromium (playwright-core)
//   opens the workbench with a `payload` URL parameter that names the extension
//   and the test entry, which VS Code honours with the smoke-test driver enabled.
//   --oldest takes this route with the oldest VS Code the manifest claims
//   (engines.vscode) that npm has: code-server 4.93.1, which embeds VS Code 1.93.1, installed beside
//   the current one (another ~2.5 min the first time; see EDITORS in lib/install.mjs).
// - electron (desktop VS Code through @vscode/test-electron): taken with
//   --electron, or automatically when MINUTES_VSCODE_EXECUTABLE names a VS Code
//   executable, or when a download of VS Code works (tried briefly; on Linux only
//   with a $DISPLAY, e.g. under xvfb-run). MINUTES_VSCODE_VERSION picks the version.
//
// In both routes the .vsix is installed with the editor's own installer into a
// throwaway extensions folder, and that installed folder is what the tests run
// against (extensionDevelopmentPath): exactly what ships, nothing from the repo.
// The suites report through a result file (see suite/index.ts). The last line
// printed is `N passed, M failed`; the exit code is non-zero on any failure or
// when the tests do not finish within --timeout (default 300 s).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium, openWorkbench, payloadUrl } from './lib/browser.mjs';
import { bundleSuites } from './lib/bundle.mjs';
import { installVsix, sandbox, startCodeServer } from './lib/codeServer.mjs';
import { findDesktopVSCode, runWithElectron } from './lib/electron.mjs';
import { EDITORS, ensureAll } from './lib/install.mjs';
import { newestVsix } from './lib/vsix.mjs';
import { log } from './lib/log.mjs';
import { finishRun, followResults } from './lib/results.mjs';

const EXTENSION_ID = 'minutes-tools.minutes';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const CACHE = path.join(REPO, '.vscode-test');
const KEEP_RUNS = 5; // older run folders under .vscode-test/runs are pruned

const { values: opts } = parseArgs({
  options: {
    electron: { type: 'boolean', default: false },
    'code-server': { type: 'boolean', default: false },
    oldest: { type: 'boolean', default: false },
    vsix: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
  },
});
if (!(Number(opts.timeout) > 0)) throw new Error(`--timeout: expected seconds, got ${opts.timeout}`);
if (opts.oldest && opts.electron) throw new Error('--oldest runs on code-server; for desktop VS Code set MINUTES_VSCODE_VERSION');

// Cleanups run in reverse order on every way out, including Ctrl+C.
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try { await cleanups.pop()(); } catch (err) { log(`cleanup: ${err.message}`); }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { log(`${signal}: stopping`); cleanup().finally(() => process.exit(130)); });
}

/** Awaits all; registers `stoppers[i]` as a cleanup for each that resolved; rethrows the first failure. */
async function settleAll(promises, stoppers) {
  const settled = await Promise.allSettled(promises);
  settled.forEach((s, i) => { if (s.status === 'fulfilled') cleanups.push(() => stoppers[i](s.value)); });
  const failed = settled.find((s) => s.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((s) => s.value);
}


function newRunDir() {
  const runs = path.join(CACHE, 'runs');
  mkdirSync(runs, { recursive: true });
  for (const old of readdirSync(runs).sort().slice(0, -(KEEP_RUNS - 1))) {
    rmSync(path.join(runs, old), { recursive: true, force: true });
  }
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return mkdtempSync(path.join(runs, `${stamp}-`));
}

async function chooseRoute() {
  if (opts['code-server'] || opts.oldest) return { route: 'code-server' };
  const desktopPossible = opts.electron || process.env.MINUTES_VSCODE_EXECUTABLE
    || process.platform !== 'linux' || process.env.DISPLAY;
  if (!desktopPossible) return { route: 'code-server' };
  const executable = await findDesktopVSCode(CACHE);
  if (executable) return { route: 'electron', executable };
  if (opts.electron) throw new Error('--electron: no desktop VS Code (set MINUTES_VSCODE_EXECUTABLE)');
  return { route: 'code-server' };
}

async function runCodeServer({ runDir, vsix, workspace, testsIndex, resultFile, counts }) {
  const editor = opts.oldest ? EDITORS.oldest : EDITORS.current;
  if (opts.oldest) log(`oldest: VS Code ${editor.vscode} (code-server ${editor.codeServer})`);
  const tools = await ensureAll(CACHE, editor);
  // --timeout counts from here: a first run's one-time install may take minutes.
  const deadline = Date.now() + Number(opts.timeout) * 1000;
  const box = sandbox(runDir);
  const extensionDir = installVsix({ node: tools.node, entry: tools.codeServerEntry, box, vsix, id: EXTENSION_ID });
  log(`installed ${path.basename(vsix)} as ${path.relative(runDir, extensionDir)}`);

  const serverLog = path.join(runDir, 'code-server.log');
  // Start both at once; allSettled so that each one that did start gets stopped.
  const [server, browser] = await settleAll([
    startCodeServer({ node: tools.node, entry: tools.codeServerEntry, box, workspace, logFile: serverLog, smokeTestDriver: editor.smokeTestDriver ?? true }),
    launchChromium(tools.chromium),
  ], [(s) => s.stop(), (b) => b.close()]);
  log(`code-server listening on 127.0.0.1:${server.port}`);

  const url = payloadUrl({ port: server.port, workspace, extensionDir, testsIndex });
  const page = await openWorkbench(browser, { url, logFile: path.join(runDir, 'browser.log') });
  log('workbench opened in Chromium; waiting for the extension host to run the tests');

  try {
    return await followResults(resultFile, {
      startTimeoutMs: 120_000,
      timeoutMs: Math.max(0, deadline - Date.now()),
      print: counts.print,
      onStart: () => log('tests started'),
      abortCheck: () => (server.isRunning() ? null : `code-server exited; see ${serverLog}`),
    });
  } catch (err) {
    // Show what the workbench looked like (a notification often says why).
    await page.screenshot({ path: path.join(runDir, 'failure.png') }).catch(() => {});
    throw err;
  }
}

async function runElectron({ executable, runDir, vsix, workspace, testsIndex, resultFile, counts }) {
  // test-electron offers no time limit of its own. On a timeout the desktop VS Code it
  // started is left running (test-electron does not expose it); the exit code says so.
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('the tests did not finish in time (--timeout)')), Number(opts.timeout) * 1000);
  });
  const code = await Promise.race([
    runWithElectron({ executable, runDir, vsix, id: EXTENSION_ID, workspace, testsIndex }), timeout,
  ]).finally(() => clearTimeout(timer));
  // VS Code has exited, so the result file is complete (1 s of grace for the file system).
  const result = await followResults(resultFile, { startTimeoutMs: 1000, timeoutMs: 1000, print: counts.print })
    .catch((err) => { throw new Error(`${err.message} (VS Code exited with ${code})`); });
  return { ...result, ok: result.ok && code === 0 };
}

async function main() {
  const t0 = Date.now();
  const vsix = newestVsix(REPO, opts.vsix);
  const runDir = newRunDir();
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'minutes-ws-'));
  cpSync(path.join(HERE, 'fixture-workspace'), workspace, { recursive: true });
  log(`testing ${vsix.startsWith(REPO) ? path.relative(REPO, vsix) : vsix}; run folder ${path.relative(REPO, runDir)}; workspace ${workspace}`);

  const resultFile = path.join(runDir, 'results.txt');
  const { index: testsIndex, tests } = await bundleSuites(path.join(HERE, 'suite'), path.join(runDir, 'suite'),
    { resultFile, grep: opts.grep });
  log(`bundled ${tests.length} suite file(s)`);

  // Per-test lines as they stream in; counted too, for the closing line if the run breaks off.
  const counts = { passed: 0, failed: 0, print(line) {
    console.log(line);
    if (line.startsWith('  ✓ ')) counts.passed++;
    if (line.startsWith('  ✗ ')) counts.failed++;
  } };

  let result;
  try {
    const { route, executable } = await chooseRoute();
    log(`route: ${route}`);
    const args = { executable, runDir, vsix, workspace, testsIndex, resultFile, counts };
    result = route === 'electron' ? await runElectron(args) : await runCodeServer(args);
  } catch (err) {
    log(`ERROR: ${err.message}`);
    log(`logs: ${path.relative(REPO, runDir)}/ (code-server route: code-server.log, browser.log, failure.png, user-data/logs/)`);
    result = { ok: false, passed: counts.passed, failed: counts.failed + 1, pending: 0 };
  } finally {
    await cleanup();
  }

  return finishRun(result, { keep: opts.keep, runDir, workspace, repo: REPO, started: t0, log, mochaCounts: true });
}

main().then((code) => process.exit(code), async (err) => {
  console.error(err);
  await cleanup();
  console.log('0 passed, 1 failed');
  process.exit(1);
});
