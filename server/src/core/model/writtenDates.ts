import { isRealDate, type CalendarDate, type ParsedDate } from './dates';

/**
 * Dates written out, as titles of many organisations have them: `October 8th`, `Oct 8, 2024`,
 * `8 October 2024`, `8th of October`, `8. Oktober 2024`, `08.10.2024`. How each was written is kept,
 * so that a fix writes the right date the same way.
 */
export interface WrittenStyle {
  /** `dotted`: `08.10.2024`; `slashed`: `10/08/2024` (US, month first) or `08/10/2024` (day first). */
  order: 'month-day' | 'day-month' | 'dotted' | 'slashed';
  /** In a slashed date, whether the month comes first (unset where the date read either way). */
  monthFirst?: boolean;
  /** A slashed date's year in two digits (`5/9/22`). */
  shortYear?: boolean;
  /** The month's name as written (`October`, `Oct`, `Oktober`), for its language and length. */
  monthName?: string;
  /** `8th`, `8.` (German), or plain `8`. */
  daySuffix: 'ordinal' | 'dot' | 'none';
  /** `of` between day and month (`8th of October`). */
  of: boolean;
  /** Whether the year was written, and whether a comma stood before it. */
  year: boolean;
  comma: boolean;
  /** Two-digit day and month in a dotted or slashed date (`08.10.2024`). */
  padded: boolean;
}

export interface WrittenDate extends ParsedDate {
  offset: number;
  style: WrittenStyle;
}

const MONTHS: Array<[number, string[]]> = [
  [1, ['january', 'jan', 'januar', 'jän', 'jänner']],
  [2, ['february', 'feb', 'februar']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mär']],
  [4, ['april', 'apr']],
  [5, ['may', 'mai']],
  [6, ['june', 'jun', 'juni']],
  [7, ['july', 'jul', 'juli']],
  [8, ['august', 'aug']],
  [9, ['september', 'sep', 'sept']],
  [10, ['october', 'oct', 'oktober', 'okt']],
  [11, ['november', 'nov']],
  [12, ['december', 'dec', 'dezember', 'dez']],
];
const MONTH_OF = new Map(MONTHS.flatMap(([n, names]) => names.map((name): [string, number] => [name, n])));
const MONTH = `(${[...MONTH_OF.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?`;
const DAY = '(\\d{1,2})(st|nd|rd|th|\\.)?';
const YEAR = '(?:(,)?\\s+(\\d{4}))?';

const MONTH_FIRST = new RegExp(`(?<![\\p{L}\\d])${MONTH}\\s+${DAY}(?!\\d)${YEAR}(?![\\d])`, 'giu');
const DAY_FIRST = new RegExp(`(?<![\\p{L}\\d.])${DAY}\\s+(of\\s+)?${MONTH}(?![\\p{L}])${YEAR}(?![\\d])`, 'giu');
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d])/gu;
const SLASHED = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\d/])/gu;
// Ranges of days (`14-16 October 2024`, `October 14–16, 2024`, `14.-16. Oktober`): the meeting is on one of them.
const TO = '\\s*[-\u2013\u2014]\\s*';
const DAY_RANGE_FIRST = new RegExp(`(?<![\\p{L}\\d.])${DAY}${TO}${DAY}\\s+(of\\s+)?${MONTH}(?![\\p{L}])${YEAR}(?![\\d])`, 'giu');
const MONTH_RANGE_FIRST = new RegExp(`(?<![\\p{L}\\d])${MONTH}\\s+${DAY}${TO}${DAY}(?!\\d)${YEAR}(?![\\d])`, 'giu');

/**
 * The dates written out in `text`. A date without its year takes the year that puts it nearest
 * to `near` (the file's date: `December 30th` in a file of 2025-01-02 is 2024-12-30); without
 * `near`, such dates are not read.
 */
