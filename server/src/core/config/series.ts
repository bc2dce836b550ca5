import { normalizeHeading } from '../text/headings';
import { compilePathPattern } from './paths';
import type { GivenSeries, MinutesConfig, ScheduleEntry, SectionNames, SectionRoleKey, SeriesConfig } from './types';

export type { GivenSeries };
import { SECTION_ROLES } from './types';


/** The keys of `.minutes.json` from before series: they describe the first roll-up series (and `minutesPaths` the first other series). */
export interface LegacySeriesKeys {
  weeklyFolder?: string;
  weeklyPaths?: string[];
  minutesPaths?: string[];
  weeklyTitle?: string;
  weeklyTitles?: string[];
  meetingWeekday?: number;
  schedule?: ScheduleEntry[];
  requiredSections?: SectionRoleKey[];
}

/** How a series' files are named when nothing else says: by the meeting's date (`20220928.md`, `20220704-workshop.md`). */
export const DEFAULT_FILE_NAMING = '{YYYY}{MM}{DD}{suffix}.md';

/** The path pattern of a folder's files when only the folder is given (`{series}` for a folder per series). */
export const folderPattern = (folder: string): string => `${folder}/${DEFAULT_FILE_NAMING}`;

/**
 * The series of a configuration: `series` as given (or the defaults'), with the keys from before
 * series applied to the first roll-up series (created when there is none) and `minutesPaths` to the
 * first other series: so an old `.minutes.json`, and an editor setting such as `minutes.meetingWeekday`,
 * keep meaning what they meant.
 */
export function resolveSeries(given: { series?: GivenSeries[] } & LegacySeriesKeys, defaults: readonly SeriesConfig[], sections: SectionNames): SeriesConfig[] {
  const list = given.series ? given.series.map(fillSeries) : defaults.map((s) => ({ ...s }));
  const rollUpKeys = ['weeklyFolder', 'weeklyPaths', 'weeklyTitle', 'weeklyTitles', 'meetingWeekday', 'schedule', 'requiredSections'] as const;
  if (rollUpKeys.some((key) => given[key] !== undefined)) {
    let rollUp = list.find((s) => s.kind === 'rollup');
    if (!rollUp) list.unshift((rollUp = { kind: 'rollup', paths: [], titles: [], schedule: [], requiredSections: [] }));
    const index = list.indexOf(rollUp);
    const paths = given.weeklyPaths ?? (given.weeklyFolder !== undefined ? [folderPattern(given.weeklyFolder)] : rollUp.paths);
    const firstTitle = given.weeklyTitle ?? given.weeklyTitles?.[0];
    const titles = firstTitle !== undefined ? [...new Set([firstTitle, ...(given.weeklyTitles ?? [])])] : rollUp.titles;
    const schedule = given.schedule?.length ? given.schedule : given.meetingWeekday !== undefined ? [{ weekdays: [given.meetingWeekday] }] : rollUp.schedule;
    const requiredSections = given.requiredSections ? given.requiredSections.map((role) => sections[role][0]) : rollUp.requiredSections;
    list[index] = { ...rollUp, paths, titles, schedule, requiredSections };
  }
  if (given.minutesPaths) {
    const index = list.findIndex((s) => s.kind === 'minutes');
    if (index < 0) list.push(fillSeries({ paths: given.minutesPaths }));
    else list[index] = { ...list[index], paths: given.minutesPaths };
  }
  return list.filter((s) => s.paths.length);
}

function fillSeries(given: GivenSeries): SeriesConfig {
  return { kind: 'minutes', titles: [], schedule: [], requiredSections: [], ...given };
}

/**
 * What the features that know "the" roll-up read: the first roll-up series' folder, paths, titles
 * and weekday, and the other series' paths. Without a roll-up, its folder is empty and it has no paths.
 */
export function seriesViews(series: readonly SeriesConfig[], sections: SectionNames): Pick<MinutesConfig, 'weeklyFolder' | 'weeklyPaths' | 'minutesPaths' | 'weeklyTitle' | 'weeklyTitles' | 'meetingWeekday' | 'schedule' | 'requiredSections'> {
  const rollUps = series.filter((s) => s.kind === 'rollup');
  const first = rollUps[0];
  const titles = rollUps.flatMap((s) => s.titles);
  const schedule = first?.schedule ?? [];
  return {
    weeklyFolder: first ? (compilePathPattern(first.paths[0]).literalSeries ?? '') : '',
    weeklyPaths: rollUps.flatMap((s) => s.paths),
    minutesPaths: series.filter((s) => s.kind !== 'rollup').flatMap((s) => s.paths),
    weeklyTitle: titles[0] ?? '',
    weeklyTitles: titles,
    meetingWeekday: schedule.at(-1)?.weekdays[0] ?? 4,
    schedule,
    requiredSections: SECTION_ROLES.filter((role) => first?.requiredSections.some((name) => sectionRoleOf(name, sections) === role)),
  };
}

/** The role a heading name has among the well-known sections (`Team and SIG Updates` is `updates`), if any. */
export function sectionRoleOf(name: string, sections: SectionNames): SectionRoleKey | undefined {
  const key = normalizeHeading(name);
  return SECTION_ROLES.find((role) => sections[role].some((n) => normalizeHeading(n) === key));
}
