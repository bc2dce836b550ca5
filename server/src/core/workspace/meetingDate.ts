import { meetingWeekdays } from '../config/schedule';
import type { MinutesConfig } from '../config/types';
import { dayNumber, sameDate, weekday, type CalendarDate } from '../model/dates';
import type { CheckedModel } from '../model/types';
import type { IndexedFile, MinutesIndex } from './minutesIndex';

/** What telling the meeting's date reads of the repository: the other files of the series. */
export interface SeriesSource {
  readonly index: MinutesIndex;
  relativePath(uri: string): string | undefined;
  /** A file's model as far as its headings (its title), where the source can read files. */
  outline?(path: string): CheckedModel | undefined;
}

/**
 * The date the minutes are about. Title and file name usually agree; when they do not, the file
 * name wins unless it is the one found wrong (see wrongDate).
 */
export function meetingDate(model: CheckedModel, config: MinutesConfig, workspace?: SeriesSource, today?: CalendarDate): CalendarDate | undefined {
  const titleDate = model.title?.date?.problem === 'impossible' ? undefined : model.title?.date?.date;
  const fileDate = model.fileDate?.date;
  if (!titleDate || !fileDate) return fileDate ?? titleDate;
  return wrongDate(model, config, workspace, today)?.wrong === 'file' ? titleDate : fileDate;
}

export interface DateVerdict {
  wrong: 'title' | 'file';
  /**
   * - copied: the title names an earlier meeting of the same series (copied from it): the file's date is right;
   * - weekday: only one of the dates is on the series' meeting weekday: that one is right;
   * - future: the title is after today (minutes are of meetings that happened), but what it should say is unknown.
   */
  why: 'copied' | 'weekday' | 'future';
}

/**
 * Which of the two dates is the mistake when the title and the file name disagree, and why; or
 * undefined when that cannot be told (then neither fix is the one to apply without asking).
 */
export function wrongDate(model: CheckedModel, config: MinutesConfig, workspace?: SeriesSource, today?: CalendarDate): DateVerdict | undefined {
  const titleDate = model.title?.date?.date;
  const fileDate = model.fileDate?.date;
  // A range of days (`14-16 October`) holds the meeting somewhere: neither date can be told wrong.
  if (model.kind === 'other' || !titleDate || !fileDate || model.title?.date?.problem || model.title?.date?.until || sameDate(titleDate, fileDate)) return undefined;
  if (today && dayNumber(titleDate) > dayNumber(today) && dayNumber(fileDate) <= dayNumber(today)) return { wrong: 'title', why: 'future' };
  const path = workspace?.relativePath(model.uri);
  const folder = (path !== undefined ? workspace?.index.file(path)?.folder : undefined) ?? (path?.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
  const series = workspace && path !== undefined ? workspace.index.filesIn(folder).filter((f) => f.path !== path && dayNumber(f.date!) < dayNumber(fileDate)) : [];
  // A title a day or two off may be a meeting moved that week, named by its usual day: the title,
  // written during the meeting, is then the right one, so a copy is only one of an earlier week.
  const near = Math.abs(dayNumber(titleDate) - dayNumber(fileDate)) < NEAR_DAYS;
  if (!near && series.some((f) => sameDate(f.date!, titleDate))) return { wrong: 'title', why: 'copied' };
  // Files named by the week (its Monday) while the meeting is later that week: the name's weekday tells nothing.
  if (workspace && namedByWeek(workspace, series)) return undefined;
  // The series' own schedule where it has one; else the weekday most of its meetings fell on.
  const usual = seriesWeekdays(model, config, fileDate) ?? [usualWeekday(series.map((f) => f.date!))].filter((d) => d !== undefined);
  if (!usual.length) return undefined;
  const titleOn = usual.includes(weekday(titleDate));
  const fileOn = usual.includes(weekday(fileDate));
  if (titleOn === fileOn || (near && fileOn)) return undefined;
  return { wrong: titleOn ? 'file' : 'title', why: 'weekday' };
}

/** Title and file name closer than this may both be right: the meeting moved within its week. */
const NEAR_DAYS = 3;

/**
 * Whether a series names its files by the week rather than the meeting day: most of its recent
 * files whose title has another date than the name have one a few days later in that week, at
 * least three of them (W3C TAG's `01-03-minutes.md` for the call of Wednesday 5 January).
 */
function namedByWeek(workspace: SeriesSource, earlier: IndexedFile[]): boolean {
  if (!workspace.outline) return false;
  let later = 0;
  let other = 0;
  for (const file of earlier.slice(-12)) {
    const mention = workspace.outline(file.path)?.title?.date;
    // A range of days from the name's day on (`10-13 January`) is the week's meetings too.
    const title = mention?.date && sameDate(mention.date, file.date!) && mention.until ? mention.until : mention?.date;
    if (!title || sameDate(title, file.date!)) continue;
    const days = dayNumber(title) - dayNumber(file.date!);
    if (days > 0 && days < 7 && weekday(title) > weekday(file.date!)) later++;
    else other++;
  }
  return later >= 3 && later > other;
}

/**
 * The weekdays the series of a file meets on around `date`, when its config gives a schedule: a
 * roll-up's (the first roll-up's weekday where it is no file of a series, see documentKind), or its series'.
 */
export function seriesWeekdays(model: CheckedModel, config: MinutesConfig, date: CalendarDate): number[] | undefined {
  const series = model.dated?.seriesConfig;
  if (series?.schedule.length) return meetingWeekdays(series, date);
  if (model.kind === 'weekly' && !model.dated?.weekly) return meetingWeekdays(config, date);
  return undefined;
}

/** The weekday most of a series' recent meetings fell on, if most did (at least 3 of them). */
export function usualWeekday(dates: CalendarDate[]): number | undefined {
  const recent = dates.slice(-12);
  const counts = new Array<number>(7).fill(0);
  for (const date of recent) counts[weekday(date)]++;
  const top = Math.max(...counts);
  return top >= 3 && top >= 0.6 * recent.length ? counts.indexOf(top) : undefined;
}
