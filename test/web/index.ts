// Test entry that the web-worker extension host loads (extensionTestsPath; see run.mjs): mocha's
// browser build, the suites that run.mjs bundles after this module, and the results written line by
// line with `vscode.workspace.fs` into the extension's folder, where run.mjs reads them: the browser
// reports nothing and the worker has no Node `fs`. Same line format as test/vscode/suite/index.ts.
import 'mocha/mocha.js';
import * as vscode from 'vscode';

/** Set by run.mjs at bundle time. */
declare const __MINUTES_WEB_TEST__: { extensionId: string; grep?: string; invert?: boolean; timeoutMs: number };
const config = __MINUTES_WEB_TEST__;

// No reporter of mocha's: the HTML one needs a DOM; lines go to the result file below.
function SilentReporter(this: unknown): void {}
mocha.setup({ ui: 'bdd', timeout: config.timeoutMs, reporter: SilentReporter as unknown as Mocha.ReporterConstructor });
if (config.grep) mocha.grep(new RegExp(config.grep, 'u'));
if (config.invert) mocha.invert();

export async function run(): Promise<void> {
  const folder = vscode.extensions.getExtension(config.extensionId)?.extensionUri;
  if (!folder) throw new Error(`${config.extensionId} is not the extension under development`);
  const resultUri = vscode.Uri.joinPath(folder, 'results.txt');
  const lines: string[] = [];
  let writing = Promise.resolve();
  // workspace.fs has no append: the whole file each time, one write after the other.
  const write = (line: string) => {
    lines.push(line);
    const text = new TextEncoder().encode(`${lines.join('\n')}\n`);
    writing = writing.then(() => vscode.workspace.fs.writeFile(resultUri, text)).catch(() => undefined);
    return writing;
  };
  void write('STARTED');
  void write(`  (web-worker extension host: uiKind ${vscode.env.uiKind === vscode.UIKind.Web ? 'Web' : 'Desktop'}, ${'process' in globalThis ? 'a Node process' : 'no Node process'})`);

  let passed = 0;
  let pending = 0;
  const failures: { title: string; error: unknown }[] = [];
  const started = Date.now();
  try {
    await new Promise<void>((resolve) => {
      const runner = mocha.run(() => resolve());
      runner.on('pass', (test) => { passed++; void write(`  ✓ ${test.fullTitle()} (${test.duration ?? 0} ms)`); });
      runner.on('pending', (test) => { pending++; void write(`  - ${test.fullTitle()} (pending)`); });
      runner.on('fail', (test, error) => { failures.push({ title: test.fullTitle(), error }); void write(`  ✗ ${test.fullTitle()}`); });
    });
  } catch (error) {
    failures.push({ title: 'running the suites', error });
  }

  void write('');
  void write(`  ${passed} passing (${Date.now() - started} ms)`);
  if (pending) void write(`  ${pending} pending`);
  if (failures.length) {
    void write(`  ${failures.length} failing`);
    failures.forEach(({ title, error }, i) => {
      const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
      void write('');
      void write(`  ${i + 1}) ${title}:`);
      void write(text.split('\n').map((l) => `     ${l}`).join('\n'));
    });
  }
  if (failures.length) {
    // The Minutes output channel (client and server lines): the web host's logs stay in the browser.
    const api = vscode.extensions.getExtension<{ log(): string } | undefined>(config.extensionId)?.exports;
    void write('');
    void write('  Minutes output channel:');
    void write((api?.log() ?? '(the extension is not active)').split('\n').map((l) => `     ${l}`).join('\n'));
  }
  const ok = failures.length === 0 && passed + pending > 0;
  await write(`RESULT ${ok ? 'PASS' : 'FAIL'} passed=${passed} failed=${failures.length} pending=${pending}`);
  if (!ok) throw new Error(`${failures.length} test(s) failed`);
}
