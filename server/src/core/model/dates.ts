/** A calendar date as written in minutes. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type DateProblem = 'impossible' | 'malformed';

export interface ParsedDate {
  /** The text as written, e.g. `2023-02-30` or `2023-03–06`. */
  text: string;
  /** Set when the text names a real calendar day (the first day of a range). */
  date?: CalendarDate;
  problem?: DateProblem;
  /** The last day, when the text names a range of days (`14-16 October 2024`). */
  until?: CalendarDate;
  /**
   * Both readings of a date that reads either way (`02/09/2015`: February 9th or 2 September),
   * when nothing near it told which: then `date` is unset.
   */
  readings?: [monthFirst: CalendarDate, dayFirst: CalendarDate];
}

// Hyphen-like characters people type or paste instead of `-` (en dash, em dash, minus, ...).
const DASHES = '\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212';
/**
 * Matches ISO-like dates in prose, including malformed separators and a digit too many
 * (`2019-01-154`), so they can be reported.
 */
export const DATE_IN_TEXT = new RegExp(`(?<![\\d${DASHES}])(\\d{4})([${DASHES}])(\\d{1,3})([${DASHES}])(\\d{1,3})(?![\\d])`, 'gu');

export function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function parseDateParts(text: string, year: number, month: number, day: number, wellFormed: boolean): ParsedDate {
  if (!isRealDate(year, month, day)) return { text, problem: 'impossible' };
  if (!wellFormed) return { text, date: { year, month, day }, problem: 'malformed' };
  return { text, date: { year, month, day } };
}

/** Every date written in `text`, with offsets relative to it. */
export function findDates(text: string): Array<ParsedDate & { offset: number }> {
  const found: Array<ParsedDate & { offset: number }> = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const wellFormed = m[2] === '-' && m[4] === '-' && m[3].length === 2 && m[5].length === 2;
    found.push({ offset: m.index, ...parseDateParts(m[0], +m[1], +m[3], +m[5], wellFormed) });
  }
  return found;
}

/** Whether a date as written names `date`: that day, or a range of days holding it. */
export function names(parsed: ParsedDate, date: CalendarDate): boolean {
  if (!parsed.date) return false;
  if (!parsed.until) return sameDate(parsed.date, date);
  return dayNumber(parsed.date) <= dayNumber(date) && dayNumber(date) <= dayNumber(parsed.until);
}

export function formatDate(date: CalendarDate): string {
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}

export function sameDate(a: CalendarDate, b: CalendarDate): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

/**
 * How far apart two dates of one meeting may be: a meeting moved within its week, or a file or link
 * a day or two off the meeting it names.
 */
export const MOVED_MEETING_DAYS = 3;

/** Days since the epoch, for ordering and arithmetic. */
export function dayNumber(date: CalendarDate): number {
  return Math.floor(Date.UTC(date.year, date.month - 1, date.day) / 86_400_000);
}

export function fromDayNumber(days: number): CalendarDate {
  const d = new Date(days * 86_400_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
