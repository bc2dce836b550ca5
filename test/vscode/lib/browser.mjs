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

/** Launches Chromium and opens `url`; the browser's console goes to `logFile`. */
export async function openWorkbench({ chromium, url, logFile }) {
  const { chromium: launcher } = require('playwright-core');
  const browser = await launcher.launch({ executablePath: chromium, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const log = (line) => appendFileSync(logFile, `${new Date().toISOString()} ${line}\n`);
    page.on('console', (msg) => log(`[${msg.type()}] ${msg.text()}`));
    page.on('pageerror', (err) => log(`[pageerror] ${err.stack ?? err.message}`));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { browser, page };
  } catch (err) {
    await browser.close();
    throw err;
  }
}
