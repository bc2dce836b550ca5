#!/usr/bin/env node
// Runs the editor suites inside VS Code's web-worker extension host (what vscode.dev and github.dev
// run), in code-server 4.139.1 with headless Chromium, against the packaged extension.
//
//   node test/web/run.mjs [--vsix FILE] [--grep RE] [--timeout SECONDS] [--keep] [--screenshot FILE]
//
// - The .vsix (newest minutes-*.vsix, as `npm run package` makes it) is unpacked into the run folder
//   and its manifest loses `main`: code-server runs an extension in the web worker only when it has a
//   `browser` entry and no `main` (an extension with both runs in the Node host).
// - The suites are test/vscode/suite/*.test.ts (the same files as `npm run test:vscode`) less the
//   files in NODE_ONLY and the tests in SKIP, plus test/web/suite/*.test.ts; they are bundled for
//   the browser, with `node:assert/strict` pointing at test/web/assert.ts, into the copy's dist/test.js (tests must lie inside the extension's
//   folder, or the Node host runs them) after test/web/index.ts, which sets up mocha's browser build.
// - The results come back through results.txt in the copy, written with `vscode.workspace.fs`.
// - --screenshot FILE: no tests; opens community-call/20221013.md in the web build and saves a
//   screenshot of the workbench once its squiggles show (the README's picture).
// Exit code non-zero on any failure or when the tests do not finish within --timeout (default 300 s).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { launchChromium, openWorkbench, payloadUrl } from '../vscode/lib/browser.mjs';
import { sandbox, startCodeServer } from '../vscode/lib/codeServer.mjs';
import { ensureAll } from '../vscode/lib/install.mjs';
import { finishRun, followResults } from '../vscode/lib/results.mjs';
import { newestVsix } from '../vscode/lib/vsix.mjs';

const require = createRequire(import.meta.url);
const EXTENSION_ID = 'minutes-tools.minutes';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const CACHE = path.join(REPO, '.vscode-test');
const SUITES = path.join(REPO, 'test', 'vscode', 'suite');
const KEEP_RUNS = 5;

// Tests of test/vscode that are about the desktop only, by title; each with the reason.
const SKIP = [
  // The server's log line names its process (`pid 123`); a web worker has none (it says "web worker").
  { title: 'the first hour (issue 14) 12: logs the server start', why: 'names the Node process' },
];
// Suite files that need Node itself, not only the extension: left out of the browser bundle.
const NODE_ONLY = [{ file: 'downloadPadImages.test.ts', why: 'serves its image from a local HTTP server (node:http)' }];

const { values: opts } = parseArgs({
  options: {
    vsix: { type: 'string' },
    grep: { type: 'string' },
    timeout: { type: 'string', default: '300' },
    keep: { type: 'boolean', default: false },
    screenshot: { type: 'string' },
  },
});
if (!(Number(opts.timeout) > 0)) throw new Error(`--timeout: expected seconds, got ${opts.timeout}`);

const log = (msg) => console.log(`[web-test +${process.uptime().toFixed(1)}s] ${msg}`);
const cleanups = [];
async function cleanup() {
  while (cleanups.length) {
    try { await cleanups.pop()(); } catch (err) { log(`cleanup: ${err.message}`); }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => { log(`${signal}: stopping`); cleanup().finally(() => process.exit(130)); });
}

