// First: it tunes the engine for what runs after it (see there).
import './engineTuning';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { actionRows, formatActionsText } from './actions';
import { feedReader } from '../../server/src/feeds/fetchFeed';
import { formatGapsText, repositoryGaps } from './gaps';
import { CONFIG_FILE_NAME, configText, inferConfig, isoDate, today as localToday, withCalendars } from '../../server/src/core';
import { parseCalendar } from '../../server/src/core/calendars';
import { findCalendarFiles } from '../../server/src/node/findCalendars';
import { loadConfigFile } from '../../server/src/node/configFile';
import { listMarkdownFiles, readMinutesText } from '../../server/src/node/fileWorkspace';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { createFile, exists, reason } from '../../server/src/node/safeWrite';
import { VERSION } from '../../server/src/node/version';
import { lintWithCache } from './cache';
import { collectMarkdownFiles } from './files';
import { importPad } from './importPad';
import { downloadImages } from './downloadImages';
import { formatGithub, formatJson, formatText } from './format';
import { lintFiles, type FixReport } from './lintFiles';
import { checkFilesInThreads, runCheckThread, threadCount } from './parallel';
import { applySuppressionsFile, withoutSuppressed } from './suppressions';
import { InputError, UsageError } from './usageError';

/** Set by scripts/build.mjs (esbuild `define`) from package.json's version. */

const FORMATS = ['text', 'json', 'github'] as const;
const USAGE = 'usage: minutes-lint [--root DIR] [--config FILE] [--format text|json|github] [--fix] [PATH...]\n       minutes-lint --init | --actions | --gaps  [--root DIR] [--format text|json]\n       minutes-lint --import FILE|URL|- --series FOLDER | --download-images [PATH...]  [--dry-run]';
const HELP = `${USAGE}

  PATH...          files or folders (searched for *.md); default: the root
  --root DIR       the repository: .minutes.json, what links are checked against (default: .)
  --config FILE    the configuration file (default: ROOT/.minutes.json, if any)
  --format FORMAT  text (file:line:column  severity  message  code; the default), json, github
  --fix            apply the preferred fixes (changes on stderr), then report what is left
  --cache          check again only what changed (--cache-location FILE); --threads N: at most N
  --suppress-all   record today's warnings in minutes-suppressions.json: only new ones fail
  --prune-suppressions  drop what no longer occurs; --suppressions-location FILE: another file
  --actions        list the files' action items: open, done, cancelled or dropped; exit 0
  --gaps           list meetings (calendars, schedules) without minutes; --today DATE: any mode
  --import SOURCE  add the meetings --series FOLDER lacks from a pad (file, URL, -), images too
  --init           write ROOT/.minutes.json inferred from the files (--force: overwrite one)
  -h, --help       show this help; -v, --version: print the version

Exit codes:
  0  nothing at warning or error level was found (information and hints may be)
  1  at least one warning or error was found (suppressed ones aside)
  2  usage or configuration error, bad input, or a fix not written (one line on stderr)

minutes-lint ${VERSION}. Rules and .minutes.json: https://github.com/minutes-tools/minutes#readme`;

/** --init: infers and writes `.minutes.json` (with the calendars found in the repository), refusing to overwrite one without --force. */
async function init(root: string, force: boolean): Promise<number> {
  const target = join(root, CONFIG_FILE_NAME);
  const boundary = new RepositoryBoundary(root);
  // A dangling link in its place exists too: writing would create the file where it points.
  if (exists(target) && !force) throw new UsageError(`${target} exists; --force overwrites it`);
  const paths = listMarkdownFiles(root);
  const inferred = await withCalendars(inferConfig({ paths, readText: (path) => readMinutesText(join(root, path)) }), paths, findCalendarFiles(root), parseCalendar);
  const header = `Inferred by minutes-lint --init from ${paths.length} Markdown files; every value may be changed (see the README).`;
  const problem = createFile(target, configText(inferred, header), boundary, force);
  if (problem) throw new InputError(`${target} not written: ${problem}`);
  const out = [`wrote ${target}`, ...inferred.recognised.map((r) => `  ${String(r.files).padStart(5)} files  ${r.pattern}`)];
  if (inferred.unrecognised.length) out.push(`  ${String(inferred.unrecognised.length).padStart(5)} files with a date in their name match no pattern:`, ...inferred.unrecognised.slice(0, 20).map((p) => `         ${p}`));
  if (inferred.unrecognised.length > 20) out.push(`         ... and ${inferred.unrecognised.length - 20} more`);
  const calendars = inferred.values.find((v) => v.key === 'calendars');
  if (calendars) out.push(`  calendars${calendars.commentedOut ? ' (proposed in a comment: their events link none of the series)' : ''}: ${(calendars.value as string[]).join(', ')}`);
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}


