import { DEFAULT_CONFIG } from './defaults';
import { CONFIG_SCHEMA } from './schema';
import type { MinutesConfig } from './types';
import { validate } from './validate';

export interface LoadedConfig {
  config: MinutesConfig;
  /** Why the given configuration was not used; the defaults are then in force. */
  errors: string[];
}

/** Settings over defaults; an invalid configuration is reported and the defaults are used. */
export function resolveConfig(settings: unknown): LoadedConfig {
  if (settings === undefined || settings === null) return { config: DEFAULT_CONFIG, errors: [] };
  const errors = validate(settings, CONFIG_SCHEMA);
  if (errors.length) return { config: DEFAULT_CONFIG, errors };
  const given = settings as Partial<MinutesConfig>;
  return {
    config: {
      ...DEFAULT_CONFIG,
      ...given,
      sections: { ...DEFAULT_CONFIG.sections, ...given.sections },
      holidays: { ...DEFAULT_CONFIG.holidays, ...given.holidays },
    },
    errors: [],
  };
}

/** Parses the text of a `.minutes.json` file. */
export function parseConfigText(text: string): LoadedConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { config: DEFAULT_CONFIG, errors: [`not valid JSON: ${(error as Error).message}`] };
  }
  return resolveConfig(json);
}
