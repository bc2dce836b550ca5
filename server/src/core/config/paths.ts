import { isRealDate, parseDateParts, type CalendarDate, type ParsedDate } from '../model/dates';
import type { MinutesConfig, SeriesConfig } from './types';
import { repositoryPathProblem } from './bounds';

/**
 * Path patterns of dated minutes files, the one place that knows how a date is written in a path:
 * `community-call/{YYYY}{MM}{DD}{suffix}.md`, `meetings/{YYYY}/{YYYY}-{MM}-{DD}.md`,
 * `{series}/{YYYY}/{*}-{MM}-{DD}.md`. Tokens:
 * - `{YYYY}` four-digit year (may stand twice, as a year folder and in the name: both must agree),
 *   `{YY}` two-digit year (20YY), `{MM}`/`{DD}` two digits, `{M}`/`{D}` one or two digits;
 * - `{series}`: the folder(s) of one meeting series (only at the start); without it, the series is
 *   the pattern's leading literal folders (`meetings`);
 * - `{*}`: any text within one path segment; `{suffix}`: nothing, or `-`, `_` or `.` and more
 *   (`20220704-workshop.md`).
 * Everything else is literal. Matching is anchored at the end of a path and at a `/` (or the start)
 * before it, so a pattern matches a path relative to the repository and a URI's path alike.
 */
export interface PathPattern {
  source: string;
  regex: RegExp;
  /**
   * The series when the pattern names it literally: its leading folders (`meetings` of
   * `meetings/{YYYY}/...`), else its plain folders inside year folders (`telcons` of `{YYYY}/telcons/...`).
   */
  literalSeries?: string;
  /** Whether the pattern has `{series}`. */
  hasSeries: boolean;
}

export interface DatedPath {
  date: ParsedDate;
  /** The meeting series the file belongs to: `iaas`, `community-call`, `plenary`. */
  series: string;
  pattern: PathPattern;
  /** What `{*}` and `{suffix}` matched, in order, for writing another date the same way. */
  wildcards: string[];
  /** Whether the file has more after its date than its series' plain form (`-workshop`). */
  suffixed: boolean;
}

const MAX_PATH_CHARS = 1024;

const TOKEN = /\{(YYYY|YY|MM|DD|M|D|series|\*|suffix)\}/gu;

/** Tokens that match text of any length: two side by side could split it either way. */
const WILDCARDS = /\{(?:\*|suffix|series)\}\{(?:\*|suffix|series)\}/u;
/** `{*}` and `{suffix}` in one folder or file name: each is a lazy loop of the compiled expression, and more backtrack polynomially. */
const MAX_WILDCARDS_PER_SEGMENT = 2;

export function isValidPathPattern(source: string): string | undefined {
  const tokens = [...source.matchAll(TOKEN)].map((m) => m[1]);
  if (!source.endsWith('.md')) return 'must end in .md';
  const outside = repositoryPathProblem(source);
  if (outside) return outside;
  if (WILDCARDS.test(source)) return 'is ambiguous: two of {*}, {suffix} and {series} side by side';
  if (source.split('/').some((segment) => (segment.match(/\{(?:\*|suffix)\}/gu)?.length ?? 0) > MAX_WILDCARDS_PER_SEGMENT)) {
    return `has more than ${MAX_WILDCARDS_PER_SEGMENT} of {*} and {suffix} in one name`;
  }
  if (!tokens.some((t) => t === 'YYYY' || t === 'YY')) return 'needs {YYYY} or {YY}';
  if (!tokens.some((t) => t === 'MM' || t === 'M')) return 'needs {MM} or {M}';
  if (!tokens.some((t) => t === 'DD' || t === 'D')) return 'needs {DD} or {D}';
  if (source.indexOf('{series}') > 0) return '{series} can only stand at the start';
  return undefined;
}

// A memo of a pure function (patterns come from configs, and are few): no state that changes a result.
const compiled = new Map<string, PathPattern & { groups: string[] }>();

export function compilePathPattern(source: string): PathPattern & { groups: string[] } {
  let pattern = compiled.get(source);
  if (pattern) return pattern;
  if (compiled.size > 1_000) compiled.clear();
  let regex = '';
  let last = 0;
  // What each capturing group is, in order: a date part, the series, or a wildcard.
  const groups: string[] = [];
  const seen = new Set<string>();
  for (const m of source.matchAll(TOKEN)) {
    const token = m[1];
    regex += escape(source.slice(last, m.index));
    last = m.index + m[0].length;
    if (seen.has(token) && token !== '*' && token !== 'suffix') {
      // `meetings/{YYYY}/{YYYY}-{MM}-{DD}.md`: the year folder and the name must agree.
      regex += `\\k<${token === '*' ? '' : token}>`;
      continue;
    }
    seen.add(token);
    regex += TOKEN_REGEX[token as keyof typeof TOKEN_REGEX];
    groups.push(token === '*' || token === 'suffix' ? 'wildcard' : token);
  }
  regex += escape(source.slice(last));
  const firstToken = source.search(TOKEN);
  const leading = source.slice(0, firstToken < 0 ? source.length : firstToken);
  const plainFolders = source.split('/').slice(0, -1).filter((segment) => !segment.includes('{'));
  const literalSeries = leading.includes('/') ? leading.slice(0, leading.lastIndexOf('/')) : plainFolders.length ? plainFolders.join('/') : undefined;
  pattern = { source, regex: new RegExp(`(?:^|/)${regex}$`, 'iu'), literalSeries, hasSeries: source.startsWith('{series}'), groups };
  if (compiled.size > 1000) compiled.clear();
  compiled.set(source, pattern);
  return pattern;
}

