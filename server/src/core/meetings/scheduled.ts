/** The meetings a series' configured schedule expects, for a series no calendar covers. */
import { isoDate, scheduleOn } from '../config/schedule';
import type { ScheduleEntry } from '../config/types';
import { dayNumber, formatDate, fromDayNumber, type CalendarDate } from '../model/dates';

export interface ScheduleOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** The grace period: a series is not taken for ended while its last minutes may still be on their way. */
  graceDays: number;
  /** Days no meeting is held on (the region's public holidays). */
  isHoliday: (date: CalendarDate) => boolean;
}

/** A series whose newest minutes are this many of its usual gaps before today has ended. */
const ENDED_AFTER_GAPS = 3;
/** More meetings in a row than this without minutes, between two that have them: the series paused. */
const PAUSED_AFTER_MEETINGS = 3;

/** Monday-based weeks: day 0 (1970-01-01) was a Thursday. */
const weekOf = (day: number) => Math.floor((day + 3) / 7);
const mondayOf = (week: number) => week * 7 - 3;

/**
 * The dates (YYYY-MM-DD, oldest first) the schedule expects meetings on: from the series' first
 * minutes, never before, to today; within each period of the schedule, on its weekdays, every
 * `everyWeeks` weeks, not on holidays. A series that ended (its newest minutes long past) is
 * expected only up to its newest minutes: no endless tail of meetings nobody holds any more; and
 * nothing is expected while it paused (more meetings in a row without minutes than a few).
 */
export function scheduledDates(schedule: readonly ScheduleEntry[], minutes: readonly CalendarDate[], options: ScheduleOptions): string[] {
  const held = [...new Set(minutes.map(dayNumber))].sort((a, b) => a - b);
  const today = isoDate(options.today);
  if (!held.length || !schedule.length || !today) return [];
  const first = held[0];
  const newest = held[held.length - 1];
  const usualGap = (day: number) => 7 * (scheduleOn({ schedule }, fromDayNumber(day))[0]?.everyWeeks ?? 1);
  const ended = dayNumber(today) - newest > Math.max(ENDED_AFTER_GAPS * usualGap(newest), options.graceDays + usualGap(newest));
  const pauses = held.slice(1).flatMap((next, i) => (next - held[i] > (PAUSED_AFTER_MEETINGS + 1) * usualGap(held[i]) ? [[held[i], next]] : []));
  const paused = (day: number) => pauses.some(([after, before]) => after < day && day < before);
  const end = ended ? newest : dayNumber(today);
  const expected = new Set<number>();
  for (const period of schedule) {
    const low = Math.max(first, boundOf(period.from, -Infinity));
    const high = Math.min(end, boundOf(period.until, Infinity));
    if (low > high) continue;
    for (const day of periodDates(period, held.filter((d) => d >= low && d <= high), low, high)) {
      if (!paused(day) && !options.isHoliday(fromDayNumber(day))) expected.add(day);
    }
  }
  return [...expected].sort((a, b) => a - b).map((day) => formatDate(fromDayNumber(day)));
}

/** How far ahead the next meeting of a schedule is looked for. */
const AHEAD_DAYS = 8 * 7;

/**
 * The first day on or after `today` the schedule has a meeting on, in the cadence its minutes kept
 * (every second week counts from the last meeting held); undefined when none within eight weeks.
 */
export function nextScheduledDate(schedule: readonly ScheduleEntry[], minutes: readonly CalendarDate[], today: CalendarDate, isHoliday: (date: CalendarDate) => boolean): CalendarDate | undefined {
  const held = [...new Set(minutes.map(dayNumber))].sort((a, b) => a - b);
  const from = dayNumber(today);
  const days: number[] = [];
  for (const period of schedule) {
    const low = Math.max(held[0] ?? from, boundOf(period.from, -Infinity));
    const high = Math.min(from + AHEAD_DAYS, boundOf(period.until, Infinity));
    if (low <= high) days.push(...periodDates(period, held.filter((d) => d >= low && d <= high), low, high).filter((day) => day >= from && !isHoliday(fromDayNumber(day))));
  }
  return days.length ? fromDayNumber(Math.min(...days)) : undefined;
}

function boundOf(date: string | undefined, otherwise: number): number {
  const parsed = date === undefined ? undefined : isoDate(date);
  return parsed ? dayNumber(parsed) : otherwise;
}

/**
 * One period's meeting days from `low` to `high`. Its cadence follows the minutes: a week with
 * minutes is a meeting week, and the next is `everyWeeks` later; a meeting week without minutes
 * whose series met in the weeks before the next one had its meeting moved, not missed; a series
 * whose last minutes came every N weeks, regularly, meets every N weeks as it stood then. Two
 * weekdays are both expected only when the minutes show two meetings a week; else the first (the
 * usual one) is, and a meeting on the other is that week's meeting.
 */
function periodDates(period: ScheduleEntry, held: number[], low: number, high: number): number[] {
  const step = period.everyWeeks ?? 1;
  const heldWeeks = new Set(held.map(weekOf));
  const twiceAWeek = period.weekdays.length > 1 && held.length >= 1.5 * heldWeeks.size;
  const weekdays = twiceAWeek ? period.weekdays : period.weekdays.slice(0, 1);
  const days: number[] = [];
  let phase = weekOf(held[0] ?? low);
  for (let week = weekOf(low); week <= weekOf(high); week++) {
    if (heldWeeks.has(week)) phase = week;
    const cadence = Math.max(step, lateCadence(held.filter((day) => day < mondayOf(week))));
    if ((((week - phase) % cadence) + cadence) % cadence !== 0) continue;
    if (!heldWeeks.has(week) && Array.from({ length: cadence - 1 }, (_, i) => week + 1 + i).some((later) => heldWeeks.has(later))) continue;
    for (const weekday of weekdays) {
      // Weekdays count from Sunday (0); weeks start on Monday.
      const day = mondayOf(week) + ((weekday + 6) % 7);
      if (day >= low && day <= high) days.push(day);
    }
  }
  return days;
}

/** The last this many gaps between minutes show the cadence the series kept. */
const REGULAR_GAPS = 3;

/**
 * Every how many weeks the series met lately: the shortest of its last gaps, when all of them are
 * whole multiples of it (a meeting dropped on a holiday makes one gap twice as long); else 1.
 */
function lateCadence(before: number[]): number {
  const last = before.slice(-(REGULAR_GAPS + 1));
  const gaps = last.slice(1).map((day, i) => day - last[i]);
  const shortest = Math.min(...gaps);
  return gaps.length === REGULAR_GAPS && shortest % 7 === 0 && shortest > 0 && gaps.every((gap) => gap % shortest === 0) ? shortest / 7 : 1;
}
