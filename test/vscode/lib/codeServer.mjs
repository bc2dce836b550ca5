// Runs code-server (the real VS Code workbench + Node extension host) in a
// sandbox of throwaway folders, so nothing is read from or written to $HOME.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';

/** Folders and environment that keep one code-server run to itself. */
export function sandbox(runDir) {
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    extensions: path.join(runDir, 'extensions'),
    xdgConfig: path.join(runDir, 'xdg-config'),
    xdgData: path.join(runDir, 'xdg-data'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), `${JSON.stringify({
    'workbench.startupEditor': 'none',
    'chat.disableAIFeatures': true,
    'telemetry.telemetryLevel': 'off',
    'extensions.autoUpdate': false,
    'extensions.autoCheckUpdates': false,
    // code-server, like vscode.dev, saves an edit after a second by default: a test's unsaved edit
    // (reverted after the test, as on the desktop) would reach the fixture on disk and the next tests.
    'files.autoSave': 'off',
  }, null, 2)}\n`);
  const config = path.join(runDir, 'code-server.yaml');
  writeFileSync(config, 'auth: none\ncert: false\n');
  // Without these code-server writes its config and state under $HOME.
  const env = { ...process.env, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_DATA_HOME: dirs.xdgData };
  for (const key of Object.keys(env)) if (/^(npm_|VSCODE_|ELECTRON_)/i.test(key)) delete env[key];
  const common = ['--config', config, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  return { dirs, env, common };
}

/** Installs a .vsix with code-server's own installer; returns the installed extension folder. */
export function installVsix({ node, entry, box, vsix, id }) {
  execFileSync(node, [entry, ...box.common, '--install-extension', vsix], { env: box.env, stdio: 'pipe', timeout: 120_000 });
  const prefix = `${id.toLowerCase()}-`;
  const dir = readdirSync(box.dirs.extensions).find((d) => d.toLowerCase().startsWith(prefix));
  if (!dir) throw new Error(`${vsix} did not install as ${id} into ${box.dirs.extensions}`);
  return path.join(box.dirs.extensions, dir);
}

/** A port that was free a moment ago (code-server gets it on its command line). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts code-server on a free port and waits for /healthz. Its own process
 * group lets stop() end it together with the extension host it spawned.
 * `smokeTestDriver: false` for code-server before --vscode-option (4.93), whose VS Code
 * honours ?payload= without it.
 */
export async function startCodeServer({ node, entry, box, workspace, logFile, timeoutMs = 60_000, smokeTestDriver = true }) {
  const port = await freePort();
  const out = openSync(logFile, 'a');
  const child = spawn(node, [entry, ...box.common,
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []), // makes the workbench honour ?payload=
    workspace], { env: box.env, detached: true, stdio: ['ignore', out, out] });
  let exited = null;
  // Last resort if the runner dies without its cleanup (process.exit, uncaught error);
  // the group may still hold the extension host after code-server itself exited.
  const onExit = () => killGroup(child.pid, 'SIGKILL');
  process.on('exit', onExit);
  child.on('exit', (code, signal) => { exited = signal ?? code; });

  const stop = () => stopGroup(child);
  const t0 = Date.now();
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) before listening; see ${logFile}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() - t0 > timeoutMs) {
      await stop();
      throw new Error(`code-server did not listen on port ${port} within ${timeoutMs / 1000} s; see ${logFile}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { port, child, stop, isRunning: () => exited === null };
}

/** SIGTERM to the process group, SIGKILL if it is still there after 5 s. */
export async function stopGroup(child) {
  if (child.exitCode !== null || child.signalCode !== null) return killGroup(child.pid, 'SIGKILL');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  killGroup(child.pid, 'SIGTERM');
  const timer = new Promise((resolve) => setTimeout(() => resolve('timeout'), 5000));
  if (await Promise.race([exited, timer]) === 'timeout') killGroup(child.pid, 'SIGKILL');
  killGroup(child.pid, 'SIGKILL'); // stragglers (e.g. the extension host) that ignored SIGTERM
}

/** Signals the process group led by `pid` (only processes this runner started). */
export function killGroup(pid, signal) {
  try { process.kill(-pid, signal); } catch { /* already gone */ }
}
