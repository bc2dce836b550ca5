// minutes-lint --cache on the real repository: a rerun on an unchanged repository (issue 27's
// target: at most 0.05x of markdownlint-cli2 on the same files in the same run), and a rerun
// after one changed file. The corpus is read-only: it is copied to a temporary folder first.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ms, percentile, printAlone, startedAlone, wall } from './stats.mjs';

/** Adds the rows; returns the figures (milliseconds), or undefined without the corpus. */
export function cachedRerun(root, corpus, row) {
  if (!existsSync(corpus)) return row('minutes-lint --cache', 'skipped: no corpus', '', '', '', undefined);
  const dir = mkdtempSync(join(tmpdir(), 'minutes-bench-cache-'));
  try {
    cpSync(corpus, dir, { recursive: true });
    const cli = join(root, 'dist/cli.js');
    const lint = () => wall(process.execPath, [cli, '--cache', '--format', 'json'], dir);
    const cold = lint();
    const warm = percentile([1, 2, 3].map(lint), 50);
    appendFileSync(join(dir, 'README.md'), '\nOne more line.\n');
    const oneChanged = lint();
    // The newest minutes of the largest series: checked again with its series (and any roll-up that reads it).
    const series = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.'));
    const largest = series.map((e) => ({ folder: e.name, files: readdirSync(join(dir, e.name)).filter((f) => f.endsWith('.md')).sort() })).sort((a, b) => b.files.length - a.files.length)[0];
    appendFileSync(join(dir, largest.folder, largest.files.at(-1)), '\n- One more line.\n');
    const teamFileChanged = lint();
    const mdl = percentile([1, 2].map(() => wall(join(root, 'node_modules/.bin/markdownlint-cli2'), ['**/*.md'], dir)), 50);
    row('minutes-lint --cache, unchanged rerun', ms(warm), `markdownlint-cli2 ${ms(mdl)}`, `${(warm / mdl).toFixed(3)}x`, '<= 0.05x', warm / mdl <= 0.05);
    row('minutes-lint --cache, one file changed', ms(oneChanged), `cold with --cache ${ms(cold)}`, `${(oneChanged / cold).toFixed(2)}x`, '', undefined);
    row(`minutes-lint --cache, newest of ${largest.files.length} minutes of a series changed`, ms(teamFileChanged), `cold with --cache ${ms(cold)}`, `${(teamFileChanged / cold).toFixed(2)}x`, '', undefined);
    return { coldMs: cold, warmMs: warm, oneChangedMs: oneChanged, teamFileChangedMs: teamFileChanged, markdownlintCli2Ms: mdl };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (startedAlone(import.meta)) {
  const root = resolve(import.meta.dirname, '..');
  await printAlone((row) => cachedRerun(root, resolve(root, '../shared/corpus/scs-minutes'), row));
}
