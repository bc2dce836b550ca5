import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isIgnored, lint, nonOverlapping, parseMinutesForLint, preferredEdits, type CalendarDate, type Finding, type CheckedModel, type MinutesConfig, type MinutesWorkspace, today } from '../../server/src/core';
import { isUtf8 } from '../../server/src/node/fileWorkspace';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { renameWithin } from '../../server/src/node/safeRename';
import { replaceFileIfUnchanged } from '../../server/src/node/safeWrite';
import { fixedBytes } from './applyEdits';
import type { CheckedFile } from './cache';
import type { FileFindings } from './format';
import { ReadTrackingWorkspace } from './readTracking';

/** One checked file: where it is, its text as read (without a byte order mark), its bytes, what was found in it, and what its check read. */
interface Checked extends CheckedFile {
  path: string;
  text: string;
  bytes: Buffer;
  bom: boolean;
}

/** What `--fix` did: files changed, and files it meant to change but did not (with why). */
export interface FixReport {
  fixed: number;
  failed: number;
}

/**
 * Lints files of the repository at `root`: one result per path, null for a skipped or ignored file.
 * With `fix`, every file is checked first, against the repository as it is, and only then are the
 * preferred fixes of those findings applied (the very `fix` that `--format json` reports); the
 * result is then what a fresh check of the fixed repository finds. `day` is the user's today.
 */
export function lintFiles(paths: string[], root: string, config: MinutesConfig, fix: boolean, day: CalendarDate = today(), report?: FixReport): Array<FileFindings | null> {
  const checked = checkFiles(paths, root, config, day);
  if (!fix) return checked;
  const boundary = new RepositoryBoundary(root);
  const renamed = new Map<string, string>();
  for (const result of checked) {
    if (!result) continue;
    const outcome = applyFixes(result, boundary);
    if (outcome.renamedTo) renamed.set(result.path, outcome.renamedTo);
    if (report && outcome.changed) report.fixed++;
    if (report && outcome.failed) report.failed++;
  }
  return checkFiles(
    paths.map((p) => renamed.get(p) ?? p),
    root,
    config,
    day,
  );
}

/**
 * Checks files against the repository at `root` as it is, without fixing anything; `report` hears of
 * files skipped (one line each). With `track`, each result lists the files its check read (for `--cache`).
 */
export function checkFiles(paths: string[], root: string, config: MinutesConfig, day: CalendarDate, report: (line: string) => void = (line) => process.stderr.write(line), track = false): Array<Checked | null> {
  const workspace = new ReadTrackingWorkspace(root, config, undefined, track);
  return paths.map((path) => check(path, root, config, workspace, day, report));
}

function check(path: string, root: string, config: MinutesConfig, workspace: ReadTrackingWorkspace, day: CalendarDate, report: (line: string) => void): Checked | null {
  const file = relative(root, path).split(sep).join('/');
  if (isIgnored(config, file)) return null;
  const read = workspace.disk.read(path, (p, reason) => report(`${p}: ${reason}\n`));
  if (read === undefined) return null;
  const model = workspace.readingOwnFile(() => modelForLint(file, read.text, pathToFileURL(path).toString(), config, workspace));
  const checked = workspace.checking(() => lint(model, config, { workspace, today: day }));
  return { path, file, text: read.text, bytes: read.bytes, bom: read.bom, findings: checked.result, read: [...checked.read].sort() };
}

/**
 * The model a check of the whole repository needs, parsed once for the check and the repository's
 * own reading: a roll-up whole, team minutes as far as their headings (see parseMinutesOutline).
 */
function modelForLint(file: string, text: string, uri: string, config: MinutesConfig, workspace: MinutesWorkspace): CheckedModel {
  const shared = workspace.index.has(file) && workspace.readText(file) === text;
  const outline = shared ? workspace.outline(file) : undefined;
  if (outline && outline.kind !== 'weekly') return outline;
  const model = shared ? workspace.model(file) : undefined;
  return model ?? parseMinutesForLint({ uri, version: 1, text }, config);
}

interface FixOutcome {
  changed: boolean;
  failed: boolean;
  renamedTo?: string;
}

/**
 * Applies a file's preferred fixes (text edits, then a rename of a misnamed file), each reported
 * on stderr in one line: what was done, or what was not and why.
 */
function applyFixes({ path, file, text, bytes, bom, findings }: Checked, boundary: RepositoryBoundary): FixOutcome {
  const edits = nonOverlapping(findings.flatMap((f: Finding) => preferredEdits(f) ?? []));
  const rename = findings.flatMap((f) => f.fixes ?? []).find((f) => f.preferred && f.renameTo);
  const outcome: FixOutcome = { changed: false, failed: false };
  if (!edits.length && !rename) return outcome;
  const notFixed = (why: string) => {
    process.stderr.write(`${file}: not fixed: ${why}\n`);
    outcome.failed = true;
    return outcome;
  };
  if (!isUtf8(bytes)) return notFixed('the file is not UTF-8, and writing it back would change characters outside the fixes');
  if (edits.length) {
    const problem = replaceFileIfUnchanged(path, bytes, fixedBytes({ text, bom }, edits), boundary);
    if (problem) return notFixed(problem);
    process.stderr.write(`${file}: fixed ${edits.length} problem(s)\n`);
    outcome.changed = true;
  }
  if (!rename) return outcome;
  const target = join(dirname(path), rename.renameTo!);
  const problem = renameWithin(path, target, boundary);
  if (problem) return notFixed(`not renamed to ${rename.renameTo}: ${problem}`);
  process.stderr.write(`${file}: renamed to ${rename.renameTo}\n`);
  return { ...outcome, changed: true, renamedTo: target };
}
