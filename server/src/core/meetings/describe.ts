/** A calendar event's schedule in words, for the Series view and the CLI. */
import type { ScheduleEntry } from '../config/types';
import type { CalendarEvent } from './types';

const UNITS: Record<string, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const BYDAY: Record<string, string> = { SU: 'Sunday', MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday' };

/** `every 2 weeks, Friday 09:05, from 2026-01-23 until 2026-12-18`, or `2026-05-04 10:00` for a single meeting. */
export function describeSchedule(event: CalendarEvent): string {
  const time = event.start.length > 10 ? ` ${event.start.slice(11, 16)}` : '';
  if (!event.rule) return `${event.start.slice(0, 10)}${time}`;
  const { freq, interval, until, count } = event.rule.recur;
  const unit = UNITS[freq] ?? freq.toLowerCase();
  const every = interval > 1 ? `every ${interval} ${unit}s` : `every ${unit}`;
  const byDay = event.rule.recur.parts.BYDAY?.map((d) => BYDAY[d.slice(-2)] ?? d).join(' and ');
  const weekday = WEEKDAYS[new Date(`${event.start.slice(0, 10)}T00:00:00Z`).getUTCDay()];
  const end = until ? ` until ${until.toString().slice(0, 10)}` : count ? `, ${count} times` : '';
  return `${every}, ${byDay ?? weekday}${time}, from ${event.start.slice(0, 10)}${end}`;
}

/** `every 2 weeks, Tuesday or Thursday, from 2021-01-01 until 2022-03-01`: a period of a series' configured schedule. */
export function describeScheduleEntry(entry: ScheduleEntry): string {
  const every = (entry.everyWeeks ?? 1) > 1 ? `every ${entry.everyWeeks} weeks` : 'every week';
  const days = entry.weekdays.map((d) => WEEKDAYS[d]).join(' or ');
  return `${every}, ${days}${entry.from ? `, from ${entry.from}` : ''}${entry.until ? ` until ${entry.until}` : ''}`;
}