const TOKEN_REGEX = {
  YYYY: '(?<YYYY>\\d{4})',
  YY: '(?<YY>\\d{2})',
  MM: '(?<MM>\\d{2})',
  DD: '(?<DD>\\d{2})',
  M: '(?<M>\\d{1,2})',
  D: '(?<D>\\d{1,2})',
  series: '(?<series>.+)',
  '*': '([^/]*?)',
  suffix: '((?:[-_.][^/]*)?)',
};

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** The date, series and the rest of a path that one of `patterns` matches (the first that does). */
export function matchDatedPath(path: string, patterns: readonly string[]): DatedPath | undefined {
  // No repository has longer paths, and a match costs time in the path's length.
  if (path.length > MAX_PATH_CHARS) return undefined;
  for (const source of patterns) {
    const pattern = compilePathPattern(source);
    const m = pattern.regex.exec(path);
    if (!m) continue;
    const g = m.groups ?? {};
    // `stack/{YYYY}/{M}-{D}-{YY}.md`: the year folder and the name's short year must agree.
    if (g.YYYY !== undefined && g.YY !== undefined && +g.YYYY % 100 !== +g.YY) continue;
    const year = g.YYYY !== undefined ? +g.YYYY : 2000 + +g.YY;
    const month = +(g.MM ?? g.M);
    const day = +(g.DD ?? g.D);
    const date = parseDateParts(path.slice(path.lastIndexOf('/') + 1), year, month, day, true);
    const series = g.series ?? pattern.literalSeries ?? '';
    const wildcards = m.slice(1).filter((_, i) => pattern.groups[i] === 'wildcard');
    return { date, series, pattern, wildcards, suffixed: /\{suffix\}/u.test(source) && wildcards.some((w) => w !== '') };
  }
  return undefined;
}

/** The path of the file of `date` in a series, written as `like` was (same pattern and wildcards). */
export function formatDatedPath(date: CalendarDate, series: string, pattern: PathPattern, wildcards: readonly string[] = []): string | undefined {
  if (!isRealDate(date.year, date.month, date.day)) return undefined;
  let i = 0;
  const text = pattern.source.replace(TOKEN, (_, token: string) => {
    switch (token) {
      case 'YYYY':
        return String(date.year);
      case 'YY':
        return String(date.year % 100).padStart(2, '0');
      case 'MM':
        return String(date.month).padStart(2, '0');
      case 'DD':
        return String(date.day).padStart(2, '0');
      case 'M':
        return String(date.month);
      case 'D':
        return String(date.day);
      case 'series':
        return series;
      default:
        return wildcards[i++] ?? '';
    }
  });
  return text;
}

/** A dated file with the series of the configuration whose path pattern it matches. */
export type SeriesPath = DatedPath & {
  /** Whether its series is a roll-up. */
  weekly: boolean;
  /** The configured series it belongs to (see SeriesConfig). */
  seriesConfig: SeriesConfig;
};

/**
 * A minutes file's date and series under a config. Patterns that name their series' folder
 * (`community-call/...`) take their files first, then `{series}` patterns, each group in config order:
 * a roll-up's folder is never taken for a team's by a catch-all pattern.
 */
export function datedPathOf(path: string, config: Pick<MinutesConfig, 'series'>): SeriesPath | undefined {
  for (const [seriesConfig, source] of orderedPatterns(config.series)) {
    const found = matchDatedPath(path, [source]);
    if (found) return { ...found, weekly: seriesConfig.kind === 'rollup', seriesConfig };
  }
  return undefined;
}

const ordered = new WeakMap<readonly SeriesConfig[], Array<[SeriesConfig, string]>>();

function orderedPatterns(series: readonly SeriesConfig[]): Array<[SeriesConfig, string]> {
  let list = ordered.get(series);
  if (!list) {
    const all = series.flatMap((s) => s.paths.map((p): [SeriesConfig, string] => [s, p]));
    list = [...all.filter(([, p]) => !compilePathPattern(p).hasSeries), ...all.filter(([, p]) => compilePathPattern(p).hasSeries)];
    ordered.set(series, list);
  }
  return list;
}
