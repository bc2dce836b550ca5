import { HolidayCalendar, type HolidayRegion } from './holidays';

const calendars = new Map<string, HolidayCalendar>();
/** Calendars are costly to set up and few: one per region, for the life of the process. */
export function calendarFor(region: HolidayRegion): HolidayCalendar {
  const key = `${region.country}/${region.state ?? ''}/${region.language}`;
  let calendar = calendars.get(key);
  if (!calendar) calendars.set(key, (calendar = new HolidayCalendar(region)));
  return calendar;
}
