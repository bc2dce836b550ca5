import { statSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, configFileOf, DEFAULT_CONFIG, MAX_CONFIG_CHARS, type ConfigFile } from '../core';
import { RepositoryBoundary } from './boundary';
import { readBounded } from './readBounded';
import { reason } from './safeWrite';

/**
 * Reads `.minutes.json` from a repository root (or an explicit path); no file means the defaults.
 * The root's file must really lie inside the root; either must be a regular file of at most
 * 1 MB: a link to `/dev/zero` or a pipe is refused, not read until memory runs out.
 */
export function loadConfigFile(root: string, explicitPath?: string): ConfigFile {
  const path = explicitPath ?? join(root, CONFIG_FILE_NAME);
  const refused = (why: string): ConfigFile => ({ config: DEFAULT_CONFIG, errors: [`cannot be read: ${why}`], problems: [], path });
  try {
    if (!statSync(path).isFile()) return refused('not a regular file');
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return configFileOf(path, undefined);
    return refused(reason(error));
  }
  if (!explicitPath && !new RepositoryBoundary(root).contains(path)) return refused('it is a link to a file outside the repository');
  try {
    return configFileOf(path, readBounded(path, MAX_CONFIG_CHARS));
  } catch (error) {
    return refused(reason(error));
  }
}
