import type { RuleSetting } from '../rules/severity';

/** One team or SIG of the roster. */
export interface TeamConfig {
  /** Display name, as the heading should say it: `Team IaaS`, `SIG Documentation`. */
  name: string;
  /** Other names people use for it in headings: `IAM SIG`, `SIG IAM`. */
  aliases?: string[];
  /** Folder of its meeting minutes, relative to the repository root: `iaas`. */
  folder?: string;
  kind?: 'team' | 'sig' | 'group';
  /** How often it meets, in weeks (SIGs often meet every other week). */
  everyWeeks?: number;
}

/** One period of a meeting's schedule: on these weekdays, every N weeks, from/until a date (ISO, inclusive). */
export interface ScheduleEntry {
  weekdays: number[];
  everyWeeks?: number;
  from?: string;
  until?: string;
}

export interface SectionNames {
  meta: string[];
  updates: string[];
  aob: string[];
  projectUpdates: string[];
}

export interface MinutesConfig {
  /** Folder of the weekly roll-ups, relative to the repository root: the roll-ups' series. */
  weeklyFolder: string;
  /** Path patterns of the roll-ups (see paths.ts), first the one new files get. */
  weeklyPaths: string[];
  /** Path patterns of every other series of minutes (`{series}/{YYYY}{MM}{DD}{suffix}.md`). */
  minutesPaths: string[];
  /** Title of a weekly roll-up; `{date}` stands for the meeting date. */
  weeklyTitle: string;
  /** Every title form the roll-ups had over the years, `weeklyTitle` first. */
  weeklyTitles: string[];
  /** Weekday of the weekly meeting, 0 = Sunday ... 6 = Saturday. */
  meetingWeekday: number;
  /** When the roll-up meeting was held over the years; empty: every week on `meetingWeekday`. */
  schedule: ScheduleEntry[];
  /** Where minutes links point: `{linkBase}iaas/20220927.md`. */
  linkBase: string;
  /** Heading names of the well-known sections (first is the canonical one). */
  sections: SectionNames;
  /** Sections a weekly roll-up must have, by key of `sections`. */
  requiredSections: Array<keyof SectionNames>;
  /** The teams and SIGs; empty means inferred from the workspace. */
  teams: TeamConfig[];
  /** Calendars of the meeting series: `.ics` or yaml2ics files of the repository, or http(s) feed URLs. */
  calendars: string[];
  /** Events of the calendars that link no minutes folder, with their series' folder. */
  calendarSeries: Array<{ event: string; folder: string }>;
  /** A calendar's meeting is missing its minutes once it is this many days old. */
  minutesGraceDays: number;
  holidays: { country: string; state?: string; language: string };
  /** The "meeting cancelled" notice: `{date}`, `{country}`, `{holiday}` are filled in. */
  holidayNotice: { template: string; days: number };
  /** Severity of each rule by its code, or `off`; unlisted rules keep their default. */
  rules: Record<string, RuleSetting>;
  /** Globs (relative to the repository root) of files that are never checked. */
  ignores: string[];
  /**
   * Reminders about the state of today (pending minutes that now exist) are given on the newest
   * roll-up and on roll-ups dated within this many days of today; older roll-ups are history.
   */
  reminderDays: number;
  /** Whether New Weekly Minutes fills each team's section with the topics and new action items of its minutes. */
  draftRollUps: boolean;
}
