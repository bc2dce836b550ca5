// minutes-lint on the whole real repository, cold: in one thread, in one thread per core
// (`--threads N`), and as it runs by default (one thread per core but one, see cli/src/parallel.ts),
// beside markdownlint-cli2 on the same files in the same run (issue 27's target, for the default:
// at most 0.25x). Runs alternate, so that a busy machine weighs on each alike.
// Alone: `node bench/threads.mjs` (after `npm run build`).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { ms, percentile, printAlone, startedAlone, wall } from './stats.mjs';

/** Adds the rows; returns the figures (milliseconds), or undefined without the corpus. */
export function threadedRepository(root, corpus, row, rounds = 3) {
  if (!existsSync(corpus)) return row('minutes-lint in threads', 'skipped: no corpus', '', '', '', undefined);
  const cli = join(root, 'dist/cli.js');
  const cores = availableParallelism();
  const runs = { one: [], threads: [], byDefault: [], mdl: [] };
  for (let i = 0; i < rounds; i++) {
    runs.one.push(wall(process.execPath, [cli, '--threads', '1', '--format', 'json'], corpus));
    runs.threads.push(wall(process.execPath, [cli, '--threads', String(cores), '--format', 'json'], corpus));
    runs.byDefault.push(wall(process.execPath, [cli, '--format', 'json'], corpus));
    runs.mdl.push(wall(join(root, 'node_modules/.bin/markdownlint-cli2'), ['**/*.md'], corpus));
  }
  const [one, threads, byDefault, mdl] = [runs.one, runs.threads, runs.byDefault, runs.mdl].map((r) => percentile(r, 50));
  row(`minutes-lint, whole repository, one thread`, ms(one), `markdownlint-cli2 ${ms(mdl)}`, `${(one / mdl).toFixed(2)}x`, '', undefined);
  row(`minutes-lint, whole repository, one thread per core (${cores})`, ms(threads), `markdownlint-cli2 ${ms(mdl)}`, `${(threads / mdl).toFixed(2)}x`, '', undefined);
  row(`minutes-lint, whole repository, by default (${Math.max(1, cores - 1)} thread(s) at most)`, ms(byDefault), `markdownlint-cli2 ${ms(mdl)}`, `${(byDefault / mdl).toFixed(2)}x`, '<= 0.25x', byDefault / mdl <= 0.25);
  return { oneThreadMs: one, threadsMs: threads, defaultMs: byDefault, cores, markdownlintCli2Ms: mdl };
}

if (startedAlone(import.meta)) {
  const root = resolve(import.meta.dirname, '..');
  await printAlone((row) => threadedRepository(root, resolve(root, '../shared/corpus/scs-minutes'), row));
}
