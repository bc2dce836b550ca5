import { minimatch } from 'minimatch';
import type { MinutesConfig } from './types';

/** Whether a file (path relative to the repository root, with `/`) is one that `ignores` says never to check. */
export function isIgnored(config: MinutesConfig, path: string): boolean {
  // `dot`: `.github/**` must match what it says; globs are as in markdownlint-cli2's `ignores`.
  return config.ignores.some((glob) => minimatch(path, glob, { dot: true }));
}
