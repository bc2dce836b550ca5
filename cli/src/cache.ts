import { relative, resolve, sep } from 'node:path';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { CACHE_FORMAT, cacheOf, currentHashes, defaultCachePath, filesOf, keyInputs, readCache, stillValid, type Cache, type CachedFile, type CacheEntry, type CacheInputs } from '../../server/src/node/lintCache';
import { repositoryFingerprint } from '../../server/src/node/repositoryKey';
import { createFile } from '../../server/src/node/safeWrite';
import type { FileFindings } from './format';
import { UsageError } from './usageError';

/** A file as checked: its findings, and the files of the repository (relative paths) its check depends on. */
export interface CheckedFile extends FileFindings {
  read: string[];
}

export interface CacheOptions extends CacheInputs {
  /** `--cache-location`, as given (relative to the current folder). */
  location?: string;
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
  const { key, hashes } = repositoryFingerprint(options.root, keyInputs(options), location);
  const hashOf = currentHashes(options.root, hashes);
  const previous = readCache(location, options.root);
  const known = previous?.key === key ? previous : undefined;
  const files = new Map(paths.map((path) => [path, relative(options.root, path).split(sep).join('/')]));
  const valid = known && stillValid(known, hashOf);
  const cached = (file: string) => valid?.(file);
  const reused = new Map<string, CachedFile>();
  for (const path of paths) {
    const entry = cached(files.get(path)!);
    if (entry) reused.set(path, entry);
  }
  const unknown = paths.filter((path) => !reused.has(path));
  // Nothing to check: no need to read the repository for the checks.
  const fresh = unknown.length ? await check(unknown) : [];
  const next = new Map<string, CacheEntry>();
  // A kept entry's list, as files again (once per list: many entries share one).
  const listed = new Map<number, string[]>();
  const keep = (file: string, entry: CachedFile) => {
    const read = listed.get(entry.reads) ?? listed.set(entry.reads, filesOf(known!, entry.reads)).get(entry.reads)!;
    next.set(file, { hash: entry.hash, findings: entry.findings, read });
  };
  // Entries of files not checked this time stay, if still right: a later run with them may use them.
  const asked = new Set(files.values());
  for (const file of Object.keys(known?.files ?? {})) {
    const entry = asked.has(file) ? undefined : cached(file);
    if (entry) keep(file, entry);
  }
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
    if (result && hash) next.set(result.file, { hash, findings: result.findings, read: result.read });
  }
  if (unknown.length || !known || next.size !== Object.keys(known.files).length) writeCache(location, options.root, cacheOf(key, next, hashOf));
  return results;
}

/** Where the cache is: ROOT/.minutes-lint-cache or the given file, which must lie inside the root. */
function cachePath(root: string, given: string | undefined): string {
  const location = given === undefined ? defaultCachePath(root) : resolve(given);
  const boundary = new RepositoryBoundary(root);
  if (location === boundary.root || !boundary.lexicallyContains(location) || boundary.writeProblem(location)) {
    throw new UsageError(`--cache-location must be a file inside the root ${root}, not ${location}`);
  }
  // A Markdown file would be checked, and read by the checks, as minutes.
  if (location.toLowerCase().endsWith('.md')) throw new UsageError(`--cache-location must not be a Markdown file: ${location}`);
  return location;
}

/** Atomically, inside the root; a cache that cannot be written costs the next run time, nothing more. */
function writeCache(location: string, root: string, cache: Cache): void {
  const problem = createFile(location, JSON.stringify({ format: CACHE_FORMAT, ...cache }), new RepositoryBoundary(root), true);
  if (problem) process.stderr.write(`minutes-lint: cache not written to ${location}: ${problem}\n`);
}
