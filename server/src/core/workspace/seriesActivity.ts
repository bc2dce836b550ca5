import { dayNumber, type CalendarDate } from '../model/dates';

/** The median number of days between a series' recent meetings (a week where it cannot tell). */
export function usualGap(files: Array<{ date?: CalendarDate }>): number {
  const days = files.slice(-12).map((f) => dayNumber(f.date!));
  const gaps = days.slice(1).map((d, i) => d - days[i]).sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 2)] : 7;
}

/**
 * Whether a series (its dated files, in date order) has stopped meeting by `today`: its newest
 * minutes lie more than three of its usual gaps, and more than `minimumDays`, before today.
 * `quietDays`, when given, replaces that judgement by a fixed number of days.
 */
export function seriesEnded(files: Array<{ date?: CalendarDate }>, today: CalendarDate, minimumDays: number, quietDays?: number): boolean {
  const newest = files.at(-1)?.date;
  if (!newest) return false;
  const limit = quietDays ?? Math.max(minimumDays, 3 * usualGap(files));
  return dayNumber(today) - dayNumber(newest) > limit;
}
