import type { FromSchema } from './fromSchema';
import type { SCHEDULE, SECTION_ROLES, SERIES, TEAM } from './schemaParts';
import type { RuleSetting } from './severity';

export { SECTION_ROLES, SERIES_KINDS } from './schemaParts';

/** One team or SIG of the roster (`name`, `aliases`, `folder`, `kind`, `everyWeeks`: see the schema). */
export type TeamConfig = FromSchema<typeof TEAM>;

/** One period of a meeting's schedule: on these weekdays, every N weeks, from/until a date (ISO, inclusive). */
export type ScheduleEntry = FromSchema<typeof SCHEDULE>[number];

export type SectionRoleKey = (typeof SECTION_ROLES)[number];

/** Heading names of each well-known section (first is the canonical one). */
export type SectionNames = Record<SectionRoleKey, string[]>;

/** A series as `.minutes.json` gives it (see the schema): only its paths are needed. */
export type GivenSeries = FromSchema<typeof SERIES>;

/** One meeting series as the checks read it, defaults filled in: which files are its minutes, and what each must be like. */
export type SeriesConfig = Required<Omit<GivenSeries, 'name'>> & Pick<GivenSeries, 'name'>;

export type SeriesKind = SeriesConfig['kind'];

export interface MinutesConfig {
  /**
   * The meeting series, each with its files, title forms, schedule and required sections. The keys
   * below up to `requiredSections` are views of them (the first roll-up's and the other series'),
   * kept for the features that ask about "the" roll-up; `.minutes.json` may still give them instead.
   */
  series: SeriesConfig[];
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
  /** Sections the first roll-up series must have, by role (see its series' `requiredSections` for any heading). */
  requiredSections: SectionRoleKey[];
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
  /** Folder (relative to the root) for images brought in from a pad; empty: next to the minutes file. */
  assetsFolder: string;
  /** Whether New Weekly Minutes fills each team's section with the topics and new action items of its minutes. */
  draftRollUps: boolean;
}
