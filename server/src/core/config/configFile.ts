import { DEFAULT_CONFIG } from './defaults';
import { parseConfigText, type LoadedConfig } from './load';

export const CONFIG_FILE_NAME = '.minutes.json';

/** A repository's `.minutes.json` as read: where it is, its text if there is a file, and its config. */
export interface ConfigFile extends LoadedConfig {
  path: string;
  /** The file's text, when there is a file. */
  text?: string;
}

/** The config of a `.minutes.json` text; no file (undefined) means the defaults. */
export function configFileOf(path: string, text: string | undefined): ConfigFile {
  if (text === undefined) return { config: DEFAULT_CONFIG, errors: [], problems: [], path };
  return { ...parseConfigText(text), path, text };
}
