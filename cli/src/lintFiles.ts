import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint, nonOverlapping, parseMinutes, parseMinutesForLint, preferredEdits, type Finding, type MinutesConfig, type MinutesWorkspace } from '../../server/src/core';
import { fileWorkspace, isUtf8Text, readMinutesText } from '../../server/src/node/fileWorkspace';
import { applyEdits } from './applyEdits';
import type { FileFindings } from './format';

/** Lints files of the repository at `root` (fixing them with `fix`): one result per path, null for a skipped file. */
export function lintFiles(paths: string[], root: string, config: MinutesConfig, fix: boolean): Array<FileFindings | null> {
  const workspace = fileWorkspace(root, config);
  return paths.map((path) => lintFile(path, root, config, workspace, fix));
}

function lintFile(path: string, root: string, config: MinutesConfig, workspace: MinutesWorkspace, fix: boolean): FileFindings | null {
  const file = relative(root, path).split(sep).join('/');
  const text = readMinutesText(path, (p, reason) => process.stderr.write(`${p}: ${reason}\n`));
  if (text === undefined) return null;
  const uri = pathToFileURL(path).toString();
  const findings = lint(parseMinutesForLint({ uri, version: 1, text }, config), config, { workspace });
  return { file, findings: fix ? applyFixes(path, file, text, findings, config, workspace) : findings };
}

/** Applies the preferred fixes (text edits, or a rename of a misnamed file) and lints the result again. */
function applyFixes(path: string, file: string, text: string, findings: Finding[], config: MinutesConfig, workspace: MinutesWorkspace): Finding[] {
  if (!isUtf8Text(path)) {
    process.stderr.write(`${file}: not fixed: the file is not UTF-8, and writing it back would change characters outside the fixes\n`);
    return findings;
  }
  const edits = nonOverlapping(findings.flatMap((f) => preferredEdits(f) ?? []));
  let fixedText = text;
  if (edits.length) {
    fixedText = applyEdits(text, edits);
    writeFileSync(path, fixedText);
    workspace.fileChanged(file);
    process.stderr.write(`${file}: fixed ${edits.length} problem(s)\n`);
  }
  let fixedPath = path;
  const rename = findings.flatMap((f) => f.fixes ?? []).find((f) => f.preferred && f.renameTo);
  if (rename && !existsSync(join(dirname(path), rename.renameTo!))) {
    fixedPath = join(dirname(path), rename.renameTo!);
    renameSync(path, fixedPath);
    const renamed = file.replace(/[^/]*$/u, rename.renameTo!);
    workspace.fileDeleted(file);
    workspace.fileCreated(renamed);
    process.stderr.write(`${file}: renamed to ${rename.renameTo}\n`);
  }
  if (fixedText === text && fixedPath === path) return findings;
  return lint(parseMinutes({ uri: pathToFileURL(fixedPath).toString(), version: 2, text: fixedText }, config), config, { workspace });
}
