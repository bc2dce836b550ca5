/** Meetings the calendar expects whose minutes never arrived. */
import { MOVED_MEETING_DAYS } from '../model/dates';
import { addDays } from './localTime';
import type { CalendarEvent, MissingMeeting } from './types';

/** A meeting a calendar or a schedule expects of a series. */
export interface ExpectedMeeting {
  series: string;
  /** YYYY-MM-DD. */
  date: string;
  /** What expects it: the calendar event, or the series' schedule (`source` "schedule"). */
  event: Pick<CalendarEvent, 'summary' | 'source'>;
}

export interface GapOptions {
  /** YYYY-MM-DD. */
  today: string;
  /** A meeting is missing its minutes only when it is older than this many days. */
  graceDays: number;
}

/**
 * The meetings of each series, dated at least `graceDays` before today, with no minutes file of
 * that series on that date or a few days from it. Each file stands for one meeting at most: the
 * one on its date first, else the nearest. A file with no meeting is fine (extra meetings happen).
 */
export function missingMeetings(meetings: readonly ExpectedMeeting[], minutesDates: (series: string) => string[], options: GapOptions): MissingMeeting[] {
  const lastDue = addDays(options.today, -options.graceDays);
  const bySeries = new Map<string, Map<string, ExpectedMeeting>>();
  // Meetings not yet due take part in the matching all the same: their own minutes are not an older meeting's.
  for (const meeting of meetings) {
    if (meeting.date > options.today) continue;
    const dates = bySeries.get(meeting.series) ?? new Map<string, ExpectedMeeting>();
    // Two events of one series on one day are one meeting.
    if (!dates.has(meeting.date)) dates.set(meeting.date, meeting);
    bySeries.set(meeting.series, dates);
  }
  const missing: MissingMeeting[] = [];
  for (const [series, held] of [...bySeries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const unused = new Set(minutesDates(series));
    const unmatched = [...held.keys()].sort().filter((date) => !unused.delete(date));
    for (const date of unmatched) {
      const nearest = nearestWithin(date, unused);
      if (nearest) unused.delete(nearest);
      else if (date <= lastDue) {
        const { event } = held.get(date)!;
        missing.push({ series, date, event: event.summary, source: event.source });
      }
    }
  }
  return missing;
}

function nearestWithin(date: string, files: Set<string>): string | undefined {
  for (let distance = 1; distance <= MOVED_MEETING_DAYS; distance++) {
    for (const candidate of [addDays(date, -distance), addDays(date, distance)]) if (files.has(candidate)) return candidate;
  }
  return undefined;
}
