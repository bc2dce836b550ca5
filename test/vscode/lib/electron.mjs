// The desktop route: the same bundled suites under @vscode/test-electron, for
// machines that have desktop VS Code (MINUTES_VSCODE_EXECUTABLE) or can download
// it. Not usable on a machine that reaches only npm and Debian (see run.mjs).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { log } from './log.mjs';

const require = createRequire(import.meta.url);

/** Path of a desktop VS Code: the given one, or a download; null when neither works. */
export async function findDesktopVSCode(cacheDir, { timeoutMs = 10_000 } = {}) {
  if (process.env.MINUTES_VSCODE_EXECUTABLE) return process.env.MINUTES_VSCODE_EXECUTABLE;
  const { downloadAndUnzipVSCode } = require('@vscode/test-electron');
  try {
    // Offline this fails within a second (the name does not resolve).
    return await downloadAndUnzipVSCode({ cachePath: cacheDir, version: process.env.MINUTES_VSCODE_VERSION ?? 'stable', timeout: timeoutMs });
  } catch (err) {
    log(`desktop VS Code not available: ${err.message}`);
    return null;
  }
}

/** Installs the .vsix with that VS Code's CLI into `runDir`, runs the suites; returns the exit code. */
export async function runWithElectron({ executable, runDir, vsix, id, workspace, testsIndex }) {
  const { runTests, resolveCliArgsFromVSCodeExecutablePath } = require('@vscode/test-electron');
  const userData = path.join(runDir, 'user-data');
  const extensions = path.join(runDir, 'extensions');
  mkdirSync(userData, { recursive: true });
  mkdirSync(extensions, { recursive: true });
  const dirs = ['--user-data-dir', userData, '--extensions-dir', extensions];

  // Install what is shipped, then develop "from" the installed folder, as on the code-server route.
  const [cli] = resolveCliArgsFromVSCodeExecutablePath(executable);
  const install = spawnSync(cli, [...dirs, '--install-extension', vsix], { stdio: 'inherit', shell: process.platform === 'win32' });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed (exit ${install.status})`);
  const installed = readdirSync(extensions).find((d) => d.toLowerCase().startsWith(`${id.toLowerCase()}-`));
  if (!installed) throw new Error(`${vsix} did not install as ${id}`);

  return runTests({
    vscodeExecutablePath: executable,
    extensionDevelopmentPath: path.join(extensions, installed),
    extensionTestsPath: testsIndex,
    launchArgs: [workspace, ...dirs], // runTests adds --disable-workspace-trust, --skip-welcome, ...
  }).catch(() => 1); // runTests rejects on a non-zero exit; the result file has the details
}
