import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { lint, nonOverlapping, parseMinutes, preferredEdits, type MinutesConfig } from '../../server/src/core';
import { loadConfigFile } from '../../server/src/node/configFile';
import { applyEdits } from './applyEdits';
import { collectMarkdownFiles } from './files';
import { formatJson, formatText, type FileFindings } from './format';

const USAGE = 'usage: minutes-lint [--root DIR] [--config FILE] [--format text|json] [--fix] [PATH...]';
// Larger files are not minutes a person writes; reading them would only slow CI down.
const MAX_FILE_BYTES = 5 * 1024 * 1024;

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
  const results = collectMarkdownFiles(paths).flatMap((path) => lintFile(path, root, loaded.config, values.fix));
  const output = values.format === 'json' ? formatJson(results) : formatText(results);
  if (output) process.stdout.write(`${output}\n`);
  const failing = results.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
  return failing ? 1 : 0;
}

function lintFile(path: string, root: string, config: MinutesConfig, fix: boolean): FileFindings[] {
  const file = relative(root, path).split(sep).join('/');
  const text = readText(path);
  if (text === undefined) return [];
  const uri = pathToFileURL(path).toString();
  let findings = lint(parseMinutes({ uri, version: 1, text }, config), config);
  if (fix) {
    const edits = nonOverlapping(findings.flatMap((f) => preferredEdits(f) ?? []));
    if (edits.length) {
      const fixed = applyEdits(text, edits);
      writeFileSync(path, fixed);
      process.stderr.write(`${file}: fixed ${edits.length} problem(s)\n`);
      findings = lint(parseMinutes({ uri, version: 2, text: fixed }, config), config);
    }
  }
  return [{ file, findings }];
}

/** The file's text, or undefined (with a note on stderr) for what is not a text file we should read. */
function readText(path: string): string | undefined {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) {
    process.stderr.write(`${path}: skipped, ${size} bytes is larger than minutes files get\n`);
    return undefined;
  }
  const bytes = readFileSync(path);
  if (bytes.includes(0)) {
    process.stderr.write(`${path}: skipped, not a text file\n`);
    return undefined;
  }
  return bytes.toString('utf8');
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`minutes-lint: ${error.message}\n${USAGE}\n`);
  process.exitCode = 2;
}

