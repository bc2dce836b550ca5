import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, configFileOf, DEFAULT_CONFIG, MAX_CONFIG_CHARS, type ConfigFile } from '../core';
import { RepositoryBoundary } from './boundary';
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

/** A regular file's text, refused beyond `limit` bytes without reading more than that. */
function readBounded(path: string, limit: number): string {
  // Non-blocking: a pipe put in the file's place since the look above must not hang the read.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const entry = fstatSync(fd);
    if (!entry.isFile()) throw new Error('not a regular file');
    if (entry.size > limit) throw new Error(`larger than ${limit / 1024 / 1024} MB`);
    const buffer = Buffer.alloc(Math.min(entry.size, limit) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > limit) throw new Error(`larger than ${limit / 1024 / 1024} MB`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
