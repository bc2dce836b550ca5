/**
 * The path pattern (see paths.ts) a dated file's path has: what `--init` groups files by, and what
 * the `unrecognised-file` finding suggests.
 */

// A date somewhere in a path: YYYYMMDD, YYYY-MM-DD (any of -_.), month and day then year
// (`5-9-22`, `05.09.2022`), or month and day with a year folder.
const COMPACT = /(?<![\d])(\d{4})(\d{2})(\d{2})(?![\d])/u;
const SEPARATED = /(?<![\d])(\d{4})([-_.])(\d{1,2})\2(\d{1,2})(?![\d])/u;
const YEAR_LAST = /(?<![\d])(\d{1,2})([-_.])(\d{1,2})\2(\d{4}|\d{2})(?![\d])/u;
const MONTH_DAY = /(?<![\d])(\d{1,2})([-_.])(\d{1,2})(?![\d])/u;

const digits = (s: string, two: string, one: string) => (s.length === 2 ? two : one);

/** Month then day (`{MM}-{DD}`), unless the first cannot be a month and the second can (`29-03`): then day first. */
function monthAndDay(first: string, separator: string, second: string): string {
  const month = (s: string) => digits(s, '{MM}', '{M}');
  const day = (s: string) => digits(s, '{DD}', '{D}');
  return +first > 12 && +second <= 12 ? `${day(first)}${separator}${month(second)}` : `${month(first)}${separator}${day(second)}`;
}

/**
 * The path pattern of one dated file, with `{series}` for its first folder when it has more than
 * one: `iaas/20220928.md` -> `{series}/{YYYY}{MM}{DD}{suffix}.md`; `plenary/2024/PL-10-08.md` ->
 * `{series}/{YYYY}/{*}-{MM}-{DD}.md`; `stack/2022/5-9-22.md` -> `{series}/{YYYY}/{M}-{D}-{YY}.md`
 * (month first unless the first number cannot be a month; see swapMonthAndDay for the other reading).
 * Undefined for a path with no date in it.
 */
export function patternOf(path: string): string | undefined {
  const segments = path.split('/');
  const name = segments.pop()!.replace(/\.md$/iu, '');
  const folders = segments.map((s) => (/^\d{4}$/u.test(s) ? '{YYYY}' : s));
  const hasYearFolder = folders.includes('{YYYY}');
  let namePattern: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = COMPACT.exec(name))) {
    namePattern = `${prefixOf(name, m.index)}{YYYY}{MM}{DD}${suffixOf(name, m.index + m[0].length)}`;
  } else if ((m = SEPARATED.exec(name))) {
    namePattern = `${prefixOf(name, m.index)}{YYYY}${m[2]}${digits(m[3], '{MM}', '{M}')}${m[2]}${digits(m[4], '{DD}', '{D}')}${suffixOf(name, m.index + m[0].length)}`;
  } else if ((m = YEAR_LAST.exec(name)) && (m[4].length === 4 || hasYearFolder || m[2] !== '.')) {
    const year = m[4].length === 4 ? '{YYYY}' : '{YY}';
    namePattern = `${prefixOf(name, m.index)}${monthAndDay(m[1], m[2], m[3])}${m[2]}${year}${suffixOf(name, m.index + m[0].length)}`;
  } else if (hasYearFolder && (m = MONTH_DAY.exec(name))) {
    namePattern = `${prefixOf(name, m.index)}${monthAndDay(m[1], m[2], m[3])}${suffixOf(name, m.index + m[0].length)}`;
  }
  if (!namePattern) return undefined;
  // The folders before a year folder name the series (`archive/team-1`); the year folder stays.
  const yearAt = folders.indexOf('{YYYY}');
  const leading = yearAt < 0 ? folders : folders.slice(0, yearAt);
  const head = leading.length ? ['{series}', ...folders.slice(leading.length)] : folders;
  return [...head, namePattern].join('/') + '.md';
}

/**
 * The other reading of a name whose month and day stand before the year or alone (`{M}-{D}-{YY}`
 * and `{D}-{M}-{YY}`), if the name has one: which is meant is told by the files' titles and
 * weekdays (see --init). Year-first names are read year, month, day.
 */
export function swapMonthAndDay(pattern: string): string | undefined {
  const name = pattern.slice(pattern.lastIndexOf('/') + 1);
  if (/\{YYYY\}\{MM\}|\{YYYY\}[-_.]\{M/u.test(name)) return undefined;
  const swapped = name.replace(/\{(MM|M)\}([-_.])\{(DD|D)\}/u, (_, month: string, sep: string, day: string) => `{${day}}${sep}{${month}}`);
  return swapped === name ? undefined : pattern.slice(0, pattern.lastIndexOf('/') + 1) + swapped;
}

/** What stands before the date in a name: nothing, or `{*}` and its separator (`PL-`, `minutes_`). */
function prefixOf(name: string, at: number): string {
  if (at === 0) return '';
  const separator = /[-_. ]$/u.exec(name.slice(0, at))?.[0] ?? '';
  return `{*}${separator}`;
}

/** What follows the date: nothing, or `{suffix}` (`-workshop`). */
function suffixOf(name: string, at: number): string {
  return at < name.length ? '{suffix}' : '';
}
