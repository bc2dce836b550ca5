import type { RuleSetting } from './severity';

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

/** The sections the checks know by their role, in the order a roll-up has them: the one list of them. */
export const SECTION_ROLES = ['meta', 'updates', 'aob', 'projectUpdates'] as const;
export type SectionRoleKey = (typeof SECTION_ROLES)[number];

/** Heading names of each well-known section (first is the canonical one). */
export type SectionNames = Record<SectionRoleKey, string[]>;

/**
 * - minutes: one file per meeting of a group;
 * - rollup: a meeting whose sections link the minutes of other series (SCS's weekly community call).
 */
export const SERIES_KINDS = ['minutes', 'rollup'] as const;
export type SeriesKind = (typeof SERIES_KINDS)[number];

/** One meeting series: which files are its minutes, and what each of them must be like. */
export interface SeriesConfig {
  /** What people call it, for messages: `Community call`. */
  name?: string;
  kind: SeriesKind;
  /** Path patterns of its files (see paths.ts), first the one new files get. */
  paths: string[];
  /** Every title form its minutes had over the years, `{date}` for the meeting date; new files get the first. Empty: any title. */
  titles: string[];
  /** When it meets; empty: no schedule is checked (the usual weekday of its files still tells which date is wrong). */
  schedule: ScheduleEntry[];
  /** Headings each of its minutes must have, as people write them (`Present`, `Team Updates`). */
  requiredSections: string[];
}

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