export function findWrittenDates(text: string, near?: CalendarDate): WrittenDate[] {
  const found: WrittenDate[] = [];
  const overlaps = (offset: number, length: number) => found.some((f) => offset < f.offset + f.text.length && f.offset < offset + length);
  const add = (offset: number, written: string, month: number, day: number, year: number | undefined, style: WrittenStyle, lastDay?: number) => {
    const y = year ?? (near && nearestYear(month, day, near));
    if (y === undefined || !isRealDate(y, month, day) || overlaps(offset, written.trimEnd().length)) return;
    if (lastDay !== undefined && (lastDay <= day || !isRealDate(y, month, lastDay))) return;
    found.push({ offset, text: written.trimEnd(), date: { year: y, month, day }, style, ...(lastDay !== undefined ? { until: { year: y, month, day: lastDay } } : {}) });
  };
  const suffixOf = (suffix: string | undefined) => (suffix === '.' ? 'dot' : suffix ? 'ordinal' : 'none');
  for (const m of text.matchAll(DAY_RANGE_FIRST)) {
    const [, day, suffix, lastDay, , of, monthName, comma, year] = m;
    add(m.index, m[0], MONTH_OF.get(monthName.toLowerCase())!, +day, year ? +year : undefined, { order: 'day-month', monthName, daySuffix: suffixOf(suffix), of: !!of, year: !!year, comma: !!comma, padded: false }, +lastDay);
  }
  for (const m of text.matchAll(MONTH_RANGE_FIRST)) {
    const [, monthName, day, suffix, lastDay, , comma, year] = m;
    add(m.index, m[0], MONTH_OF.get(monthName.toLowerCase())!, +day, year ? +year : undefined, { order: 'month-day', monthName, daySuffix: suffixOf(suffix), of: false, year: !!year, comma: !!comma, padded: false }, +lastDay);
  }
  for (const m of text.matchAll(MONTH_FIRST)) {
    const [, monthName, day, suffix, comma, year] = m;
    if (overlaps(m.index, m[0].length)) continue;
    add(m.index, m[0], MONTH_OF.get(monthName.toLowerCase())!, +day, year ? +year : undefined, {
      order: 'month-day',
      monthName: monthName,
      daySuffix: suffix === '.' ? 'dot' : suffix ? 'ordinal' : 'none',
      of: false,
      year: !!year,
      comma: !!comma,
      padded: false,
    });
  }
  for (const m of text.matchAll(DAY_FIRST)) {
    const [, day, suffix, of, monthName, comma, year] = m;
    if (found.some((f) => m.index < f.offset + f.text.length && f.offset < m.index + m[0].length)) continue;
    add(m.index, m[0], MONTH_OF.get(monthName.toLowerCase())!, +day, year ? +year : undefined, {
      order: 'day-month',
      monthName,
      daySuffix: suffix === '.' ? 'dot' : suffix ? 'ordinal' : 'none',
      of: !!of,
      year: !!year,
      comma: !!comma,
      padded: false,
    });
  }
  for (const m of text.matchAll(DOTTED)) {
    add(m.index, m[0], +m[2], +m[1], +m[3], { order: 'dotted', daySuffix: 'none', of: false, year: true, comma: false, padded: m[1].length === 2 });
  }
  for (const m of text.matchAll(SLASHED)) {
    const slashed = readSlashed(m[0], +m[1], +m[2], m[3], near);
    if (slashed && !overlaps(m.index, m[0].length)) found.push({ offset: m.index, ...slashed });
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/**
 * A date written with slashes: month first in the US (`10/08/2024`), day first in much of the world
 * (`08/10/2024`). Where only one reading is a date, that is it; where both are, the one that is
 * `near` (the file's date); else both readings are kept and the date is left unread (see
 * ParsedDate.readings): a wrong guess would report a correct title.
 */
function readSlashed(text: string, first: number, second: number, yearText: string, near: CalendarDate | undefined): Omit<WrittenDate, 'offset'> | undefined {
  const year = yearText.length === 2 ? 2000 + +yearText : +yearText;
  const style = (monthFirst?: boolean): WrittenStyle => ({ order: 'slashed', monthFirst, shortYear: yearText.length === 2, daySuffix: 'none', of: false, year: true, comma: false, padded: text.startsWith('0') || /\/0/u.test(text) });
  const monthFirst = isRealDate(year, first, second) ? { year, month: first, day: second } : undefined;
  const dayFirst = isRealDate(year, second, first) ? { year, month: second, day: first } : undefined;
  if (!monthFirst && !dayFirst) return undefined;
  // `05/05/2022` reads the same either way: it tells nothing of the order.
  if (!dayFirst || first === second) return { text, date: monthFirst!, style: style(first === second ? undefined : true) };
  if (!monthFirst) return { text, date: dayFirst, style: style(false) };
  const isNear = (d: CalendarDate) => near !== undefined && d.year === near.year && d.month === near.month && d.day === near.day;
  if (isNear(monthFirst)) return { text, date: monthFirst, style: style(true) };
  if (isNear(dayFirst)) return { text, date: dayFirst, style: style(false) };
  return { text, readings: [monthFirst, dayFirst], style: style() };
}

function nearestYear(month: number, day: number, near: CalendarDate): number | undefined {
  const distance = (year: number) => Math.abs(Date.UTC(year, month - 1, day) - Date.UTC(near.year, near.month - 1, near.day));
  const years = [near.year - 1, near.year, near.year + 1].filter((y) => isRealDate(y, month, day));
  return years.sort((a, b) => distance(a) - distance(b))[0];
}

/** `date` written the way `style` wrote another: `October 15th`, `15 Oct 2024`, `15.10.2024`. */
export function formatWritten(date: CalendarDate, style: WrittenStyle): string {
  const two = (n: number) => (style.padded ? String(n).padStart(2, '0') : String(n));
  if (style.order === 'dotted') return `${two(date.day)}.${two(date.month)}.${date.year}`;
  if (style.order === 'slashed') {
    const year = style.shortYear ? String(date.year % 100).padStart(2, '0') : String(date.year);
    return style.monthFirst === false ? `${two(date.day)}/${two(date.month)}/${year}` : `${two(date.month)}/${two(date.day)}/${year}`;
  }
  const day = `${date.day}${style.daySuffix === 'ordinal' ? ordinal(date.day) : style.daySuffix === 'dot' ? '.' : ''}`;
  const month = monthNameLike(date.month, style.monthName!);
  const year = style.year ? `${style.comma ? ',' : ''} ${date.year}` : '';
  return style.order === 'month-day' ? `${month} ${day}${year}` : `${day} ${style.of ? 'of ' : ''}${month}${year}`;
}

function ordinal(day: number): string {
  if (day % 100 >= 11 && day % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][day % 10] ?? 'th';
}

/** The month's name in the language, length and case the other was written in. */
function monthNameLike(month: number, like: string): string {
  const bare = like.replace(/\.$/u, '');
  const names = MONTHS[month - 1][1];
  const language = ['januar', 'februar', 'märz', 'mai', 'juni', 'juli', 'oktober', 'dezember', 'jän', 'jänner', 'maerz', 'mär', 'okt', 'dez'].includes(bare.toLowerCase()) ? 'de' : 'en';
  const full = language === 'de' ? GERMAN[month - 1] : names[0];
  const short = bare.length <= 4 && bare.toLowerCase() !== 'june' && bare.toLowerCase() !== 'july' && bare.toLowerCase() !== 'mai' ? full.slice(0, 3) : full;
  const cased = bare[0] === bare[0].toUpperCase() ? short[0].toUpperCase() + short.slice(1) : short;
  return like.endsWith('.') && short !== full ? `${cased}.` : cased;
}

const GERMAN = ['januar', 'februar', 'märz', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'dezember'];
