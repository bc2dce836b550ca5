import { isRealDate, type CalendarDate, type ParsedDate } from './dates';

/**
 * Dates written out, as titles of many organisations have them: `October 8th`, `Oct 8, 2024`,
 * `8 October 2024`, `8th of October`, `8. Oktober 2024`, `08.10.2024`. How each was written is kept,
 * so that a fix writes the right date the same way.
 */
export interface WrittenStyle {
  order: 'month-day' | 'day-month' | 'dotted';
  /** The month's name as written (`October`, `Oct`, `Oktober`), for its language and length. */
  monthName?: string;
  /** `8th`, `8.` (German), or plain `8`. */
  daySuffix: 'ordinal' | 'dot' | 'none';
  /** `of` between day and month (`8th of October`). */
  of: boolean;
  /** Whether the year was written, and whether a comma stood before it. */
  year: boolean;
  comma: boolean;
  /** Two-digit day and month in a dotted date (`08.10.2024`). */
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

/**
 * The dates written out in `text`. A date without its year takes the year that puts it nearest
 * to `near` (the file's date: `December 30th` in a file of 2025-01-02 is 2024-12-30); without
 * `near`, such dates are not read.
 */
export function findWrittenDates(text: string, near?: CalendarDate): WrittenDate[] {
  const found: WrittenDate[] = [];
  const add = (offset: number, written: string, month: number, day: number, year: number | undefined, style: WrittenStyle) => {
    const y = year ?? (near && nearestYear(month, day, near));
    if (y === undefined || !isRealDate(y, month, day)) return;
    found.push({ offset, text: written.trimEnd(), date: { year: y, month, day }, style });
  };
  for (const m of text.matchAll(MONTH_FIRST)) {
    const [, monthName, day, suffix, comma, year] = m;
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
  return found.sort((a, b) => a.offset - b.offset);
}

function nearestYear(month: number, day: number, near: CalendarDate): number | undefined {
  const distance = (year: number) => Math.abs(Date.UTC(year, month - 1, day) - Date.UTC(near.year, near.month - 1, near.day));
  const years = [near.year - 1, near.year, near.year + 1].filter((y) => isRealDate(y, month, day));
  return years.sort((a, b) => distance(a) - distance(b))[0];
}

/** `date` written the way `style` wrote another: `October 15th`, `15 Oct 2024`, `15.10.2024`. */
export function formatWritten(date: CalendarDate, style: WrittenStyle): string {
  if (style.order === 'dotted') {
    const two = (n: number) => (style.padded ? String(n).padStart(2, '0') : String(n));
    return `${two(date.day)}.${two(date.month)}.${date.year}`;
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
