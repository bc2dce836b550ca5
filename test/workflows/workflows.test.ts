// The GitHub workflows (.github/workflows/), checked here since they cannot run here: valid YAML
// of the shape GitHub Actions reads, every npm script they run exists, the editor suites run on
// the oldest VS Code package.json claims and on stable, and each secret reaches only the step
// that publishes with it.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import yaml from 'js-yaml';

const ROOT = resolve(__dirname, '../..');
const MANIFEST = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string; scripts: Record<string, string>; engines: { vscode: string }; devDependencies: Record<string, string> };

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
  if?: string;
}
interface Job {
  name?: string;
  'runs-on': string;
  needs?: string | string[];
  strategy?: { matrix?: Record<string, unknown[]> };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(file: string): Workflow {
  return yaml.load(readFileSync(join(ROOT, '.github/workflows', file), 'utf8')) as Workflow;
}

const label = (step: Step) => step.name ?? step.uses ?? step.run ?? '?';
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (job: Job) => job.steps.map((s) => s.run ?? '');
/** The index of the first step whose `run:` matches, failing when none does. */
function stepIndex(job: Job, pattern: RegExp): number {
  const at = job.steps.findIndex((s) => pattern.test(s.run ?? ''));
  assert.ok(at >= 0, `no step runs ${pattern}: ${JSON.stringify(runs(job))}`);
  return at;
}

/** Where `${{ secrets.X }}` appears in a value: [path, secret name]. */
function secretUses(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === 'string') return [...value.matchAll(/\$\{\{\s*secrets\.(\w+)\s*\}\}/gu)].map((m) => [path, m[1]]);
  if (Array.isArray(value)) return value.flatMap((v, i) => secretUses(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => secretUses(v, `${path}.${k}`));
  return [];
}

for (const file of ['ci.yml', 'release.yml']) {
  describe(`.github/workflows/${file}`, () => {
    const workflow = load(file);

    it('has the shape GitHub Actions reads: a name, triggers, and jobs of steps that each use an action or run a command', () => {
      assert.equal(typeof workflow.name, 'string');
      assert.ok(workflow.on && typeof workflow.on === 'object', 'on:');
      assert.ok(Object.keys(workflow.jobs).length > 0, 'jobs:');
      for (const [id, job] of Object.entries(workflow.jobs)) {
        assert.match(id, /^[A-Za-z_][\w-]*$/u, `job id ${id}`);
        assert.equal(job['runs-on'], 'ubuntu-latest', `${id}: runs-on`);
        assert.ok(Array.isArray(job.steps) && job.steps.length > 0, `${id}: steps`);
        for (const need of [job.needs ?? []].flat()) assert.ok(need in workflow.jobs, `${id} needs an unknown job ${need}`);
        for (const step of job.steps) {
          assert.ok((step.uses === undefined) !== (step.run === undefined), `${id}: a step has both or neither of uses and run: ${JSON.stringify(step)}`);
          if (step.uses) assert.match(step.uses, /^[\w.-]+\/[\w.-]+@v\d+$/u, `${id}: actions are pinned to a major version: ${step.uses}`);
          const ids = job.steps.filter((s) => s.id).map((s) => s.id);
          for (const [, ref] of JSON.stringify(step).matchAll(/steps\.([\w-]+)\.outputs/gu)) assert.ok(ids.includes(ref), `${id}: ${label(step)} reads outputs of an unknown step ${ref}`);
        }
      }
    });

    it('runs only npm scripts that package.json has, and tools that are installed or pinned', () => {
      for (const step of steps(workflow)) {
        const run = step.run ?? '';
        for (const [, script] of run.matchAll(/\bnpm run(?:-script)? ([\w:.-]+)/gu)) assert.ok(script in MANIFEST.scripts, `${label(step)}: npm run ${script} is not a script of package.json`);
        if (/\bnpm (?:test|t)\b/u.test(run)) assert.ok('test' in MANIFEST.scripts);
        for (const [, tool] of run.matchAll(/\bnpx ((?:--yes )?[@\w./-]+)/gu)) {
          const pinned = /^--yes [@\w./-]+@\d+\.\d+\.\d+$/u.test(tool);
          const installed = ['vsce', 'tsc', 'mocha'].includes(tool) && (tool !== 'vsce' || '@vscode/vsce' in MANIFEST.devDependencies);
          assert.ok(pinned || installed, `${label(step)}: npx ${tool} is neither a devDependency's tool nor pinned to a version`);
        }
      }
    });

    it('gives each secret only to the step that publishes with it', () => {
      const needs: Record<string, RegExp> = { VSCE_PAT: /\bvsce publish\b/u, OVSX_PAT: /\bovsx@[\d.]+ publish\b/u, NPM_TOKEN: /\bnpm publish\b/u };
      const uses = secretUses(workflow, 'workflow');
      for (const [path, secret] of uses) {
        assert.match(path, /^workflow\.jobs\.\w+\.steps\[\d+\]\.env\.\w+$/u, `secrets.${secret} is used at ${path}, not in one step's env`);
        assert.ok(secret in needs, `secrets.${secret} is not one the release needs`);
        const [, job, index] = /^workflow\.jobs\.(\w+)\.steps\[(\d+)\]/u.exec(path)!;
        const step = workflow.jobs[job].steps[Number(index)];
        assert.match(step.run ?? '', needs[secret], `secrets.${secret} is given to "${label(step)}", which does not need it`);
      }
      const expected = file === 'release.yml' ? Object.keys(needs).sort() : [];
      assert.deepEqual([...new Set(uses.map(([, s]) => s))].sort(), expected);
    });
  });
}

describe('.github/workflows/ci.yml: what it runs', () => {
  const ci = load('ci.yml');

  it('runs on pushes to main and on pull requests', () => {
    assert.ok('push' in ci.on && 'pull_request' in ci.on);
  });

  it('installs with npm ci and runs npm test, with Neovim for the Neovim test', () => {
    const job = ci.jobs.test;
    const install = stepIndex(job, /^npm ci$/u);
    assert.ok(stepIndex(job, /^npm test$/u) > install);
    assert.ok(stepIndex(job, /apt-get install -y neovim/u) < stepIndex(job, /^npm test$/u));
  });

  it('runs the robustness suites (their own script, kept out of npm test) after npm test, as .ci/run does', () => {
    const job = ci.jobs.test;
    assert.ok(stepIndex(job, /^npm run test:robustness$/u) > stepIndex(job, /^npm test$/u));
    assert.match(MANIFEST.scripts['test:robustness'], /mocha --config \.mocharc\.robustness\.json$/u);
    const config = JSON.parse(readFileSync(join(ROOT, '.mocharc.robustness.json'), 'utf8')) as { spec: string[] };
    const fast = JSON.parse(readFileSync(join(ROOT, '.mocharc.json'), 'utf8')) as { spec: string[] };
    assert.deepEqual(config.spec, ['test/robustness/**/*.test.ts']);
    assert.ok(!fast.spec.some((s) => s.startsWith('test/robustness/')), 'npm test leaves the robustness suites to their own script');
    const local = readFileSync(join(ROOT, '.ci/run'), 'utf8').split('\n');
    assert.ok(local.indexOf('npm test') >= 0 && local.findIndex((l) => l.startsWith('npm run test:robustness')) > local.indexOf('npm test'), '.ci/run runs both');
  });

  it('runs the in-editor suites in desktop VS Code under xvfb, on the oldest version engines.vscode allows and on stable', () => {
    const job = ci.jobs.vscode;
    assert.deepEqual(job.strategy?.matrix?.vscode, ['oldest', 'stable']);
    assert.deepEqual([job.needs].flat(), ['test']);
    const suites = job.steps[stepIndex(job, /npm run test:vscode/u)];
    assert.equal(suites.run, 'xvfb-run -a npm run test:vscode -- --electron');
    assert.equal(suites.env?.MINUTES_VSCODE_VERSION, '${{ steps.version.outputs.vscode }}');
    // The version step reads engines.vscode with this expression: it must give the minimum version.
    const pick = job.steps.find((s) => s.id === 'version')!;
    const expression = /require\('\.\/package\.json'\)\.engines\.vscode\.replace\(\/\^\[\^0-9\]\*\/, ''\)/u;
    assert.match(pick.run ?? '', expression);
    assert.match(MANIFEST.engines.vscode.replace(/^[^0-9]*/u, ''), /^\d+\.\d+\.\d+$/u, `engines.vscode ${MANIFEST.engines.vscode}`);
    // Here, `test:vscode -- --oldest` runs the suites on the VS Code the manifest claims as its oldest.
    const oldest = /oldest: \{[^}]*vscode: '(\d+\.\d+)\.\d+'/u.exec(readFileSync(join(ROOT, 'test/vscode/lib/install.mjs'), 'utf8'))?.[1];
    assert.equal(MANIFEST.engines.vscode.replace(/^[^0-9]*/u, '').replace(/\.\d+$/u, ''), oldest, 'engines.vscode names the VS Code that --oldest tests');
    // What the workflow relies on in the runner: --electron, and the version from MINUTES_VSCODE_VERSION.
    assert.match(readFileSync(join(ROOT, 'test/vscode/run.mjs'), 'utf8'), /electron: \{ type: 'boolean'/u);
    assert.match(readFileSync(join(ROOT, 'test/vscode/lib/electron.mjs'), 'utf8'), /version: process\.env\.MINUTES_VSCODE_VERSION/u);
  });
});

describe('.github/workflows/release.yml: what it publishes', () => {
  const release = load('release.yml');
  const job = release.jobs.release;

  it('runs on a v* tag', () => {
    assert.deepEqual((release.on.push as { tags?: string[] }).tags, ['v*']);
    assert.deepEqual(Object.keys(release.on), ['push']);
  });

  it('installs, packages the .vsix and the CLI tarball, then publishes both, in that order', () => {
    const order = [/^npm ci$/u, /^npm run package$/u, /^npm run pack:cli$/u, /\bvsce publish\b/u, /\bovsx@[\d.]+ publish\b/u, /\bnpm publish\b/u].map((p) => stepIndex(job, p));
    assert.deepEqual(order, [...order].sort((a, b) => a - b), `steps out of order: ${order.join(',')}`);
    // The files published are the ones the scripts make: minutes-<version>.vsix and minutes-lint-<version>.tgz.
    assert.match(MANIFEST.scripts.package, /--out minutes-\$npm_package_version\.vsix/u);
    const cliName = (JSON.parse(readFileSync(join(ROOT, 'packages/minutes-lint/package.json'), 'utf8')) as { name: string }).name;
    assert.equal(cliName, 'minutes-lint');
    const version = '${{ steps.version.outputs.version }}';
    assert.ok(job.steps[stepIndex(job, /\bvsce publish\b/u)].run!.endsWith(`--packagePath minutes-${version}.vsix`));
    assert.ok(job.steps[stepIndex(job, /\bovsx@[\d.]+ publish\b/u)].run!.endsWith(` publish minutes-${version}.vsix`));
    assert.ok(job.steps[stepIndex(job, /\bnpm publish\b/u)].run!.startsWith(`npm publish ./${cliName}-${version}.tgz`));
  });

  it('publishes to npm with NODE_AUTH_TOKEN through the registry setup-node configures', () => {
    const setup = job.steps.find((s) => s.uses?.startsWith('actions/setup-node@'));
    assert.equal(setup?.with?.['registry-url'], 'https://registry.npmjs.org');
    assert.equal(job.steps[stepIndex(job, /\bnpm publish\b/u)].env?.NODE_AUTH_TOKEN, '${{ secrets.NPM_TOKEN }}');
  });
});