function newRunDir() {
  const runs = path.join(CACHE, 'web-runs');
  mkdirSync(runs, { recursive: true });
  for (const old of readdirSync(runs).sort().slice(0, -(KEEP_RUNS - 1))) rmSync(path.join(runs, old), { recursive: true, force: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  return mkdtempSync(path.join(runs, `${stamp}-`));
}

/** The packaged extension, unpacked, as the web sees it: a `browser` entry and no `main`. */
function webCopy(vsix, runDir) {
  const unpacked = path.join(runDir, 'vsix');
  execFileSync('unzip', ['-q', vsix, 'extension/*', '-d', unpacked]);
  const dir = path.join(runDir, 'extension');
  cpSync(path.join(unpacked, 'extension'), dir, { recursive: true });
  rmSync(unpacked, { recursive: true, force: true });
  const manifestPath = path.join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (!manifest.browser) throw new Error(`${vsix} has no \`browser\` entry`);
  delete manifest.main;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return dir;
}

/** Bundles index.ts and the suites, in that order, into the copy's dist/test.js; returns the suite files. */
async function bundleTests(extensionDir, runDir) {
  const esbuild = require('esbuild');
  const shared = readdirSync(SUITES).filter((f) => f.endsWith('.test.ts') && !NODE_ONLY.some((n) => n.file === f)).sort().map((f) => path.join(SUITES, f));
  const own = path.join(HERE, 'suite');
  const webOnly = readdirSync(own).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join(own, f));
  const files = [...shared, ...webOnly];
  const entry = path.join(runDir, 'entry.ts');
  // ES module evaluation order: index.ts (mocha.setup) before the suites (describe at load).
  writeFileSync(entry, [`export { run } from ${JSON.stringify(path.join(HERE, 'index.ts'))};`, ...files.map((f) => `import ${JSON.stringify(f)};`)].join('\n'));
  const skip = SKIP.map((s) => s.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  // --grep selects; the skipped tests are left out with an inverted grep (mocha has one grep).
  const config = opts.grep ? { grep: opts.grep } : skip.length ? { grep: `^(?:${skip.join('|')})`, invert: true } : {};
  await esbuild.build({
    entryPoints: [entry],
    outfile: path.join(extensionDir, 'dist', 'test.js'),
    bundle: true,
    format: 'cjs',
    platform: 'browser',
    target: 'es2022',
    conditions: ['worker'],
    external: ['vscode'],
    alias: { 'node:assert/strict': path.join(HERE, 'assert.ts') },
    define: { __MINUTES_WEB_TEST__: JSON.stringify({ extensionId: EXTENSION_ID, timeoutMs: 60_000, ...config }) },
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return files.map((f) => path.relative(REPO, f));
}

async function main() {
  const t0 = Date.now();
  const vsix = newestVsix(REPO, opts.vsix);
  const runDir = newRunDir();
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'minutes-web-ws-'));
  cpSync(path.join(REPO, 'test', 'vscode', 'fixture-workspace'), workspace, { recursive: true });
  log(`testing ${path.relative(REPO, vsix) || vsix} in the web-worker extension host; run folder ${path.relative(REPO, runDir)}; workspace ${workspace}`);
  const extensionDir = webCopy(vsix, runDir);
  const testsIndex = opts.screenshot ? undefined : path.join(extensionDir, 'dist', 'test.js');
  if (testsIndex) {
    const files = await bundleTests(extensionDir, runDir);
    log(`bundled ${files.length} suite file(s): ${files.map((f) => path.basename(f)).join(', ')}; skipped: ${[...NODE_ONLY.map((n) => `${n.file} (${n.why})`), ...SKIP.map((s) => `"${s.title}" (${s.why})`)].join(', ')}`);
  }

  const counts = { passed: 0, failed: 0, print(line) {
    console.log(line);
    if (line.startsWith('  ✓ ')) counts.passed++;
    if (line.startsWith('  ✗ ')) counts.failed++;
  } };
  let result;
  let page;
  try {
    const tools = await ensureAll(CACHE);
    const deadline = Date.now() + Number(opts.timeout) * 1000;
    const box = sandbox(runDir);
    const serverLog = path.join(runDir, 'code-server.log');
    const [server, browser] = await Promise.all([
      startCodeServer({ node: tools.node, entry: tools.codeServerEntry, box, workspace, logFile: serverLog }),
      launchChromium(tools.chromium),
    ]);
    cleanups.push(() => server.stop(), () => browser.close());
    log(`code-server listening on 127.0.0.1:${server.port}`);
    const url = testsIndex
      ? payloadUrl({ port: server.port, workspace, extensionDir, testsIndex })
      : `http://127.0.0.1:${server.port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${server.port}${extensionDir}`]]))}`;
    page = await openWorkbench(browser, { url, logFile: path.join(runDir, 'browser.log') });
    if (opts.screenshot) {
      await screenshot(page, path.resolve(opts.screenshot), deadline);
      result = { ok: true, passed: 0, failed: 0, pending: 0 };
    } else {
      log('workbench opened; waiting for the web-worker extension host to run the tests');
      result = await followResults(path.join(extensionDir, 'results.txt'), {
        startTimeoutMs: 120_000,
        timeoutMs: Math.max(0, deadline - Date.now()),
        print: counts.print,
        onStart: () => log('tests started'),
        abortCheck: () => (server.isRunning() ? null : `code-server exited; see ${serverLog}`),
      });
      // Where they ran: the entry's second line says so; the Node host would have a process.
      const hostLine = readFileSync(path.join(extensionDir, 'results.txt'), 'utf8').split('\n')[1] ?? '';
      if (!hostLine.includes('uiKind Web, no Node process')) {
        log(`ERROR: the tests did not run in the web-worker extension host (${hostLine.trim()})`);
        result = { ...result, ok: false };
      }
    }
  } catch (err) {
    log(`ERROR: ${err.message}`);
    await page?.screenshot({ path: path.join(runDir, 'failure.png') }).catch(() => {});
    log(`logs: ${path.relative(REPO, runDir)}/ (code-server.log, browser.log, failure.png, user-data/logs/)`);
    result = { ok: false, passed: counts.passed, failed: counts.failed + 1, pending: 0 };
  } finally {
    await cleanup();
  }
  return finishRun(result, { keep: opts.keep, runDir, workspace, repo: REPO, started: t0, log });
}

/** Opens the roll-up with a broken and an outdated link from the Explorer and waits for its squiggles. */
async function screenshot(page, file, deadline) {
  const timeout = Math.max(1000, deadline - Date.now());
  const row = (name) => page.locator(`.explorer-folders-view .monaco-list-row[aria-label*="${name}"]`);
  await row('community-call').waitFor({ timeout });
  await row('community-call').click();
  await row('20221013.md').click({ timeout });
  await page.locator('.monaco-editor .squiggly-warning').nth(2).waitFor({ timeout });
  // The Problems panel shows the messages beside the squiggles.
  await page.keyboard.press('Control+Shift+M');
  await page.locator('.markers-panel .monaco-tl-row').first().waitFor({ timeout });
  mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  log(`saved ${path.relative(REPO, file)}`);
}

main().then((code) => process.exit(code), async (err) => {
  console.error(err);
  await cleanup();
  console.log('0 passed, 1 failed');
  process.exit(1);
});
