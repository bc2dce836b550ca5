import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import type { CalendarDate, ConfigFile, Finding } from '../../server/src/core';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { createFile } from '../../server/src/node/safeWrite';
import type { FileFindings } from './format';
import { contentHash, repositoryFingerprint } from './repositoryKey';
import { UsageError } from './usageError';

export const CACHE_FILE_NAME = '.minutes-lint-cache';
/** Changes whenever what the cache holds changes shape: an older file is then rebuilt. */
const CACHE_FORMAT = 'minutes-lint-cache/1';
/** A cache file larger than this is not ours (or not worth reading): it is rebuilt. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

interface CacheFile {
  format: typeof CACHE_FORMAT;
  key: string;
  /** By path relative to the root: the content hash the findings were made from. */
  files: Record<string, { hash: string; findings: Finding[] }>;
}

export interface CacheOptions {
  root: string;
  /** `--cache-location`, as given (relative to the current folder). */
  location?: string;
  config: ConfigFile;
  version: string;
  day: CalendarDate;
}

/**
 * `--cache`: the findings of files checked before, against a repository with the same key (see
 * repositoryFingerprint), are taken from the cache file; only the others are checked (`lint`), and
 * the cache is then written again. A cache file that cannot be read or is not one is rebuilt.
 */
export function lintWithCache(paths: string[], options: CacheOptions, lint: (paths: string[]) => Array<FileFindings | null>): Array<FileFindings | null> {
  const location = cachePath(options.root, options.location);
  const inputs = { format: CACHE_FORMAT, version: options.version, root: options.root, day: options.day, config: options.config.config, configText: options.config.text ?? null };
  const { key, hashes } = repositoryFingerprint(options.root, inputs, location);
  const previous = readCache(location, options.root);
  const known = previous?.key === key ? previous.files : {};
  const files = new Map(paths.map((path) => [path, relative(options.root, path).split(sep).join('/')]));
  const hashOf = (path: string) => hashes.get(files.get(path)!) ?? fileHash(path);
  const hashed = new Map(paths.map((path) => [path, hashOf(path)]));
  const cached = (path: string) => {
    const entry = known[files.get(path)!];
    return entry && entry.hash === hashed.get(path) ? entry : undefined;
  };
  const unknown = paths.filter((path) => !cached(path));
  // Nothing to check: no need to read the repository for the checks.
  const fresh = unknown.length ? lint(unknown) : [];
  const results: Array<FileFindings | null> = [];
  const next: CacheFile = { format: CACHE_FORMAT, key, files: { ...known } };
  let changed = previous?.key !== key;
  for (const path of paths) {
    const entry = cached(path);
    if (entry) {
      results.push({ file: files.get(path)!, findings: entry.findings });
      continue;
    }
    const result = fresh.shift() ?? null;
    results.push(result);
    const hash = hashed.get(path);
    // A file that was skipped (ignored, unreadable) is checked again each time: it costs nothing and says why.
    if (result && hash) {
      next.files[result.file] = { hash, findings: result.findings };
      changed = true;
    }
  }
  if (changed) writeCache(location, options.root, next);
  return results;
}

/** Where the cache is: ROOT/.minutes-lint-cache or the given file, which must lie inside the root. */
function cachePath(root: string, given: string | undefined): string {
  const location = given === undefined ? resolve(root, CACHE_FILE_NAME) : resolve(given);
  const boundary = new RepositoryBoundary(root);
  if (location === boundary.root || !boundary.lexicallyContains(location) || boundary.writeProblem(location)) {
    throw new UsageError(`--cache-location must be a file inside the root ${root}, not ${location}`);
  }
  // A Markdown file would be checked, and read by the checks, as minutes.
  if (location.toLowerCase().endsWith('.md')) throw new UsageError(`--cache-location must not be a Markdown file: ${location}`);
  return location;
}

function fileHash(path: string): string | undefined {
  try {
    return contentHash(readFileSync(path));
  } catch {
    return undefined;
  }
}

/** The cache as written by this format, or undefined: missing, unreadable, corrupt or foreign files are rebuilt. */
function readCache(location: string, root: string): CacheFile | undefined {
  try {
    const entry = statSync(location);
    if (!entry.isFile() || entry.size > MAX_CACHE_BYTES || !new RepositoryBoundary(root).contains(location)) return undefined;
    const parsed = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile> | null;
    if (parsed?.format !== CACHE_FORMAT || typeof parsed.key !== 'string' || !isRecord(parsed.files)) return undefined;
    const valid = Object.values(parsed.files).every((f) => isRecord(f) && typeof f.hash === 'string' && Array.isArray(f.findings));
    return valid ? (parsed as CacheFile) : undefined;
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Atomically, inside the root; a cache that cannot be written costs the next run time, nothing more. */
function writeCache(location: string, root: string, cache: CacheFile): void {
  const problem = createFile(location, JSON.stringify(cache), new RepositoryBoundary(root), true);
  if (problem) process.stderr.write(`minutes-lint: cache not written to ${location}: ${problem}\n`);
}