function main(argv: string[]): number | Promise<number> {
  let options;
  try {
    options = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        config: { type: 'string' },
        format: { type: 'string', default: 'text' },
        fix: { type: 'boolean', default: false },
        cache: { type: 'boolean', default: false },
        'cache-location': { type: 'string' },
        threads: { type: 'string' },
        init: { type: 'boolean', default: false },
        actions: { type: 'boolean', default: false },
        gaps: { type: 'boolean', default: false },
        today: { type: 'string' },
        import: { type: 'string' },
        series: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'download-images': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'suppress-all': { type: 'boolean', default: false },
        'prune-suppressions': { type: 'boolean', default: false },
        'suppressions-location': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = options;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const day = values.today === undefined ? localToday() : isoDate(values.today);
  if (!day) throw new UsageError(`--today must be a date written YYYY-MM-DD, not "${values.today}"`);
  if (values.init) return init(resolve(values.root ?? '.'), values.force);
  const format = values.format as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`--format must be ${FORMATS.join(', ')}, not "${values.format}"`);
  const root = resolve(values.root ?? '.');
  const loaded = loadConfigFile(root, values.config && resolve(values.config));
  if (loaded.errors.length) throw new InputError(`${loaded.path}: ${loaded.errors.join('; ')}`);

  if (values.gaps) {
    if (format === 'github') throw new UsageError('--gaps prints text or json');
    if (positionals.length) throw new UsageError('--gaps takes no PATH: it reads the whole repository');
    return repositoryGaps(root, loaded.config, day, feedReader()).then((gaps) => {
      if (gaps.problems.length) throw new InputError(gaps.problems.join('; '));
      process.stdout.write(`${format === 'json' ? JSON.stringify(gaps.missing, null, 2) : formatGapsText(gaps)}\n`);
      return 0;
    });
  }
  if (values.import !== undefined) {
    if (values.series === undefined) throw new UsageError('--import needs --series FOLDER');
    if (positionals.length) throw new UsageError('--import takes no PATH');
    return importPad({ source: values.import, series: values.series, root, config: loaded.config, today: day, dryRun: values['dry-run'] });
  }
  const paths = positionals.length ? positionals.map((p) => resolve(p)) : [root];
  for (const path of paths) {
    try {
      statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
  }
  if (values['download-images']) {
    if (format !== 'text') throw new UsageError('--download-images prints text');
    return downloadImages(collectMarkdownFiles(paths, root), root, loaded.config, values['dry-run']);
  }
  if (values.actions) {
    if (format === 'github') throw new UsageError('--actions prints text or json');
    const rows = actionRows(collectMarkdownFiles(paths, root), root, loaded.config, day);
    process.stdout.write(`${format === 'json' ? JSON.stringify(rows, null, 2) : formatActionsText(rows)}\n`);
    return 0;
  }
  const threads = values.threads === undefined ? undefined : Number(values.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 1 && threads <= 64)) throw new UsageError(`--threads must be a whole number from 1 to 64, not "${values.threads}"`);
  const fixes: FixReport = { fixed: 0, failed: 0 };
  const files = collectMarkdownFiles(paths, root);
  // Only --cache needs to know what each check read.
  const check = (some: string[]) => checkFilesInThreads(some, root, loaded, day, threadCount(some.length, threads), values.cache);
  const cacheOptions = { root, location: values['cache-location'], config: loaded, version: VERSION, day };
  // --fix checks afresh what it writes (cached findings never decide a write), in this thread: it writes files.
  const checking = values.fix ? Promise.resolve(lintFiles(files, root, loaded.config, true, day, fixes)) : values.cache ? lintWithCache(files, cacheOptions, check) : check(files);
  return checking.then((checked) => {
    const suppression = { root, location: values['suppressions-location'], suppressAll: values['suppress-all'], prune: values['prune-suppressions'], paths };
    const results = applySuppressionsFile(
      checked.filter((r) => r !== null),
      suppression,
    );
    const shown = format === 'json' ? results : withoutSuppressed(results);
    const output = format === 'json' ? formatJson(shown) : format === 'github' ? formatGithub(shown) : formatText(shown);
    if (output) process.stdout.write(`${output}\n`);
    if (values.fix && (fixes.fixed || fixes.failed)) process.stderr.write(`minutes-lint: --fix changed ${fixes.fixed} file(s)${fixes.failed ? `; ${fixes.failed} file(s) not fixed (see above)` : ''}\n`);
    // A fix that could not be written is a failure of the run, not a finding: exit 2, as CI must notice.
    if (fixes.failed) return 2;
    const failing = shown.some((r) => r.findings.some((f) => !f.suppressed && (f.severity === 'error' || f.severity === 'warning')));
    return failing ? 1 : 0;
  });
}

function fail(error: unknown): void {
  // One line and exit 2 for anything: a stack trace and exit 1 would read as "warnings found".
  if (error instanceof UsageError) process.stderr.write(`minutes-lint: ${error.message}\n${USAGE}\n`);
  else if (error instanceof InputError) process.stderr.write(`minutes-lint: ${error.message}\n`);
  else process.stderr.write(`minutes-lint: internal error: ${reason(error)}\n`);
  process.exitCode = 2;
}

// The bundle is also the checking thread of checkFilesInThreads.
if (!runCheckThread()) runCli();

function runCli(): void {
  try {
    const code = main(process.argv.slice(2));
    if (typeof code === 'number') process.exitCode = code;
    else code.then((c) => (process.exitCode = c), fail);
  } catch (error) {
    fail(error);
  }
}
