import { existsSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { markSuppressed, parseSuppressions, pruneSuppressions, suppressAll, suppressionsText, SUPPRESSIONS_FILE_NAME, type Suppressions } from '../../server/src/core';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { readBounded } from '../../server/src/node/readBounded';
import { createFile, reason } from '../../server/src/node/safeWrite';
import type { FileFindings } from './format';
import { UsageError } from './usageError';

export interface SuppressionOptions {
  root: string;
  /** `--suppressions-location`, as given (relative to the current folder). */
  location?: string;
  suppressAll: boolean;
  prune: boolean;
  /** The files and folders the run checked (absolute): what `--prune-suppressions` may prune. */
  paths: string[];
}

/**
 * Applies the suppressions file to a run's findings (marking those it covers `suppressed`), after
 * writing it first when asked: `--suppress-all` records the findings as they are,
 * `--prune-suppressions` drops what no longer occurs. Only the checked files' entries change.
 */
export function applySuppressionsFile(results: FileFindings[], options: SuppressionOptions): FileFindings[] {
  if (options.suppressAll && options.prune) throw new UsageError('--suppress-all and --prune-suppressions do not go together');
  const boundary = new RepositoryBoundary(options.root);
  const location = suppressionsPath(boundary, options.location);
  const shown = relative(process.cwd(), location) || location;
  const existing = readSuppressionsFile(location, shown);
  const covers = (file: string) => options.paths.some((p) => isWithin(p, resolve(options.root, file)));
  let suppressions = existing ?? {};
  if (options.suppressAll || options.prune) {
    suppressions = options.suppressAll ? suppressAll(suppressions, results) : pruneSuppressions(suppressions, results, covers);
    if (existing !== undefined || options.suppressAll) {
      writeSuppressionsFile(location, shown, suppressions, boundary);
      const files = Object.values(suppressions).filter((rules) => Object.keys(rules).length).length;
      process.stderr.write(`${shown}: ${total(suppressions)} finding(s) in ${files} file(s) suppressed\n`);
    }
  }
  const marked = results.map((r) => ({ ...r, findings: markSuppressed(r.file, r.findings, suppressions) }));
  const stale = options.prune || options.suppressAll ? 0 : total(suppressions) - total(pruneSuppressions(suppressions, results, covers));
  if (stale > 0) process.stderr.write(`${shown}: ${stale} suppressed finding(s) no longer occur; --prune-suppressions drops them\n`);
  return marked;
}

/** The results without suppressed findings: what text and annotations show. */
export function withoutSuppressed(results: FileFindings[]): FileFindings[] {
  return results.map((r) => ({ ...r, findings: r.findings.filter((f) => !f.suppressed) }));
}

/** Where the suppressions file is: ROOT/minutes-suppressions.json or the given location, which must stay inside the root (also through symbolic links). */
function suppressionsPath(boundary: RepositoryBoundary, given: string | undefined): string {
  const location = given === undefined ? resolve(boundary.root, SUPPRESSIONS_FILE_NAME) : resolve(given);
  // In a folder that does not exist nothing is read, and a write fails there: only a real folder is judged.
  if (location === boundary.root || !boundary.lexicallyContains(location) || (existsSync(dirname(location)) && boundary.writeProblem(location))) {
    throw new UsageError(`--suppressions-location must be a file inside the root ${boundary.root}, not ${location}`);
  }
  return location;
}

/** A suppressions file counts findings per file and rule: far smaller than this for any repository. */
const MAX_SUPPRESSIONS_BYTES = 64 * 1024 * 1024;

/** The file's suppressions, undefined when there is no file; a file that is not one is a usage error. */
function readSuppressionsFile(location: string, shown: string): Suppressions | undefined {
  let text: string;
  try {
    text = readBounded(location, MAX_SUPPRESSIONS_BYTES);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(`${shown}: cannot be read (${(error as NodeJS.ErrnoException).code ?? reason(error)})`);
  }
  const parsed = parseSuppressions(text);
  if ('error' in parsed) throw new UsageError(`${shown}: not a suppressions file: ${parsed.error}`);
  return parsed.suppressions;
}

/** Atomic (a temporary file in the same folder, renamed over it): an interrupted run leaves the old file whole. */
function writeSuppressionsFile(location: string, shown: string, suppressions: Suppressions, boundary: RepositoryBoundary): void {
  const problem = createFile(location, suppressionsText(suppressions), boundary, true);
  if (problem) throw new UsageError(`${shown}: cannot be written (${problem})`);
}

function isWithin(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (!isAbsolute(rel) && rel !== '..' && !rel.startsWith(`..${sep}`));
}

function total(suppressions: Suppressions): number {
  return Object.values(suppressions).reduce((n, rules) => n + Object.values(rules).reduce((m, r) => m + r.count, 0), 0);
}
