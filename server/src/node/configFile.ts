import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, parseConfigText, type LoadedConfig } from '../core';

export const CONFIG_FILE_NAME = '.minutes.json';

export interface ConfigFile extends LoadedConfig {
  path: string;
  /** The file's text, when there is a file. */
  text?: string;
}

/** Reads `.minutes.json` from a repository root (or an explicit path); no file means the defaults. */
export function loadConfigFile(root: string, explicitPath?: string): ConfigFile {
  const path = explicitPath ?? join(root, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (!explicitPath && (error as NodeJS.ErrnoException).code === 'ENOENT') return { config: DEFAULT_CONFIG, errors: [], problems: [], path };
    return { config: DEFAULT_CONFIG, errors: [`cannot read ${path}: ${(error as Error).message}`], problems: [], path };
  }
  return { ...parseConfigText(text), path, text };
}
