import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigFile } from '../../server/src/node/configFile';
import { collectMarkdownFiles } from './files';
import { formatJson, formatText } from './format';
import { lintFiles } from './lintFiles';

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
  const results = lintFiles(collectMarkdownFiles(paths), root, loaded.config, values.fix).filter((r) => r !== null);
  const output = values.format === 'json' ? formatJson(results) : formatText(results);
  if (output) process.stdout.write(`${output}\n`);
  const failing = results.some((r) => r.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
  return failing ? 1 : 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`minutes-lint: ${error.message}\n${USAGE}\n`);
  process.exitCode = 2;
}

