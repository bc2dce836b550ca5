// minutes-lint where CI runs: the npm package made by `npm run pack:cli` (installed offline from
// its tarball), the GitHub Action (action.yml) and the pre-commit hook (.pre-commit-hooks.yaml),
// each run the way its host runs it, with the packed tarball standing in for the npm registry.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');
const EXAMPLE = join(ROOT, 'examples/minutes');
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
// js-yaml is in node_modules through the dependencies (date-holidays, @vscode/vsce); it has no types here.
const yaml = createRequire(__filename)('js-yaml') as { load(text: string): unknown };

const TITLE_FINDING =
  'community-call/20240118.md:1:19  warning  Title says 2024-01-11 but the file is 20240118.md; expected 2024-01-18.  title-date-mismatch';
const TITLE_ANNOTATION =
  '::warning file=community-call/20240118.md,line=1,col=19,endLine=1,endColumn=29,title=title-date-mismatch::Title says 2024-01-11 but the file is 20240118.md; expected 2024-01-18.';

// What `minutes-lint --suppress-all` records for the example's warnings (test/cli/suppressions.test.ts checks that).
const EXAMPLE_SUPPRESSIONS = JSON.stringify({
  'community-call/20240118.md': { 'heading-level': { count: 1 }, 'minutes-link-not-found': { count: 1 }, 'minutes-link-outdated': { count: 1 }, 'title-date-mismatch': { count: 1 } },
  'sig-docs/20240115.md': { 'title-date-mismatch': { count: 1 } },
});

let tmp: string;
/** The packed tarball, and an empty project it is installed into. */
let tarball: string;
let project: string;

/** npm offline, with a cache of its own: what installs here installs without the registry. */
function npmEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_cache: join(tmp, 'npm-cache'),
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false',
  };
}

