// Test entry that VS Code loads in its extension host (extensionTestsPath).
// It runs the bundled *.test.js next to it with mocha and writes the results,
// line by line, to the file named in config.json next to it: the browser that
// drives code-server does not report test results, and the extension host gets
// no environment from the runner, so a file is the one channel both routes share.
// Line format read by run.mjs: test lines, then the summary, then
// `RESULT PASS|FAIL passed=N failed=M pending=K` as the last line.
import * as fs from 'node:fs';
import { findSourceMap } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';

interface RunConfig {
  resultFile: string;
  grep?: string;
  timeoutMs?: number;
}

export async function run(): Promise<void> {
  // Lets mapStack() find the inline source maps of the test bundles loaded below.
  process.setSourceMapsEnabled(true);
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8')) as RunConfig;
  const write = (line: string) => fs.appendFileSync(config.resultFile, `${line}\n`);
  write('STARTED');

  let passed = 0;
  let pending = 0;
  const failures: { title: string; error: unknown }[] = [];
  const started = Date.now();
  try {
    const mocha = new Mocha({
      ui: 'bdd',
      color: false,
      timeout: config.timeoutMs ?? 30_000,
      reporter: Mocha.reporters.Base, // output goes to the result file below, not stdout
      ...(config.grep ? { grep: config.grep } : {}),
    });
    for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
      mocha.addFile(path.join(__dirname, file));
    }
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => { passed++; write(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`); });
      runner.on('pending', (test) => { pending++; write(`  - ${test.fullTitle()} (pending)`); });
      runner.on('fail', (test, error) => { failures.push({ title: test.fullTitle(), error }); write(`  ✗ ${test.fullTitle()}`); });
    });
  } catch (error) {
    // A test file that throws while loading ends up here, not in a 'fail' event.
    failures.push({ title: 'loading the test files', error });
  }

  write('');
  write(`  ${passed} passing (${Date.now() - started} ms)`);
  if (pending) write(`  ${pending} pending`);
  if (failures.length) {
    write(`  ${failures.length} failing`);
    failures.forEach(({ title, error }, i) => {
      const text = error instanceof Error ? mapStack(error.stack ?? error.message) : String(error);
      write('');
      write(`  ${i + 1}) ${title}:`);
      write(text.split('\n').map((l) => `     ${l}`).join('\n'));
    });
  }
  const ok = failures.length === 0 && passed + pending > 0;
  write(`RESULT ${ok ? 'PASS' : 'FAIL'} passed=${passed} failed=${failures.length} pending=${pending}`);
  // Rejecting makes VS Code exit the extension host with code 1 (test-electron reports it).
  if (!ok) throw new Error(`${failures.length} test(s) failed`);
}

/**
 * Rewrites positions in our bundles (*.js next to this file) to .ts positions.
 * Needed by hand: the extension host installs its own Error.prepareStackTrace,
 * which bypasses Node's source-map support (and prints paths relative to cwd).
 */
function mapStack(stack: string): string {
  return stack.replace(/[^\s()]*?([^\s()/\\]+\.js):(\d+):(\d+)/g, (whole, name: string, line: string, column: string) => {
    const entry = findSourceMap(path.join(__dirname, name))?.findEntry(Number(line) - 1, Number(column) - 1);
    if (!entry || !('originalSource' in entry)) return whole;
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : entry.originalSource;
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}
