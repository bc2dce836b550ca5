import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, parseConfigText, type LoadedConfig } from '../core';

export const CONFIG_FILE_NAME = '.minutes.json';

/** Reads `.minutes.json` from a repository root; a missing file means the defaults. */
export function loadConfigFile(root: string, explicitPath?: string): LoadedConfig & { path?: string } {
  const path = explicitPath ?? join(root, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_CONFIG, errors: [] };
    return { config: DEFAULT_CONFIG, errors: [`cannot read ${path}: ${(error as Error).message}`], path };
  }
  return { ...parseConfigText(text), path };
}
