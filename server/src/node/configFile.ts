import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_FILE_NAME, configFileOf, DEFAULT_CONFIG, type ConfigFile } from '../core';

/** Reads `.minutes.json` from a repository root (or an explicit path); no file means the defaults. */
export function loadConfigFile(root: string, explicitPath?: string): ConfigFile {
  const path = explicitPath ?? join(root, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return configFileOf(path, undefined);
    return { config: DEFAULT_CONFIG, errors: [`cannot read ${path}: ${(error as Error).message}`], problems: [], path };
  }
  return configFileOf(path, text);
}
