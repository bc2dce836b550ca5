import { readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CalendarDate, ConfigFile, Finding } from '../core';
import { RepositoryBoundary } from './boundary';
import { readableHash } from './repositoryKey';

// `minutes-lint --cache`'s file, read by the CLI (cli/src/cache.ts, which writes it) and by the
// server (cachedFindings.ts, which reuses its findings at start-up): what it holds is defined here.

export const CACHE_FILE_NAME = '.minutes-lint-cache';
/** Changes whenever what the cache holds changes shape: an older file is then rebuilt. */
export const CACHE_FORMAT = 'minutes-lint-cache/4';
/** A cache file larger than this is not ours (or not worth reading): it is rebuilt. */
const MAX_CACHE_BYTES = 256 * 1024 * 1024;

/**
 * The cache, as written and as read. The files checks read are one sorted table; each distinct list
 * of files a check read is written once, as runs of that table: a series' minutes read long runs of
 * the same files (a repository of 10,000 files wrote 125 MB of paths before).
 */
export interface Cache {
  key: string;
  /** Every file a cached check read (relative to the root), sorted, and its content hash then (null: none could be read). */
  paths: string[];
  hashes: Array<string | null>;
  /** Lists of files that checks read: [start, end) pairs of indexes into `paths`, one after another. */
  sets: number[][];
  /** By path relative to the root: the content hash the findings were made from, and what the check read (an index into `sets`). */
  files: Record<string, CachedFile>;
}

/** An entry before it is written: the files its check read, listed. */
export interface CacheEntry {
  hash: string;
  findings: Finding[];
  read: string[];
}

export interface CachedFile {
  hash: string;
  findings: Finding[];
  reads: number;
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
    const parsed = JSON.parse(readFileSync(location, 'utf8')) as Partial<Cache & { format: string }> | null;
    if (parsed?.format !== CACHE_FORMAT || typeof parsed.key !== 'string' || !isRecord(parsed.files)) return undefined;
    const { paths, hashes, sets, files } = parsed;
    if (!Array.isArray(paths) || !paths.every((p) => typeof p === 'string')) return undefined;
    if (!Array.isArray(hashes) || hashes.length !== paths.length || !hashes.every((h) => typeof h === 'string' || h === null)) return undefined;
    const isRuns = (runs: unknown) => Array.isArray(runs) && runs.length % 2 === 0 && runs.every((n, i) => Number.isInteger(n) && n >= (i ? (runs[i - 1] as number) : 0) && n <= paths.length);
    if (!Array.isArray(sets) || !sets.every(isRuns)) return undefined;
    for (const f of Object.values(files)) {
      if (!isRecord(f) || typeof f.hash !== 'string' || !Array.isArray(f.findings) || !f.findings.every(isFinding) || !Number.isInteger(f.reads) || !sets[f.reads]) return undefined;
    }
    return { key: parsed.key, paths, hashes, sets, files };
  } catch {
    return undefined;
  }
}

/** Of a finding's shape, as far as the output and the editor read it: a crafted cache must not crash either. */
function isFinding(value: unknown): boolean {
  if (!isRecord(value) || typeof value.code !== 'string' || typeof value.message !== 'string' || typeof value.severity !== 'string') return false;
  const { range, fixes, related } = value;
  const isEdit = (e: unknown) => isRecord(e) && isRange(e.range) && typeof e.newText === 'string';
  const isFix = (f: unknown) => isRecord(f) && typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every(isEdit) && (f.renameTo === undefined || typeof f.renameTo === 'string');
  return isRange(range) && (fixes === undefined || (Array.isArray(fixes) && fixes.every(isFix))) && (related === undefined || (Array.isArray(related) && related.every((r) => isRecord(r) && typeof r.uri === 'string' && typeof r.message === 'string' && isRange(r.range))));
}

function isRange(value: unknown): boolean {
  const isPosition = (p: unknown) => isRecord(p) && Number.isInteger(p.line) && Number.isInteger(p.character);
  return isRecord(value) && isPosition(value.start) && isPosition(value.end);
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
  // How many files of the table changed before each index: a run holds when none in it did.
  const changedBefore = new Uint32Array(known.paths.length + 1);
  known.paths.forEach((path, i) => (changedBefore[i + 1] = changedBefore[i] + (known.hashes[i] === (hashOf(path) ?? null) ? 0 : 1)));
  const holds = known.sets.map((runs) => {
    for (let i = 0; i < runs.length; i += 2) if (changedBefore[runs[i + 1]] !== changedBefore[runs[i]]) return false;
    return true;
  });
  return (file) => {
    const entry = Object.hasOwn(known.files, file) ? known.files[file] : undefined;
    return entry && entry.hash === hashOf(file) && holds[entry.reads] ? entry : undefined;
  };
}

/** The files of a set (see Cache), in the table's order. */
export function filesOf(cache: Pick<Cache, 'paths' | 'sets'>, set: number): string[] {
  const runs = cache.sets[set];
  const files: string[] = [];
  for (let i = 0; i < runs.length; i += 2) for (let j = runs[i]; j < runs[i + 1]; j++) files.push(cache.paths[j]);
  return files;
}

/**
 * A cache of these entries, each with the files its check read: one sorted table of those files
 * (with their content hashes now), and each distinct list once, as runs of the table.
 */
export function cacheOf(key: string, entries: Map<string, CacheEntry>, hashOf: (file: string) => string | undefined): Cache {
  const lists = new Set<string[]>();
  for (const { read } of entries.values()) lists.add(read);
  const table = new Set<string>();
  for (const list of lists) for (const file of list) table.add(file);
  const paths = [...table].sort();
  const indexOf = new Map(paths.map((p, i) => [p, i]));
  const sets: number[][] = [];
  const setOfRuns = new Map<string, number>();
  const setOfList = new Map<string[], number>();
  for (const list of lists) {
    const runs = runsOf(list.map((f) => indexOf.get(f)!));
    const written = runs.join(',');
    if (!setOfRuns.has(written)) setOfRuns.set(written, sets.push(runs) - 1);
    setOfList.set(list, setOfRuns.get(written)!);
  }
  const files: Record<string, CachedFile> = {};
  for (const [file, { hash, findings, read }] of entries) files[file] = { hash, findings, reads: setOfList.get(read)! };
  return { key, paths, hashes: paths.map((p) => hashOf(p) ?? null), sets, files };
}

/** Indexes as [start, end) runs. */
function runsOf(indexes: number[]): number[] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: number[] = [];
  for (const i of sorted) {
    if (runs.length && runs[runs.length - 1] === i) runs[runs.length - 1] = i + 1;
    else runs.push(i, i + 1);
  }
  return runs;
}

/** The default location: ROOT/.minutes-lint-cache. */
export function defaultCachePath(root: string): string {
  return resolve(root, CACHE_FILE_NAME);
}
