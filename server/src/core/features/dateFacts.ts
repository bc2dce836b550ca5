import type { HolidayCalendar, PublicHoliday } from '../calendar/holidays';
import type { MinutesConfig } from '../config/types';
import { dayNumber, formatDate, fromDayNumber, weekday, type CalendarDate } from '../model/dates';
import type { MinutesModel } from '../model/types';
import { seriesWeekdays } from '../workspace/meetingDate';

/** The weekday a document's meetings are on: its series' schedule's where it has one, else its own date's. */
export function meetingWeekdayOf(model: MinutesModel, config: MinutesConfig, date: CalendarDate): number {
  return seriesWeekdays(model, config, date)?.[0] ?? weekday(date);
}

/** The next date after `date` that falls on `day` (0 = Sunday). */
export function nextWeekday(date: CalendarDate, day: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + ((day - weekday(date) + 7) % 7 || 7));
}

/** Public holidays after `from` up to and including `until`. */
export function holidaysBetween(calendar: HolidayCalendar, from: CalendarDate, until: CalendarDate): PublicHoliday[] {
  const found: PublicHoliday[] = [];
  for (let d = dayNumber(from) + 1; d <= dayNumber(until); d++) {
    const holiday = calendar.holidayOn(fromDayNumber(d));
    if (holiday) found.push(holiday);
  }
  return found;
}

/** "in 3 days", "today", "5 days ago". */
export function relativeDays(date: CalendarDate, to: CalendarDate): string {
  const days = dayNumber(date) - dayNumber(to);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** A span of days as people say it, rounded: "12 days", "5 weeks", "7 months", "2 years" (730 days are 2 years, 1,449 are 4, not 3). */
export function daysInWords(days: number): string {
  const [count, unit] = days < 14 ? [days, 'day'] : days < 60 ? [Math.round(days / 7), 'week'] : days < 730 ? [Math.round(days / 30.44), 'month'] : [Math.round(days / 365.25), 'year'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

export function fillNotice(config: MinutesConfig, calendar: HolidayCalendar, holiday: PublicHoliday): string {
  return config.holidayNotice.template
    .replaceAll('{date}', formatDate(holiday.date))
    .replaceAll('{country}', calendar.countryName)
    .replaceAll('{holiday}', holiday.name);
}
