import { calendarFor } from '../calendar/calendarFor';
import { scheduleOn } from '../config/schedule';
import { SECTION_ROLES, type ScheduleEntry, type SectionNames } from '../config/types';
import { dayNumber, findDates, formatDate, fromDayNumber, weekday, type CalendarDate } from '../model/dates';
import { flatten } from '../model/parse';
import type { MinutesModel } from '../model/types';
import { findWrittenDates } from '../model/writtenDates';
import { normalizeHeading, sameHeading } from '../text/headings';

/** One file of a series as --init reads it. */
export interface SeriesFile {
  path: string;
  date: CalendarDate;
  model?: MinutesModel;
}

/**
 * The files and folders of this repository a file links: relative links resolved against the file,
 * and links to GitHub-style `blob`/`tree` views whose path is a file or series here. A link to another
 * repository (`github.com/ORG/OTHER/pull/1`, a logo) names nothing here, whatever its folders are called.
 */
export function localLinks(text: string, from: string, isLocal: (path: string) => boolean): Array<{ path: string; base?: string }> {
  const found: Array<{ path: string; base?: string }> = [];
  const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
  for (const m of text.matchAll(/\]\(\s*<?([^)\s>]+)|<(https?:\/\/[^>\s]+)>|(?<![(<\w])(https?:\/\/[^\s)>\]]+)/gu)) {
    const url = (m[1] ?? m[2] ?? m[3]).replace(/[?#].*$/u, '');
    // mailto:, data: and the like name no file.
    if (url === '' || (/^[a-z][a-z0-9+.-]*:/iu.test(url) && !/^https?:/iu.test(url))) continue;
    let path: string | undefined;
    let base: string | undefined;
    const view = /^(https?:\/\/[^/]+\/(?:[^/]+\/){2}(?:-\/)?)(?:blob|tree|raw|edit)\/[^/]+\/(.*)$/iu.exec(url);
    if (view) {
      path = view[2];
      base = url.slice(0, url.length - view[2].length).replace(/\/(?:tree|raw|edit)\/([^/]+)\/$/iu, '/blob/$1/');
    } else if (!/^https?:/iu.test(url) && !url.startsWith('/')) {
      path = normalise(dir + url);
    }
    if (path === undefined) continue;
    try {
      path = decodeURIComponent(path).replace(/\/$/u, '');
    } catch {
      continue;
    }
    if (isLocal(path)) found.push({ path, base });
  }
  return found;
}

function normalise(path: string): string | undefined {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (!out.length) return undefined;
      out.pop();
    } else out.push(segment);
  }
  return out.join('/');
}

/** The title forms of a series (`Board Meeting {date}`) that at least 2 and 5 % of its files have, most recent first. */
export function titleForms(files: SeriesFile[]): Array<{ form: string; count: number }> {
  const forms = new Map<string, { count: number; last: number }>();
  for (const { model, date } of files) {
    const heading = model?.title?.text;
    const form = heading && titleForm(heading, date);
    if (!form) continue;
    const known = forms.get(form) ?? { count: 0, last: 0 };
    forms.set(form, { count: known.count + 1, last: Math.max(known.last, dayNumber(date)) });
  }
  const withModels = files.filter((f) => f.model).length;
  return [...forms.entries()]
    .filter(([, f]) => f.count >= Math.max(2, withModels * 0.05))
    .sort((a, b) => b[1].last - a[1].last)
    .map(([form, f]) => ({ form, count: f.count }));
}

/** A title with its date replaced by `{date}` (`Foundation Board Meeting {date}`), if it has the file's date. */
export function titleForm(title: string, date: CalendarDate): string | undefined {
  const iso = findDates(title).find((d) => d.date && dayNumber(d.date) === dayNumber(date));
  const written = iso ? undefined : findWrittenDates(title, date).find((d) => d.date && dayNumber(d.date) === dayNumber(date));
  const found = iso ?? written;
  if (!found) return undefined;
  // White space as one space: a title typed with two spaces is the same form (titles match so too).
  const form = `${title.slice(0, found.offset)}{date}${title.slice(found.offset + found.text.length)}`.replace(/\s+/gu, ' ').trim();
  return form === '{date}' ? undefined : form;
}

/**
 * The headings a series' minutes must have: for a roll-up, the well-known sections of the defaults
 * that at least half of them have (the defaults hold where the files do not contradict them) and
 * the others three quarters have; for other series, the headings nine in ten of them have.
 */
