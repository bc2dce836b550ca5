import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { CalendarDate, ConfigFile, Finding } from '../../server/src/core';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { createFile } from '../../server/src/node/safeWrite';
import type { FileFindings } from './format';
import { readableHash, repositoryFingerprint } from './repositoryKey';
import { UsageError } from './usageError';

export const CACHE_FILE_NAME = '.minutes-lint-cache';
/** Changes whenever what the cache holds changes shape: an older file is then rebuilt. */
const CACHE_FORMAT = 'minutes-lint-cache/3';
/** A cache file larger than this is not ours (or not worth reading): it is rebuilt. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** The cache as written: each distinct list of files read is written once (a series' minutes mostly read the same). */
interface CacheFile {
  format: typeof CACHE_FORMAT;
  key: string;
  /** By path relative to the root: the content hash (null: none could be read) of every file a cached check read. */
  read: Record<string, string | null>;
  /** Lists of files (paths relative to the root) that checks read. */
  sets: string[][];
  /** By path relative to the root: the content hash the findings were made from, and what the check read (in `sets`). */
  files: Record<string, { hash: string; findings: Finding[]; reads: number }>;
}

interface CachedFile {
  hash: string;
  findings: Finding[];
  read: string[];
}

interface Cache {
  key: string;
  read: Record<string, string | null>;
  files: Record<string, CachedFile>;
}

/** A file as checked: its findings, and the files of the repository (relative paths) its check depends on. */
export interface CheckedFile extends FileFindings {
  read: string[];
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
 * `--cache`: a file's findings are taken from the cache file while the repository has the same key
 * (see repositoryFingerprint: the version, config, day and file names), the file the same content,
 * and every file its check read (see ReadTrackingWorkspace) the same content; only the others are
 * checked (`check`), and the cache is then written again. A cache file that cannot be read or is not
 * one is rebuilt.
 */
export async function lintWithCache(paths: string[], options: CacheOptions, check: (paths: string[]) => Promise<Array<CheckedFile | null>>): Promise<Array<FileFindings | null>> {
  const location = cachePath(options.root, options.location);
  const inputs = { format: CACHE_FORMAT, version: options.version, root: options.root, day: options.day, config: options.config.config, configText: options.config.text ?? null };
  const { key, hashes } = repositoryFingerprint(options.root, inputs, location);
  const hashOf = currentHashes(options.root, hashes);
  const previous = readCache(location, options.root);
  const known = previous?.key === key ? previous : undefined;
  const files = new Map(paths.map((path) => [path, relative(options.root, path).split(sep).join('/')]));
  // Many entries share one list (see CacheFile): each list is compared once.
  const unchanged = new Map<string[], boolean>();
  const stillRead = (read: string[]) => unchanged.get(read) ?? unchanged.set(read, read.every((file) => known!.read[file] === (hashOf(file) ?? null))).get(read)!;
  const cached = (file: string) => {
    const entry = known?.files[file];
    return entry && entry.hash === hashOf(file) && stillRead(entry.read) ? entry : undefined;
  };
  const reused = new Map<string, CachedFile>();
  for (const path of paths) {
    const entry = cached(files.get(path)!);
    if (entry) reused.set(path, entry);
  }
  const unknown = paths.filter((path) => !reused.has(path));
  // Nothing to check: no need to read the repository for the checks.
  const fresh = unknown.length ? await check(unknown) : [];
  const next: Cache = { key, read: {}, files: {} };
  const keep = (file: string, entry: CachedFile) => {
    next.files[file] = entry;
    for (const read of entry.read) next.read[read] = hashOf(read) ?? null;
  };
  // Entries of files not checked this time stay, if still right: a later run with them may use them.
  const asked = new Set(files.values());
  for (const [file, entry] of Object.entries(known?.files ?? {})) if (!asked.has(file) && cached(file)) keep(file, entry);
  const results: Array<FileFindings | null> = [];
  for (const path of paths) {
    const entry = reused.get(path);
    if (entry) {
      results.push({ file: files.get(path)!, findings: entry.findings });
      keep(files.get(path)!, entry);
      continue;
    }
    const result = fresh.shift() ?? null;
    results.push(result && { file: result.file, findings: result.findings });
    const hash = hashOf(files.get(path)!);
    // A file that was skipped (ignored, unreadable) is checked again each time: it costs nothing and says why.
    if (result && hash) keep(result.file, { hash, findings: result.findings, read: result.read });
  }
  if (unknown.length || !known || Object.keys(next.files).length !== Object.keys(known.files).length) writeCache(location, options.root, next);
  return results;
}

/** The content hash of a file now (memoized), from the fingerprint's or read. */
function currentHashes(root: string, hashes: Map<string, string>): (file: string) => string | undefined {
  const boundary = new RepositoryBoundary(root);
  const others = new Map<string, string | undefined>();
  return (file) => {
    const known = hashes.get(file);
    if (known !== undefined) return known;
    // A path a check read may come from a link's text: what lies outside the root is never read, by the checks either.
    if (!others.has(file)) others.set(file, boundary.contains(join(root, file)) ? readableHash(join(root, file)) : undefined);
    return others.get(file);
  };
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

/** The cache as written by this format, or undefined: missing, unreadable, corrupt or foreign files are rebuilt. */
function readCache(location: string, root: string): Cache | undefined {
  try {
    const entry = statSync(location);
    if (!entry.isFile() || entry.size > MAX_CACHE_BYTES || !new RepositoryBoundary(root).contains(location)) return undefined;
    const parsed = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile> | null;
    if (parsed?.format !== CACHE_FORMAT || typeof parsed.key !== 'string' || !isRecord(parsed.files) || !isRecord(parsed.read) || !Array.isArray(parsed.sets)) return undefined;
    const { read, sets } = parsed;
    if (!Object.values(read).every((h) => typeof h === 'string' || h === null)) return undefined;
    if (!sets.every((set) => Array.isArray(set) && set.every((file) => typeof file === 'string' && Object.hasOwn(read, file)))) return undefined;
    const files: Record<string, CachedFile> = {};
    for (const [file, f] of Object.entries(parsed.files)) {
      if (!isRecord(f) || typeof f.hash !== 'string' || !Array.isArray(f.findings) || !Number.isInteger(f.reads) || !sets[f.reads]) return undefined;
      files[file] = { hash: f.hash, findings: f.findings, read: sets[f.reads] };
    }
    return { key: parsed.key, read, files };
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Atomically, inside the root; a cache that cannot be written costs the next run time, nothing more. */
function writeCache(location: string, root: string, cache: Cache): void {
  const sets: string[][] = [];
  const setOf = new Map<string, number>();
  const files: CacheFile['files'] = {};
  for (const [file, { hash, findings, read }] of Object.entries(cache.files)) {
    const key = read.join('\n');
    if (!setOf.has(key)) setOf.set(key, sets.push(read) - 1);
    files[file] = { hash, findings, reads: setOf.get(key)! };
  }
  const written: CacheFile = { format: CACHE_FORMAT, key: cache.key, read: cache.read, sets, files };
  const problem = createFile(location, JSON.stringify(written), new RepositoryBoundary(root), true);
  if (problem) process.stderr.write(`minutes-lint: cache not written to ${location}: ${problem}\n`);
}
