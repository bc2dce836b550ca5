import type ICAL from 'ical.js';
import type { CalendarDate } from '../model/dates';

type Recur = InstanceType<typeof ICAL.Recur>;
type Time = InstanceType<typeof ICAL.Time>;

/**
 * A recurrence rule as ical.js reads it, with the event's start as the floating time to iterate it
 * from. The calendar parser (core/calendars.ts), which holds ical.js, makes both: the rest of the
 * core uses them without importing ical.js, which the web build loads only for a config with calendars.
 */
export interface Recurrence {
  recur: Recur;
  start: Time;
}

/**
 * A wall-clock time in the event's own time zone, `YYYY-MM-DDTHH:MM:SS`, or a day `YYYY-MM-DD`
 * (all-day events). A meeting's date is the first ten characters: its local date where it is held.
 */
export type LocalTime = string;

/** One event of a calendar, as both iCalendar and yaml2ics YAML describe it. */
export interface CalendarEvent {
  summary: string;
  description: string;
  /** The calendar file (relative to the repository root) or URL it came from. */
  source: string;
  start: LocalTime;
  /** The recurrence rule, read in wall-clock time from `start`. */
  rule?: Recurrence;
  /** Extra occurrences (RDATE, yaml2ics `also_on`). */
  extraStarts: LocalTime[];
  /** Left-out occurrences (EXDATE, yaml2ics `except_on`); a day alone leaves out that day. */
  exceptStarts: LocalTime[];
  /** Single occurrences moved elsewhere (RECURRENCE-ID), or cancelled (`to` absent). */
  moved: Array<{ from: LocalTime; to?: LocalTime }>;
}

/** One occurrence of an event. */
export interface Meeting {
  /** `YYYY-MM-DD`, the local date. */
  date: string;
  event: CalendarEvent;
}

/** A meeting the calendar expects for which the series has no minutes. */
export interface MissingMeeting {
  /** The series' folder. */
  series: string;
  date: string;
  /** The event's summary. */
  event: string;
  source: string;
}

/** The dated minutes of the repository by series folder (the minutes index answers both). */
export interface SeriesFiles {
  /** Folders holding at least one dated minutes file. */
  datedFolders(): string[];
  /** The dated files of a folder, oldest first. */
  filesIn(folder: string): ReadonlyArray<{ path: string; date?: CalendarDate }>;
}
