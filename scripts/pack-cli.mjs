// `npm run pack:cli`: makes the npm package `minutes-lint` from this repository. Builds
// dist/cli.js (one bundle, no run-time dependencies), stages the package in dist/minutes-lint/
// (packages/minutes-lint/package.json with the root package.json's version, the bundle as
// cli.js, its README, LICENSE and THIRD-PARTY-NOTICES.md), and packs it with `npm pack`.
//
//   node scripts/pack-cli.mjs [--no-build] [--out DIR]
//
// --no-build reuses dist/cli.js (refused when its --version is not the package's version);
// --out is where the tarball goes (default: the repository root, git-ignored there). Prints the
// tarball's path as the last line of stdout.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE = join(ROOT, 'packages/minutes-lint');
const STAGE = join(ROOT, 'dist/minutes-lint');

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? resolve(args[outIndex + 1] ?? fail('--out needs a folder')) : ROOT;

function fail(message) {
  process.stderr.write(`pack-cli: ${message}\n`);
  process.exit(1);
}

function run(command, commandArgs, options = {}) {
  // npm is npm.cmd on Windows, which only a shell starts.
  const result = spawnSync(command, commandArgs, { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32', ...options });
  if (result.error) fail(`${command}: ${result.error.message}`);
  if (result.status !== 0) fail(`${command} ${commandArgs.join(' ')} exited with ${result.status}\n${result.stderr ?? ''}`);
  return result;
}

const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
if (build) run(process.execPath, ['scripts/build.mjs'], { stdio: ['ignore', 'inherit', 'inherit'] });

const bundle = join(ROOT, 'dist/cli.js');
const built = run(process.execPath, [bundle, '--version']).stdout.trim();
if (built !== version) fail(`dist/cli.js says it is ${built}, the package is ${version}: run without --no-build`);

rmSync(STAGE, { recursive: true, force: true });
mkdirSync(STAGE, { recursive: true });
const manifest = JSON.parse(readFileSync(join(SOURCE, 'package.json'), 'utf8'));
// The version goes right after the name, where npm and readers expect it.
const { name, ...rest } = manifest;
writeFileSync(join(STAGE, 'package.json'), `${JSON.stringify({ name, version, ...rest }, null, 2)}\n`);
copyFileSync(bundle, join(STAGE, 'cli.js'));
chmodSync(join(STAGE, 'cli.js'), 0o755);
copyFileSync(join(SOURCE, 'README.md'), join(STAGE, 'README.md'));
copyFileSync(join(ROOT, 'LICENSE'), join(STAGE, 'LICENSE'));
copyFileSync(join(ROOT, 'THIRD-PARTY-NOTICES.md'), join(STAGE, 'THIRD-PARTY-NOTICES.md'));

mkdirSync(out, { recursive: true });
const packed = run('npm', ['pack', '--json', '--pack-destination', out], { cwd: STAGE });
const [info] = JSON.parse(packed.stdout);
const expected = ['LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.md', 'cli.js', 'package.json'];
const files = info.files.map((f) => f.path).sort();
if (JSON.stringify(files) !== JSON.stringify(expected)) fail(`the package holds ${files.join(', ')}, not ${expected.join(', ')}`);

const tarball = join(out, info.filename);
process.stdout.write(`${info.name}@${info.version}: ${files.length} files, ${Math.round(info.size / 1024)} KB packed\n${tarball}\n`);