export function requiredSections(files: SeriesFile[], rollUp: boolean, sections: SectionNames, defaults: readonly string[]): { names: string[]; why: string } {
  const models = files.flatMap((f) => (f.model ? [flatten(f.model.sections)] : []));
  if (models.length < MIN_FILES_FOR_SECTIONS) return { names: rollUp ? [...defaults] : [], why: `too few files to tell (${models.length})` };
  const share = (has: (titles: ReturnType<typeof flatten>) => boolean) => models.filter(has).length / models.length;
  if (rollUp) {
    const shares = SECTION_ROLES.map((role) => ({ name: sections[role][0], share: share((s) => s.some((x) => x.role === role)) }));
    const names = shares.filter((s) => s.share >= (defaults.includes(s.name) ? 0.5 : 0.75)).map((s) => s.name);
    return { names, why: shares.map((s) => `${s.name} ${Math.round(s.share * 100)} %`).join(', ') };
  }
  const counts = new Map<string, { written: Map<string, number>; files: number }>();
  for (const headings of models) {
    const seen = new Set<string>();
    for (const s of headings) {
      const written = normalizeHeading(s.title);
      // One heading written with a typo now and then (`transfering`) is still that heading.
      const key = counts.has(written) ? written : ([...counts.keys()].find((k) => sameHeading(k, written)) ?? written);
      // Titles and dated headings are each meeting's own.
      if (s.depth === 1 || key === '' || /\d/u.test(key) || seen.has(key)) continue;
      seen.add(key);
      const known = counts.get(key) ?? { written: new Map(), files: 0 };
      known.files++;
      const form = s.title.replace(/[:\s]+$/u, '');
      known.written.set(form, (known.written.get(form) ?? 0) + 1);
      counts.set(key, known);
    }
  }
  const common = [...counts.values()].filter((c) => c.files >= models.length * 0.9);
  const names = common.map((c) => [...c.written.entries()].sort((a, b) => b[1] - a[1])[0][0]);
  return { names, why: common.length ? names.map((n, i) => `${n} ${Math.round((common[i].files / models.length) * 100)} %`).join(', ') : 'no heading nine in ten of its files have' };
}

const MIN_FILES_FOR_SECTIONS = 5;

/**
 * The periods of a series' schedule: runs of meetings on the same weekday (a few meetings on
 * another day are exceptions, not a new period), each with the weekdays at least a quarter of its
 * meetings fell on (two may both be usual) and its usual gap in weeks.
 */
export function inferSchedule(dates: CalendarDate[]): ScheduleEntry[] {
  type Run = { day: number; dates: CalendarDate[] };
  const runs: Run[] = [];
  for (const date of dates) {
    const last = runs[runs.length - 1];
    if (last && last.day === weekday(date)) last.dates.push(date);
    else runs.push({ day: weekday(date), dates: [date] });
  }
  // Short runs are exceptions within the period around them.
  const periods: Run[] = [];
  for (const run of runs) {
    const last = periods[periods.length - 1];
    if (last && (run.dates.length < MIN_RUN || last.day === run.day)) last.dates.push(...run.dates);
    else periods.push({ day: run.day, dates: [...run.dates] });
  }
  const usual = (p: Run) => {
    const counts = new Array<number>(7).fill(0);
    for (const d of p.dates) counts[weekday(d)]++;
    return counts.map((n, day) => [n, day]).filter(([n]) => n >= p.dates.length * 0.25).sort((a, b) => b[0] - a[0]).map(([, day]) => day);
  };
  const gapsOf = (p: Run) => p.dates.slice(1).map((d, j) => dayNumber(d) - dayNumber(p.dates[j])).sort((a, b) => a - b);
  // A period without one or two usual weekdays has no schedule to check against; nor one of
  // meetings mostly on consecutive days (face-to-face meetings of several days, a few a year).
  return periods
    .filter((p) => p.dates.length >= MIN_RUN && usual(p).length >= 1 && usual(p).length <= 2 && (gapsOf(p)[Math.floor((p.dates.length - 1) / 2)] ?? 7) > 2)
    .map((p, i, all) => {
      const weekdays = usual(p);
      const gaps = gapsOf(p);
      const everyWeeks = Math.max(1, Math.round((gaps[Math.floor(gaps.length / 2)] ?? 7) / 7));
      const next = all[i + 1];
      return {
        weekdays,
        ...(everyWeeks > 1 ? { everyWeeks } : {}),
        ...(i > 0 ? { from: formatDate(p.dates[0]) } : {}),
        ...(next ? { until: formatDate(fromDayNumber(dayNumber(next.dates[0]) - 1)) } : {}),
      };
    });
}

/** Fewer meetings in a row on another weekday are exceptions, not a move. */
const MIN_RUN = 3;

/**
 * How many of the public holidays of `region` that fell on a meeting of a series' cadence (a
 * meeting a cadence before or after it) the series met on: a series that meets on most of them
 * does not keep that region's holidays.
 */
export function meetsOnHolidays(series: Array<{ dates: CalendarDate[]; schedule: ScheduleEntry[] }>, region: { country: string; language: string }): { held: number; expected: number } {
  const calendar = calendarFor(region);
  let held = 0;
  let expected = 0;
  for (const { dates, schedule } of series) {
    if (!schedule.length || !dates.length) continue;
    const met = new Set(dates.map(dayNumber));
    for (let day = dayNumber(dates[0]); day <= dayNumber(dates[dates.length - 1]); day++) {
      const date = fromDayNumber(day);
      const periods = scheduleOn({ schedule }, date);
      if (!periods.some((p) => p.weekdays.includes(weekday(date))) || !calendar.holidayOn(date)) continue;
      const step = 7 * (periods[0].everyWeeks ?? 1);
      if (!met.has(day - step) && !met.has(day + step)) continue;
      expected++;
      if (met.has(day)) held++;
    }
  }
  return { held, expected };
}