function spawn(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = npmEnv()) {
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', shell: process.platform === 'win32' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A folder with package.json (so npm installs here, not in a parent) and the tarball installed offline. */
function installInto(folder: string) {
  writeFileSync(join(folder, 'package.json'), '{ "private": true }\n');
  const install = spawn('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], folder);
  assert.equal(install.code, 0, install.stderr);
}

/** A copy of the example minutes repository. */
function exampleCopy(name: string) {
  const folder = join(tmp, name);
  cpSync(EXAMPLE, folder, { recursive: true });
  return folder;
}

describe('minutes-lint where CI runs', () => {
  before(function () {
    this.timeout(180_000);
    tmp = mkdtempSync(join(tmpdir(), 'minutes-lint-package-'));
    // As `npm run pack:cli`, but with the dist/cli.js that `npm test` has just built (the script
    // refuses a bundle of another version); the tarball goes to the temporary folder.
    const pack = spawn(process.execPath, [join(ROOT, 'scripts/pack-cli.mjs'), '--no-build', '--out', join(tmp, 'out')], ROOT, process.env);
    assert.equal(pack.code, 0, pack.stderr);
    tarball = pack.stdout.trim().split('\n').at(-1) ?? '';
    assert.equal(basename(tarball), `minutes-lint-${VERSION}.tgz`);
    project = join(tmp, 'project');
    mkdirSync(project);
    installInto(project);
  });

  after(() => rmSync(tmp, { recursive: true, force: true }));

  describe('the npm package minutes-lint', () => {
    const npx = (args: string[]) => spawn('npx', ['minutes-lint', ...args], project);

    it('installs offline into an empty project with no dependencies, its licence and notices', () => {
      assert.deepEqual(readdirSync(join(project, 'node_modules')).sort(), ['.bin', '.package-lock.json', 'minutes-lint']);
      const installed = join(project, 'node_modules/minutes-lint');
      assert.deepEqual(readdirSync(installed).sort(), ['LICENSE', 'README.md', 'THIRD-PARTY-NOTICES.md', 'cli.js', 'package.json']);
      const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as
        { name: string; version: string; license: string; bin: unknown; engines: { node: string }; dependencies?: unknown };
      assert.equal(manifest.name, 'minutes-lint');
      assert.equal(manifest.version, VERSION);
      assert.equal(manifest.license, 'Apache-2.0');
      assert.deepEqual(manifest.bin, { 'minutes-lint': 'cli.js' });
      assert.equal(manifest.engines.node, '>=20');
      assert.equal(manifest.dependencies, undefined);
      assert.equal(readFileSync(join(installed, 'LICENSE'), 'utf8'), readFileSync(join(ROOT, 'LICENSE'), 'utf8'));
      assert.match(readFileSync(join(installed, 'THIRD-PARTY-NOTICES.md'), 'utf8'), /CC BY-SA 3\.0/u);
      assert.match(readFileSync(join(installed, 'README.md'), 'utf8'), /^## Exit codes$/mu);
    });

    it('npx minutes-lint --version prints the version of package.json', () => {
      const { code, stdout } = npx(['--version']);
      assert.equal(code, 0);
      assert.equal(stdout, `${VERSION}\n`);
    });

    it('--help fits on one screen and names every option and the exit codes', () => {
      const { code, stdout } = npx(['--help']);
      assert.equal(code, 0);
      const lines = stdout.trimEnd().split('\n');
      assert.ok(lines.length <= 24, `${lines.length} lines`);
      assert.ok(lines.every((line) => line.length <= 100), 'no line wider than 100 columns');
      for (const option of ['--root DIR', '--config FILE', '--format', 'text', 'json', 'github', '--fix', '--help', '--version', 'PATH']) {
        assert.ok(stdout.includes(option), `--help names ${option}`);
      }
      assert.match(stdout, /^ {2}0 {2}nothing at warning or error level/mu);
      assert.match(stdout, /^ {2}1 {2}at least one warning or error/mu);
      assert.match(stdout, /^ {2}2 {2}usage or configuration error/mu);
    });

    it('lints the example minutes from there: finds the copied title and exits 1', () => {
      const text = npx(['--root', EXAMPLE]);
      assert.equal(text.code, 1, text.stderr);
      assert.ok(text.stdout.split('\n').includes(TITLE_FINDING), text.stdout);
      assert.match(text.stdout, /minutes-link-not-found$/mu);
      const github = npx(['--root', EXAMPLE, '--format', 'github']);
      assert.equal(github.code, 1);
      assert.ok(github.stdout.split('\n').includes(TITLE_ANNOTATION), github.stdout);
    });

    it('README, action.yml and the hook pin this version of minutes-lint, the action and the hook', () => {
      const SEMVER = String.raw`\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?`;
      const pins = {
        npm: new RegExp(`minutes-lint@(${SEMVER})`, 'gu'),
        action: new RegExp(`minutes-tools/minutes@v(${SEMVER})`, 'gu'),
        hook: new RegExp(`^\\s*rev: v(${SEMVER})`, 'gmu'),
      };
      for (const file of ['README.md', 'packages/minutes-lint/README.md', 'action.yml', '.pre-commit-hooks.yaml']) {
        const text = readFileSync(join(ROOT, file), 'utf8');
        const readme = file.endsWith('README.md');
        for (const [way, pattern] of Object.entries(pins)) {
          const versions = [...new Set([...text.matchAll(pattern)].map((m) => m[1]))];
          if (readme) assert.ok(versions.length > 0, `${file} shows the ${way} way`);
          assert.ok(versions.every((v) => v === VERSION), `${file}: the ${way} pins are ${versions.join(', ')}, not ${VERSION}`);
        }
        const tarballs = [...text.matchAll(new RegExp(`minutes-lint-(${SEMVER})\\.tgz`, 'gu'))].map((m) => m[1]);
        assert.ok(tarballs.every((v) => v === VERSION), `${file}: the tarball's name`);
      }
    });
  });

  interface ActionStep {
    shell?: string;
    env?: Record<string, string>;
    run?: string;
  }

  interface Action {
    name: string;
    description: string;
    inputs: Record<string, { description: string; required?: boolean; default?: string }>;
    runs: { using: string; steps: ActionStep[] };
  }

  describe('the GitHub Action (action.yml)', () => {
    const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

    /** Runs the action's steps as the runner does: inputs into `${{ inputs.X }}`, bash -eo pipefail, in the workspace. */
    function runAction(workspace: string, inputs: Record<string, string> = {}) {
      const values = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, inputs[name] ?? input.default ?? '']));
      const expand = (text: string) =>
        text.replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/gu, (_, name: string) => {
          assert.ok(name in values, `action.yml uses an undeclared input ${name}`);
          return values[name];
        });
      const outputs = action.runs.steps.map((step) => {
        const env = { ...npmEnv(), ...Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(String(value))])) };
        const script = join(tmp, 'step.sh');
        writeFileSync(script, expand(step.run ?? ''));
        return spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', script], workspace, env);
      });
      assert.equal(outputs.length, 1);
      return outputs[0];
    }

    let workspace: string;
    before(function () {
      this.timeout(60_000);
      // The action resolves minutes-lint@VERSION with npx; installed here, npx finds it offline.
      workspace = exampleCopy('workspace');
      installInto(workspace);
    });

    it('is a composite action with the inputs paths, config, format and version', () => {
      assert.ok(action.name && action.description);
      assert.equal(action.runs.using, 'composite');
      assert.deepEqual(Object.keys(action.inputs).sort(), ['config', 'format', 'paths', 'version']);
      for (const input of Object.values(action.inputs)) assert.ok(input.description);
      assert.equal(action.inputs.format.default, 'github');
      assert.equal(action.inputs.version.default, VERSION, 'the action runs the minutes-lint of its own version');
      for (const step of action.runs.steps) {
        assert.ok(step.shell, 'a composite run step needs a shell');
        assert.doesNotMatch(step.run ?? '', /\$\{\{/u, 'inputs reach the script through env, not pasted into it');
      }
      const env = JSON.stringify(action.runs.steps.map((s) => s.env));
      for (const name of Object.keys(action.inputs)) assert.match(env, new RegExp(`\\$\\{\\{ inputs\\.${name} \\}\\}`, 'u'), `input ${name} is used`);
    });

    it('by default annotates the findings of the whole repository and fails the step', () => {
      const { code, stdout, stderr } = runAction(workspace);
      assert.equal(code, 1, stderr);
      const lines = stdout.trim().split('\n');
      assert.ok(lines.includes(TITLE_ANNOTATION), stdout);
      assert.ok(lines.some((line) => line.startsWith('::warning file=sig-docs/20240115.md,')), 'other folders are linted too');
      assert.ok(lines.every((line) => /^::(error|warning|notice) file=/u.test(line)), 'nothing but annotations on stdout');
    });

    it('lints only the given paths, in the given format, and does not expand globs', () => {
      const { code, stdout, stderr } = runAction(workspace, { paths: 'sig-docs\n  iaas/20240117.md', format: 'text' });
      assert.equal(code, 1, stderr);
      const lines = stdout.trim().split('\n');
      assert.ok(lines.length > 0 && lines.every((line) => line.startsWith('sig-docs/20240115.md:')), stdout);
      const glob = runAction(workspace, { paths: 'community-call/*.md' });
      assert.equal(glob.code, 2);
      assert.match(glob.stderr, /no such file or folder: .*community-call\/\*\.md/u);
    });

    it('honours minutes-suppressions.json at the repository root: suppressed warnings neither annotate nor fail', () => {
      const repository = exampleCopy('action-suppressed');
      installInto(repository);
      writeFileSync(join(repository, 'minutes-suppressions.json'), EXAMPLE_SUPPRESSIONS);
      const { code, stdout, stderr } = runAction(repository);
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stdout, /::warning/u);
      writeFileSync(join(repository, 'iaas/20240124.md'), '# Team IaaS 2024-01-23\n');
      const added = runAction(repository);
      assert.equal(added.code, 1, 'a new mistake still fails');
      assert.match(added.stdout, /^::warning file=iaas\/20240124\.md,/mu);
    });

    it('reads the given config file', () => {
      writeFileSync(join(workspace, 'minutes-config.json'), '{ "meetingWeekday": 9 }');
      const { code, stderr } = runAction(workspace, { config: 'minutes-config.json' });
      assert.equal(code, 2);
      assert.match(stderr, /minutes-config\.json: .*meetingWeekday must be at most 6/u);
    });
  });

  interface PreCommitHook {
    id: string;
    name: string;
    entry: string;
    language: string;
    files?: string;
    pass_filenames?: boolean;
    additional_dependencies?: string[];
  }

  describe('the pre-commit hook (.pre-commit-hooks.yaml)', () => {
    const hooks = yaml.load(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as PreCommitHook[];
    const hook = hooks.find((h) => h.id === 'minutes-lint');

    /** Runs the hook as pre-commit does: the entry split like a shell, then the file names, with the node environment's modules on NODE_PATH. */
    function runHook(repository: string, files: string[]) {
      const [command, ...args] = [...(hook?.entry ?? '').matchAll(/"([^"]*)"|'([^']*)'|(\S+)/gu)].map((m) => m[1] ?? m[2] ?? m[3]);
      return spawn(command, [...args, ...files], repository, { ...npmEnv(), NODE_PATH: join(project, 'node_modules') });
    }

    it('declares minutes-lint as a node hook on Markdown files, installing this version of the package', () => {
      assert.ok(Array.isArray(hooks));
      assert.ok(hook, 'a hook with the id minutes-lint');
      for (const key of ['id', 'name', 'entry', 'language'] as const) assert.ok(hook[key], `the hook has ${key}`);
      assert.equal(hook.language, 'node');
      assert.deepEqual(hook.additional_dependencies, [`minutes-lint@${VERSION}`]);
      assert.notEqual(hook.pass_filenames, false, 'the committed files are passed');
      const files = new RegExp(hook.files ?? '', 'u');
      assert.ok(files.test('community-call/20240118.md') && files.test('README.md'));
      assert.ok(!files.test('notes.txt') && !files.test('page.mdx') && !files.test('md/notes.txt'));
    });

    it('lints the files it is given, against the whole repository', () => {
      const repository = exampleCopy('hook-repository');
      const failing = runHook(repository, ['community-call/20240118.md']);
      assert.equal(failing.code, 1, failing.stderr);
      const lines = failing.stdout.trim().split('\n');
      assert.ok(lines.includes(TITLE_FINDING), failing.stdout);
      assert.ok(lines.some((line) => line.endsWith('minutes-link-outdated')), 'the link checks read the team folders');
      assert.ok(lines.every((line) => line.startsWith('community-call/20240118.md:')), 'only the given file is reported');
      const clean = runHook(repository, ['community-call/20240111.md', 'README.md']);
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);
    });

    it('honours minutes-suppressions.json at the repository root', () => {
      const repository = exampleCopy('hook-suppressed');
      writeFileSync(join(repository, 'minutes-suppressions.json'), EXAMPLE_SUPPRESSIONS);
      const suppressed = runHook(repository, ['community-call/20240118.md']);
      assert.equal(suppressed.code, 0, suppressed.stdout + suppressed.stderr);
      assert.doesNotMatch(suppressed.stdout, /warning/u);
    });
  });
});
