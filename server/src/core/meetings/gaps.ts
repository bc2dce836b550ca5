/** Each series with its schedule (from its calendar, else its config), its last minutes and its meetings without minutes. */
import type { MinutesConfig } from '../config/types';
import { formatDate, type CalendarDate } from '../model/dates';
import { describeSchedule } from './describe';
import { occurrences } from './expand';
import { missingMeetings, type ExpectedMeeting } from './missing';
import { readCalendars, type CalendarParser, type CalendarReader } from './readCalendars';
import { scheduledSeries } from './scheduleSeries';
import { seriesOfEvent } from './seriesLink';
import type { MissingMeeting, SeriesFiles } from './types';

export interface SeriesSchedule {
  /** The series' folder. */
  series: string;
  /** One line per calendar event of the series (or period of its configured schedule): its summary and schedule. */
  schedule: Array<{ event: string; schedule: string; source: string }>;
  /** Date of its newest minutes file (YYYY-MM-DD), if any. */
  lastMinutes?: string;
  missing: MissingMeeting[];
}

export interface CalendarGaps {
  /** Every series of the calendars and every other series with a schedule, by folder. */
  series: SeriesSchedule[];
  missing: MissingMeeting[];
  /** One line per calendar that could not be read. */
  problems: string[];
}

/**
 * What the config's calendars expect of the repository as of `today`, and for the series no
 * calendar covers, what their configured schedules expect.
 */
export async function calendarGaps(config: MinutesConfig, read: CalendarReader, parse: CalendarParser, files: SeriesFiles, today: CalendarDate): Promise<CalendarGaps> {
  const { events, problems } = config.calendars.length ? await readCalendars(config.calendars, read, parse) : { events: [], problems: [] };
  const day = formatDate(today);
  const bySeries = new Map<string, SeriesSchedule>();
  const meetings: ExpectedMeeting[] = [];
  for (const event of events) {
    const series = seriesOfEvent(event, config.linkBase, config.calendarSeries);
    if (!series) continue;
    const entry = bySeries.get(series) ?? { series, schedule: [], missing: [] };
    entry.schedule.push({ event: event.summary, schedule: describeSchedule(event), source: event.source });
    bySeries.set(series, entry);
    try {
      meetings.push(...occurrences(event, '0000-01-01', day).map((m) => ({ ...m, series })));
    } catch (error) {
      problems.push(`${event.source}: the schedule of "${event.summary}" cannot be followed (${(error as Error).message.split('\n')[0]})`);
    }
  }
  for (const scheduled of scheduledSeries(config, files, new Set(bySeries.keys()), day)) {
    bySeries.set(scheduled.series, { series: scheduled.series, schedule: scheduled.schedule, missing: [] });
    meetings.push(...scheduled.meetings);
  }
  const datesOf = (folder: string) => files.filesIn(folder).flatMap((f) => (f.date ? [formatDate(f.date)] : []));
  const missing = missingMeetings(meetings, datesOf, { today: day, graceDays: config.minutesGraceDays });
  for (const entry of bySeries.values()) {
    entry.lastMinutes = datesOf(entry.series).filter((d) => d <= day).sort().at(-1);
    entry.missing = missing.filter((m) => m.series === entry.series);
  }
  return { series: [...bySeries.values()].sort((a, b) => (a.series < b.series ? -1 : 1)), missing, problems };
}
