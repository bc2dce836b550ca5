// Opens the code-server workbench in headless Debian Chromium through
// playwright-core (which downloads no browser of its own). The page only has
// to stay open: the tests run in the extension host on the server side.
import { appendFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** URL that makes the workbench run `testsIndex` in the extension host with `extensionDir` under development. */
export function payloadUrl({ port, workspace, extensionDir, testsIndex }) {
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionDir)], ['extensionTestsPath', remote(testsIndex)]];
  return `http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Launches headless Chromium (in parallel with code-server's start, to save seconds). */
export async function launchChromium(executablePath) {
  const { chromium } = require('playwright-core');
  // Playwright's own signal handlers would exit the process before run.mjs
  // stops code-server; run.mjs closes the browser itself.
  return chromium.launch({
    executablePath, args: CHROMIUM_ARGS, headless: true, timeout: 60_000,
    handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
  });
}

/** Opens `url` in a new page; the page's console goes to `logFile`. */
export async function openWorkbench(browser, { url, logFile }) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const log = (line) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
  page.on('console', (msg) => log(`[${msg.type()}] ${msg.text()}`));
  page.on('pageerror', (err) => log(`[pageerror] ${err.stack ?? err.message}`));
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  return page;
}
