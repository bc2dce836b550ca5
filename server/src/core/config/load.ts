import { findNodeAtLocation, parse, parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { DEFAULT_CONFIG } from './defaults';
import { configTextProblem } from './bounds';
import { splitBom } from '../text/bom';
import { CONFIG_SCHEMA } from './schema';
import { resolveSeries, seriesViews, type GivenSeries } from './series';
import type { MinutesConfig } from './types';
import { validate, type ConfigProblem } from './validate';

export interface LoadedConfig {
  config: MinutesConfig;
  /** Why the given configuration was not used; the defaults are then in force. */
  errors: string[];
  /** The same problems with where they are, for pointing at them in the file. */
  problems: ConfigProblem[];
}

/** Settings over defaults; an invalid configuration is reported and the defaults are used. */
export function resolveConfig(settings: unknown): LoadedConfig {
  if (settings === undefined || settings === null) return { config: DEFAULT_CONFIG, errors: [], problems: [] };
  const problems = validate(settings, CONFIG_SCHEMA);
  if (problems.length) return { config: DEFAULT_CONFIG, errors: problems.map((p) => p.message), problems };
  const given = settings as Partial<Omit<MinutesConfig, 'series'>> & { series?: GivenSeries[] };
  const sections = { ...DEFAULT_CONFIG.sections, ...given.sections };
  const series = resolveSeries(given, DEFAULT_CONFIG.series, sections);
  return {
    config: {
      ...DEFAULT_CONFIG,
      ...given,
      series,
      ...seriesViews(series, sections),
      sections,
      holidays: { ...DEFAULT_CONFIG.holidays, ...given.holidays },
      holidayNotice: { ...DEFAULT_CONFIG.holidayNotice, ...given.holidayNotice },
      rules: { ...DEFAULT_CONFIG.rules, ...given.rules },
    },
    errors: [],
    problems: [],
  };
}

export interface ParsedConfigText {
  /** The JSON value, or undefined when the text is not JSON. */
  json: unknown;
  syntaxErrors: Array<{ message: string; offset: number; length: number }>;
}

/**
 * Reads `.minutes.json`, which may have comments and trailing commas like VS Code's own settings,
 * and a byte order mark; a text too large or too deeply nested is refused before it is parsed.
 */
export function readConfigText(given: string): ParsedConfigText {
  const { text, bom } = splitBom(given);
  const refused = configTextProblem(text);
  if (refused) return { json: undefined, syntaxErrors: [{ message: `the configuration ${refused}`, offset: 0, length: 0 }] };
  const errors: ParseError[] = [];
  // Offsets are the given text's, byte order mark included, for pointing at problems in it.
  const json: unknown = parse(bom ? ` ${text}` : text, errors, { allowTrailingComma: true, disallowComments: false });
  return {
    json: errors.length ? undefined : json,
    syntaxErrors: errors.map((e) => ({ message: `not valid JSON: ${printParseErrorCode(e.error)}`, offset: e.offset, length: e.length })),
  };
}

/** Parses and validates the text of a `.minutes.json` file. */
export function parseConfigText(text: string): LoadedConfig {
  const { json, syntaxErrors } = readConfigText(text);
  if (syntaxErrors.length) return { config: DEFAULT_CONFIG, errors: syntaxErrors.map((e) => (e.length ? `${e.message} at offset ${e.offset}` : e.message)), problems: [] };
  // An empty or `null` file says nothing; taking it for the defaults would hide a mistake.
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    const message = 'the configuration must be a JSON object ({ ... })';
    return { config: DEFAULT_CONFIG, errors: [message], problems: [{ message, path: [] }] };
  }
  return resolveConfig(json);
}

/** Where a problem is in the file's text: the value at its path, or the whole text. */
export function locateProblem(text: string, problem: ConfigProblem): { offset: number; length: number } {
  const tree = parseTree(text.replace(/^\uFEFF/u, ' '));
  let node = tree && findNodeAtLocation(tree, problem.path);
  // An unknown key points at the key itself rather than its value.
  if (node?.parent?.type === 'property' && problem.unknownKey) node = node.parent.children?.[0];
  return node ? { offset: node.offset, length: node.length } : { offset: 0, length: Math.min(text.length, 1) };
}
