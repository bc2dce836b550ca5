import { existsSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { lint, nonOverlapping, parseMinutes, preferredEdits, type Finding, type MinutesConfig, type MinutesWorkspace } from '../../server/src/core';
import { loadConfigFile } from '../../server/src/node/configFile';
import { fileWorkspace, readMinutesText } from '../../server/src/node/fileWorkspace';
import { applyEdits } from './applyEdits';
import { collectMarkdownFiles } from './files';
import { formatJson, formatText, type FileFindings } from './format';

const USAGE = 'usage: minutes-lint [--root DIR] [--config FILE] [--format text|json] [--fix] [PATH...]';

class UsageError extends Error {}

function main(argv: string[]): number {
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
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = options;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.format !== 'text' && values.format !== 'json') throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const root = resolve(values.root ?? '.');
  const loaded = loadConfigFile(root, values.config && resolve(values.config));
  if (loaded.errors.length) throw new UsageError(`${loaded.path}: ${loaded.errors.join('; ')}`);

  const paths = positionals.length ? positionals.map((p) => resolve(p)) : [root];
  for (const path of paths) {
    try {
      statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
  }
  const workspace = fileWorkspace(root, loaded.config);
  const results = collectMarkdownFiles(paths).flatMap((path) => lintFile(path, root, loaded.config, workspace, values.fix));
  const output = values.format === 'json' ? formatJson(results) : formatText(results);
  if (output) process.stdout.write(`${output}\n`);
  const failing = results.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
  return failing ? 1 : 0;
}

function lintFile(path: string, root: string, config: MinutesConfig, workspace: MinutesWorkspace, fix: boolean): FileFindings[] {
  const file = relative(root, path).split(sep).join('/');
  const text = readMinutesText(path, (p, reason) => process.stderr.write(`${p}: ${reason}\n`));
  if (text === undefined) return [];
  const uri = pathToFileURL(path).toString();
  const findings = lint(parseMinutes({ uri, version: 1, text }, config), config, { workspace });
  return [{ file, findings: fix ? applyFixes(path, file, text, findings, config, workspace) : findings }];
}

/** Applies the preferred fixes (text edits, or a rename of a misnamed file) and lints the result again. */
function applyFixes(path: string, file: string, text: string, findings: Finding[], config: MinutesConfig, workspace: MinutesWorkspace): Finding[] {
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
    process.stderr.write(`${file}: renamed to ${rename.renameTo}\n`);
  }
  if (fixedText === text && fixedPath === path) return findings;
  return lint(parseMinutes({ uri: pathToFileURL(fixedPath).toString(), version: 2, text: fixedText }, config), config, { workspace });
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`minutes-lint: ${error.message}\n${USAGE}\n`);
  process.exitCode = 2;
}

