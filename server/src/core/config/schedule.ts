import { dayNumber, findDates, type CalendarDate } from '../model/dates';
import type { ScheduleEntry } from './types';

/** A real date written exactly YYYY-MM-DD, or undefined. */
export function isoDate(text: string): CalendarDate | undefined {
  const [found] = findDates(text);
  return found && found.text === text && !found.problem ? found.date : undefined;
}

/**
 * The schedule periods in force on `date`; outside every period, the nearest one (the last that
 * ended before it, else the first to come). None for a series without a schedule.
 */
export function scheduleOn(series: { schedule: readonly ScheduleEntry[] }, date: CalendarDate): ScheduleEntry[] {
  const day = dayNumber(date);
  const bounds = series.schedule.map((entry) => ({ entry, from: entry.from ? dayNumber(isoDate(entry.from) ?? date) : -Infinity, until: entry.until ? dayNumber(isoDate(entry.until) ?? date) : Infinity }));
  const inForce = bounds.filter((b) => b.from <= day && day <= b.until);
  if (inForce.length) return inForce.map((b) => b.entry);
  const before = bounds.filter((b) => b.until < day).sort((a, b) => b.until - a.until)[0];
  const after = bounds.filter((b) => b.from > day).sort((a, b) => a.from - b.from)[0];
  return [(before ?? after)?.entry].filter((e) => e !== undefined);
}

/** The weekdays a series met on around `date`, the usual one first. */
export function meetingWeekdays(series: { schedule: readonly ScheduleEntry[] }, date: CalendarDate): number[] {
  return [...new Set(scheduleOn(series, date).flatMap((entry) => entry.weekdays))];
}
