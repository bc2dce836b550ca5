// Follows the result file written by suite/index.ts inside the extension host
// and echoes its lines as they arrive. Resolves with the counts from the final
// `RESULT ...` line; rejects when the tests do not start or finish in time.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const RESULT = /^RESULT (PASS|FAIL) passed=(\d+) failed=(\d+) pending=(\d+)$/;

export async function followResults(file, { startTimeoutMs, timeoutMs, print = console.log, onStart, abortCheck }) {
  const t0 = Date.now();
  let printed = 0;
  for (;;) {
    const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
    // Only complete lines (the last element is the text after the last newline).
    for (; printed < lines.length - 1; printed++) {
      const line = lines[printed];
      const m = RESULT.exec(line);
      if (m) return { ok: m[1] === 'PASS', passed: +m[2], failed: +m[3], pending: +m[4] };
      if (line === 'STARTED') onStart?.();
      else print(line);
    }
    const elapsed = Date.now() - t0;
    if (lines.length === 0 && elapsed > startTimeoutMs) {
      throw new Error(`the tests did not start within ${startTimeoutMs / 1000} s`);
    }
    if (elapsed > timeoutMs) throw new Error('the tests did not finish in time (--timeout)');
    const reason = abortCheck?.();
    if (reason) throw new Error(reason);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * The end of a run: its folders removed when it passed (unless `keep`), else named; its verdict, time
 * and counts printed (`mochaCounts` adds mocha's own wording first). Returns the exit code.
 */
export function finishRun(result, { keep, runDir, workspace, repo, started, log, mochaCounts = false }) {
  if (result.ok && !keep) {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(runDir, { recursive: true, force: true });
  } else {
    log(`kept ${path.relative(repo, runDir)} and ${workspace}`);
  }
  log(`${result.ok ? 'PASS' : 'FAIL'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (mochaCounts) console.log(`${result.passed} passing, ${result.failed} failing${result.pending ? `, ${result.pending} pending` : ''}`);
  console.log(`${result.passed} passed, ${result.failed} failed${result.pending ? `, ${result.pending} skipped` : ''}`);
  return result.ok ? 0 : 1;
}
