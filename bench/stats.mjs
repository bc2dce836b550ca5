import { spawnSync } from 'node:child_process';

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (v) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

/** Wall-clock time of an async function, in ms. */
export async function time(fn) {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/** Wall-clock time of a command, in ms; a run that fails (exit code 2, or it cannot start) is an error, not a time. */
export function wall(cmd, args, cwd) {
  const start = performance.now();
  const result = spawnSync(cmd, args, { cwd, stdio: 'ignore' });
  if (result.status === 2 || result.error) throw new Error(`${cmd} ${args.join(' ')} failed`);
  return performance.now() - start;
}

/** Whether the module of `meta` was started on its own (`node bench/X.mjs`), not imported by run.mjs. */
export const startedAlone = (meta) => meta.url === `file://${process.argv[1]}`;

/** For a bench started on its own: the rows `measure` adds, one a line, then the figures it returns as JSON. */
export async function printAlone(measure) {
  const rows = [];
  const figures = await measure((...r) => rows.push(r));
  for (const r of rows) console.log(r.filter((x) => x !== undefined && x !== '').join('  |  '));
  console.log(JSON.stringify(figures));
}
