import { dayNumber, findDates, type CalendarDate } from '../model/dates';
import type { MinutesConfig, ScheduleEntry } from './types';

/** A real date written exactly YYYY-MM-DD, or undefined. */
export function isoDate(text: string): CalendarDate | undefined {
  const [found] = findDates(text);
  return found && found.text === text && !found.problem ? found.date : undefined;
}

/** The schedule periods in force on `date` (the config's `schedule`, or every week on `meetingWeekday`). */
export function scheduleOn(config: Pick<MinutesConfig, 'schedule' | 'meetingWeekday'>, date: CalendarDate): ScheduleEntry[] {
  const day = dayNumber(date);
  const inForce = config.schedule.filter((entry) => {
    const from = entry.from && isoDate(entry.from);
    const until = entry.until && isoDate(entry.until);
    return (!from || dayNumber(from) <= day) && (!until || day <= dayNumber(until));
  });
  return inForce.length ? inForce : [{ weekdays: [config.meetingWeekday] }];
}

/** The weekdays the roll-up meeting was held on around `date`, the usual one first. */
export function meetingWeekdays(config: Pick<MinutesConfig, 'schedule' | 'meetingWeekday'>, date: CalendarDate): number[] {
  return [...new Set(scheduleOn(config, date).flatMap((entry) => entry.weekdays))];
}
