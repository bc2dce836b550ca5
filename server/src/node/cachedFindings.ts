import type { Finding } from '../core';
import { currentHashes, defaultCachePath, keyInputs, readCache, stillValid, type CacheInputs } from './lintCache';
import { contentHashes, repositoryKey } from './repositoryKey';
import { VERSION } from './version';

/** What the server knows of a repository that the cache's key is made of (the version is this bundle's). */
export type ServerCacheInputs = Omit<CacheInputs, 'version'>;

/**
 * The findings `minutes-lint --cache` left in the repository's cache file (at its default place)
 * that still hold for the files on disk now, by path: the repository has the key they were made
 * with (this version, config, day, file names) and each file, and every file its check read, the
 * same content (see lintWithCache). None when there is no cache. Synchronous (it hashes the
 * repository): the server runs it in its reading thread.
 */
export function cachedFindings(inputs: ServerCacheInputs): Record<string, Finding[]> {
  const location = defaultCachePath(inputs.root);
  const cache = readCache(location, inputs.root);
  if (!cache) return {};
  // The names first: a cache of another version, config or day costs no file read.
  const { key, markdown } = repositoryKey(inputs.root, keyInputs({ ...inputs, version: VERSION }), location);
  if (cache.key !== key) return {};
  const valid = stillValid(cache, currentHashes(inputs.root, contentHashes(inputs.root, markdown)));
  const found: Record<string, Finding[]> = {};
  for (const file of Object.keys(cache.files)) {
    const entry = valid(file);
    if (entry) found[file] = entry.findings;
  }
  return found;
}
