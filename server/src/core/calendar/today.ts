import type { CalendarDate } from '../model/dates';

/** Today in the local time zone: "today" is the user's day, not UTC's. */
export function today(now = new Date()): CalendarDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}
