import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CalendarDate, ConfigFile, Finding } from '../core';
import { RepositoryBoundary } from './boundary';
import { readableHash } from './repositoryKey';

// `minutes-lint --cache`'s file, read by the CLI (cli/src/cache.ts, which writes it) and by the
// server (cachedFindings.ts, which reuses its findings at start-up): what it holds is defined here.

export const CACHE_FILE_NAME = '.minutes-lint-cache';
/** Changes whenever what the cache holds changes shape: an older file is then rebuilt. */
export const CACHE_FORMAT = 'minutes-lint-cache/3';
/** A cache file larger than this is not ours (or not worth reading): it is rebuilt. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/** The cache as written: each distinct list of files read is written once (a series' minutes mostly read the same). */
export interface CacheFile {
  format: typeof CACHE_FORMAT;
  key: string;
  /** By path relative to the root: the content hash (null: none could be read) of every file a cached check read. */
  read: Record<string, string | null>;
  /** Lists of files (paths relative to the root) that checks read. */
  sets: string[][];
  /** By path relative to the root: the content hash the findings were made from, and what the check read (in `sets`). */
  files: Record<string, { hash: string; findings: Finding[]; reads: number }>;
}

export interface CachedFile {
  hash: string;
  findings: Finding[];
  read: string[];
}

export interface Cache {
  key: string;
  read: Record<string, string | null>;
  files: Record<string, CachedFile>;
}

/** What the findings of every file depend on besides file contents and names: the cache's key is made of it (see repositoryFingerprint). */
export interface CacheInputs {
  version: string;
  root: string;
  day: CalendarDate;
  config: Pick<ConfigFile, 'config' | 'text'>;
}

/** The inputs as hashed into the key: one shape for the CLI and the server, so that each finds the other's entries. */
export function keyInputs({ version, root, day, config }: CacheInputs): unknown {
  return { format: CACHE_FORMAT, version, root, day, config: config.config, configText: config.text ?? null };
}

/** The cache as written by this format, or undefined: missing, unreadable, corrupt or foreign files are rebuilt. */
export function readCache(location: string, root: string): Cache | undefined {
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

/** The content hash of a file now (memoized), from the fingerprint's or read. */
export function currentHashes(root: string, hashes: Map<string, string>): (file: string) => string | undefined {
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

/**
 * A cache's entries that still hold (see lintWithCache): the file has the same content, and so has
 * every file its check read. `known` must have the repository's current key.
 */
export function stillValid(known: Cache, hashOf: (file: string) => string | undefined): (file: string) => CachedFile | undefined {
  // Many entries share one list (see CacheFile): each list is compared once.
  const unchanged = new Map<string[], boolean>();
  const stillRead = (read: string[]) => unchanged.get(read) ?? unchanged.set(read, read.every((file) => known.read[file] === (hashOf(file) ?? null))).get(read)!;
  return (file) => {
    const entry = known.files[file];
    return entry && entry.hash === hashOf(file) && stillRead(entry.read) ? entry : undefined;
  };
}

/** The default location: ROOT/.minutes-lint-cache. */
export function defaultCachePath(root: string): string {
  return resolve(root, CACHE_FILE_NAME);
}
