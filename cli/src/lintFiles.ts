import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isIgnored, lint, nonOverlapping, parseMinutesForLint, preferredEdits, type CalendarDate, type Finding, type CheckedModel, type MinutesConfig, type MinutesWorkspace } from '../../server/src/core';
import { fileWorkspace, isUtf8Text, readMinutesText } from '../../server/src/node/fileWorkspace';
import { today } from '../../server/src/core/calendar/today';
import { applyEdits } from './applyEdits';
import type { FileFindings } from './format';

/** One checked file: where it is, its text as read, and what was found in it. */
interface Checked extends FileFindings {
  path: string;
  text: string;
}

/**
 * Lints files of the repository at `root`: one result per path, null for a skipped or ignored file.
 * With `fix`, every file is checked first, against the repository as it is, and only then are the
 * preferred fixes of those findings applied (the very `fix` that `--format json` reports); the
 * result is then what a fresh check of the fixed repository finds. `day` is the user's today.
 */
export function lintFiles(paths: string[], root: string, config: MinutesConfig, fix: boolean, day: CalendarDate = today()): Array<FileFindings | null> {
  const checked = checkAll(paths, root, config, day);
  if (!fix) return checked;
  const renamed = new Map<string, string>();
  for (const result of checked) {
    const newPath = result && applyFixes(result);
    if (result && newPath) renamed.set(result.path, newPath);
  }
  return checkAll(
    paths.map((p) => renamed.get(p) ?? p),
    root,
    config,
    day,
  );
}

function checkAll(paths: string[], root: string, config: MinutesConfig, day: CalendarDate): Array<Checked | null> {
  const workspace = fileWorkspace(root, config);
  return paths.map((path) => check(path, root, config, workspace, day));
}

function check(path: string, root: string, config: MinutesConfig, workspace: MinutesWorkspace, day: CalendarDate): Checked | null {
  const file = relative(root, path).split(sep).join('/');
  if (isIgnored(config, file)) return null;
  const text = readMinutesText(path, (p, reason) => process.stderr.write(`${p}: ${reason}\n`));
  if (text === undefined) return null;
  const findings = lint(modelForLint(file, text, pathToFileURL(path).toString(), config, workspace), config, { workspace, today: day });
  return { path, file, text, findings };
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

/** Applies a file's preferred fixes (text edits, then a rename of a misnamed file); returns the new path if renamed. */
function applyFixes({ path, file, text, findings }: Checked): string | undefined {
  const edits = nonOverlapping(findings.flatMap((f: Finding) => preferredEdits(f) ?? []));
  const rename = findings.flatMap((f) => f.fixes ?? []).find((f) => f.preferred && f.renameTo);
  if (!edits.length && !rename) return undefined;
  if (!isUtf8Text(path)) {
    process.stderr.write(`${file}: not fixed: the file is not UTF-8, and writing it back would change characters outside the fixes\n`);
    return undefined;
  }
  if (edits.length) {
    writeFileSync(path, applyEdits(text, edits));
    process.stderr.write(`${file}: fixed ${edits.length} problem(s)\n`);
  }
  const target = rename && join(dirname(path), rename.renameTo!);
  if (!target || existsSync(target)) return undefined;
  renameSync(path, target);
  process.stderr.write(`${file}: renamed to ${rename.renameTo}\n`);
  return target;
}
