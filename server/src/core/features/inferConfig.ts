import { DEFAULT_CONFIG } from '../config/defaults';
import { resolveConfig } from '../config/load';
import { patternOf, swapMonthAndDay } from '../config/pathShapes';
import { compilePathPattern, datedPathOf, matchDatedPath } from '../config/paths';
import type { MinutesConfig, ScheduleEntry } from '../config/types';
import { dayNumber, findDates, sameDate, weekday, WEEKDAY_NAMES, type CalendarDate } from '../model/dates';
import { isSlideDeck } from '../model/slideDeck';
import { parseMinutes } from '../model/parse';
import { findWrittenDates } from '../model/writtenDates';
import { inferSchedule, localLinks, meetsOnHolidays, requiredSections, titleForms, type SeriesFile } from './inferSeries';

/** One inferred setting, with what it was inferred from (written as a comment above it). */
export interface InferredValue {
  key: string;
  value: unknown;
  why: string;
  /** For a list: what each item was inferred from (a comment above each). */
  itemWhy?: string[];
  /** Proposed only: written as a comment, for the user to take up. */
  commentedOut?: boolean;
}

export interface InferredConfig {
  values: InferredValue[];
  /** Dated files each path pattern recognises. */
  recognised: Array<{ pattern: string; files: number }>;
  /** Files with a date in their name that no pattern covers (and lint says so of each). */
  unrecognised: string[];
  /** The configuration the values make, for checking it right away. */
  config: MinutesConfig;
}

/** What --init reads: every Markdown file's path (relative, with `/`) and its text. */
export interface InitSource {
  paths: string[];
  readText(path: string): string | undefined;
}

interface Series {
  name: string;
  shapes: Set<string>;
  files: SeriesFile[];
}

/**
 * A `.minutes.json` for a repository, from its files: its meeting series, each with the path
 * patterns of its files, its title forms, its schedule over the years and the sections its minutes
 * have; which of them are roll-ups (the ones whose files mostly link other series of this
 * repository); where links point; and the defaults kept wherever the files do not contradict them.
 */
export function inferConfig(source: InitSource): InferredConfig {
  const texts = new Map<string, string | undefined>();
  const read = (path: string) => (texts.has(path) ? texts.get(path) : (texts.set(path, source.readText(path)), texts.get(path)));
  // Slide decks and templates are no minutes: they shape nothing.
  const isMinutes = (path: string) => !/template/iu.test(path.slice(path.lastIndexOf('/') + 1)) && !isSlideDeck(read(path) ?? '');

  // 1. Path patterns: the shapes of the dated file names, most common first.
  const shapes = new Map<string, string[]>();
  for (const path of source.paths) {
    const shape = patternOf(path);
    if (shape && isMinutes(path)) shapes.set(shape, [...(shapes.get(shape) ?? []), path]);
  }
  for (const shape of [...shapes.keys()]) {
    // `X.md` and `X{suffix}.md` are one naming: the one with the suffix covers both.
    const plain = shape.replace('{suffix}', '');
    if (plain !== shape && shapes.has(plain)) {
      shapes.set(shape, [...shapes.get(plain)!, ...shapes.get(shape)!]);
      shapes.delete(plain);
    }
  }
  for (const [shape, files] of [...shapes.entries()]) {
    // Month-day or day-month: the reading under which the files' dates agree with their titles and weekdays.
    const other = swapMonthAndDay(shape);
    if (other && readingScore(other, files, read) > readingScore(shape, files, read)) {
      shapes.delete(shape);
      shapes.set(other, [...(shapes.get(other) ?? []), ...files]);
    }
  }
  // Rare shapes (fewer than 2 files, or under 1 %) are one-offs: listed, not made patterns.
  const total = [...shapes.values()].reduce((n, files) => n + files.length, 0);
  const isRare = (files: string[]) => files.length < 2 || files.length < total * 0.01;
  // Except where many rare shapes differ in one folder only (`2019/09-tokyo/`, `2023/04-tokyo/`:
  // a folder per face-to-face meeting of a few days): one shape with `{*}` for that folder covers them.
  const isEvent = (shape: string) => isRare(shapes.get(shape)!) || onConsecutiveDays(datesOf(shape, shapes.get(shape)!));
  const merged = new Map<string, string[]>();
  for (const [shape, files] of shapes) {
    const loose = isEvent(shape) ? anyFolderAfterYear(shape) : undefined;
    if (loose) merged.set(loose, [...(merged.get(loose) ?? []), ...files]);
  }
  for (const [loose, files] of merged) {
    const parts = [...shapes.keys()].filter((shape) => isEvent(shape) && anyFolderAfterYear(shape) === loose);
    if (parts.length < 2 || isRare(files)) continue;
    for (const part of parts) shapes.delete(part);
    shapes.set(loose, files);
  }
  const ranked = [...shapes.entries()].sort((a, b) => b[1].length - a[1].length);
  const kept = ranked.filter(([, files]) => files.length >= 2 && files.length >= total * 0.01);

  // 2. The series: the files of each folder, read as minutes of no roll-up.
  const bySeries = new Map<string, Series>();
  for (const [shape, files] of kept) {
    for (const path of files) {
      const dated = matchDatedPath(path, [shape]);
      if (!dated?.date.date || dated.date.problem) continue;
      // A naming inside year folders (`{YYYY}/telcons/...`) is a series of its own, whatever its folder.
      const name = shape.startsWith('{') && !compilePathPattern(shape).hasSeries ? shape : dated.series;
      const series = bySeries.get(name) ?? { name, shapes: new Set(), files: [] };
      series.shapes.add(shape);
      series.files.push({ path, date: dated.date.date });
      bySeries.set(name, series);
    }
  }
  mergeRenamedFolders(bySeries);
  const probe = resolveConfig({ series: kept.length ? [{ paths: kept.map(([shape]) => shape) }] : [] }).config;
  for (const series of bySeries.values()) {
    series.files.sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
    for (const file of series.files) {
      const text = read(file.path);
      if (text !== undefined) file.model = parseMinutes({ uri: `file:///repository/${file.path}`, version: 0, text }, probe);
    }
  }

  // 3. Roll-ups: series whose files mostly link the files or folders of other series here.
  const seriesOfPath = new Map<string, string>();
  for (const series of bySeries.values()) for (const f of series.files) seriesOfPath.set(f.path, series.name);
  const seriesOf = (path: string) => seriesOfPath.get(path) ?? (bySeries.has(path) ? path : undefined);
  const linksOf = new Map<string, Array<{ path: string; base?: string }>>();
  for (const series of bySeries.values()) {
    for (const { path } of series.files) linksOf.set(path, localLinks(read(path) ?? '', path, (target) => seriesOf(target) !== undefined && seriesOf(target) !== series.name));
  }
  // This repository's address: the one most links to its dated files start with. A link elsewhere
  // (another repository with folders of the same names) names nothing here.
  const bases = new Map<string, number>();
  for (const links of linksOf.values()) for (const link of links) if (link.base && seriesOfPath.has(link.path)) bases.set(link.base, (bases.get(link.base) ?? 0) + 1);
  const base = [...bases.entries()].sort((a, b) => b[1] - a[1])[0];
  const rollUps = new Map<string, string>();
  for (const series of bySeries.values()) {
    let linking = 0;
    const targets = new Set<string>();
    for (const { path } of series.files) {
      const links = linksOf.get(path)!.filter((link) => link.base === undefined || link.base === base?.[0]);
      if (links.length) linking++;
      for (const link of links) targets.add(seriesOf(link.path)!);
    }
    if (series.files.length >= MIN_SERIES_FILES && linking >= series.files.length * 0.5 && targets.size >= 2) {
      rollUps.set(series.name, `a roll-up: ${linking} of its ${series.files.length} files link minutes of ${targets.size} other series`);
    }
  }

  // 4. One entry per series of some size, then one for every other folder named the same way.
  const entries: Array<Record<string, unknown>> = [];
  const itemWhy: string[] = [];
  const defaultsRollUp = DEFAULT_CONFIG.series.find((s) => s.kind === 'rollup')!;
  const sized = [...bySeries.values()].filter((s) => s.files.length >= MIN_SERIES_FILES).sort((a, b) => Number(rollUps.has(b.name)) - Number(rollUps.has(a.name)) || b.files.length - a.files.length);
  const schedules: Array<{ dates: CalendarDate[]; schedule: ScheduleEntry[] }> = [];
  for (const series of sized) {
    const rollUp = rollUps.has(series.name);
    const paths = [...new Set(withLooseDigits([...series.shapes]))].map((shape) => (compilePathPattern(shape).hasSeries ? shape.replace('{series}', series.name) : shape));
    const titles = titleForms(series.files);
    const dates = series.files.map((f) => f.date);
    const schedule = inferSchedule(dates);
    schedules.push({ dates, schedule });
    const required = requiredSections(series.files, rollUp, DEFAULT_CONFIG.sections, defaultsRollUp.requiredSections);
    entries.push({
      ...(rollUp ? { kind: 'rollup' } : {}),
      paths,
      ...(titles.length ? { titles: titles.map((t) => t.form) } : {}),
      ...(schedule.length ? { schedule } : {}),
      ...(required.names.length ? { requiredSections: required.names } : {}),
    });
    const day = schedule.at(-1)?.weekdays.map((d) => WEEKDAY_NAMES[d]).join(' or ');
    itemWhy.push(
      [
        `${paths[0]}: ${series.files.length} files${rollUp ? `, ${rollUps.get(series.name)}` : ''}`,
        titles.length ? `titles ${titles.map((t) => `"${t.form}" ${t.count}x`).join(', ')}` : 'no common title form',
        day ? `meets on ${day}${schedule.length > 1 ? ` lately (${schedule.length} periods)` : ''}` : 'no regular weekday',
        `sections: ${required.why}`,
      ].join('; '),
    );
  }
  // A naming that several series share is the organisation's habit: new groups will follow it.
  // A naming one series alone has is that series': other folders named so are not taken for minutes.
  const small = [...bySeries.values()].filter((s) => s.files.length < MIN_SERIES_FILES);
  const usedBy = (shape: string) => [...bySeries.values()].filter((s) => s.shapes.has(shape)).length;
  const catchAll = kept.map(([shape]) => shape).filter((shape) => compilePathPattern(shape).hasSeries && (usedBy(shape) >= 2 || small.some((s) => s.shapes.has(shape))));
  if (catchAll.length) {
    entries.push({ paths: catchAll });
    itemWhy.push(`every other folder named the same way (${small.length} with fewer than ${MIN_SERIES_FILES} files, and new ones)`);
  }
  const values: InferredValue[] = [{ key: 'series', value: entries, why: `${sized.length} series of minutes, ${rollUps.size} of them roll-ups`, itemWhy }];
  if (base) values.push({ key: 'linkBase', value: base[0], why: `${base[1]} links to minutes of this repository start with it` });

  // 5. Rules for conventions the repository does not follow; the defaults elsewhere.
  const rules: Record<string, 'off'> = {};
  const why: string[] = [];
  const rollUpModels = sized.filter((s) => rollUps.has(s.name)).flatMap((s) => s.files.flatMap((f) => (f.model ? [f.model] : [])));
  const takers = rollUpModels.filter((m) => m.meta?.minuteTaker).length;
  if (rollUpModels.length && takers < rollUpModels.length * 0.5) {
    rules['missing-minute-taker'] = 'off';
    why.push(`missing-minute-taker: ${takers} of ${rollUpModels.length} roll-ups name a minute taker`);
  }
  const holidays = meetsOnHolidays(schedules, DEFAULT_CONFIG.holidays);
  if (holidays.held >= 2 && holidays.held > holidays.expected * 0.5) {
    rules['meeting-on-holiday'] = 'off';
    why.push(`meeting-on-holiday: the series met on ${holidays.held} of the ${holidays.expected} public holidays in ${DEFAULT_CONFIG.holidays.country} that fell on one of their meetings, so those are not theirs; set "holidays" to your country and remove this`);
  }
  if (Object.keys(rules).length) values.push({ key: 'rules', value: rules, why: why.join('; ') });

  const config = resolveConfig(Object.fromEntries(values.map((v) => [v.key, v.value]))).config;
  const recognisedBy = new Map<string, number>();
  const unrecognised: string[] = [];
  for (const path of source.paths) {
    if (!patternOf(path) || !isMinutes(path)) continue;
    const dated = datedPathOf(path, config);
    // Read as a date that does not exist (`29-03-2016-minutes.md` as month 29): not covered.
    if (dated && !dated.date.problem) recognisedBy.set(dated.pattern.source, (recognisedBy.get(dated.pattern.source) ?? 0) + 1);
    else unrecognised.push(path);
  }
  const recognised = [...recognisedBy.entries()].map(([pattern, files]) => ({ pattern, files })).sort((a, b) => b.files - a.files);
  return { values, recognised, unrecognised, config };
}

/**
 * Namings that differ in one plain folder name only (`{YYYY}/telecons/` for a year, `{YYYY}/telcons/`
 * before and after) and whose files take turns at most twice are one series whose folder was
 * renamed; two series that meet over the same years take turns all the time.
 */
function mergeRenamedFolders(bySeries: Map<string, Series>): void {
  const folderless = [...bySeries.values()].filter((s) => s.name === [...s.shapes][0] && s.shapes.size === 1);
  for (const a of folderless) {
    for (const b of folderless) {
      if (a === b || !bySeries.has(a.name) || !bySeries.has(b.name) || !oneFolderApart(a.name, b.name)) continue;
      if (onConsecutiveDays(a.files.map((f) => f.date)) || onConsecutiveDays(b.files.map((f) => f.date))) continue;
      const turns = [...a.files.map((f) => ({ day: dayNumber(f.date), a: true })), ...b.files.map((f) => ({ day: dayNumber(f.date), a: false }))]
        .sort((x, y) => x.day - y.day)
        .filter((x, i, all) => i > 0 && x.a !== all[i - 1].a).length;
      if (turns > 2) continue;
      const [kept, gone] = a.files.length >= b.files.length ? [a, b] : [b, a];
      for (const shape of gone.shapes) kept.shapes.add(shape);
      kept.files.push(...gone.files);
      bySeries.delete(gone.name);
    }
  }
}

/** Whether most meetings are a day or two after the one before: the days of events, not a series. */
function onConsecutiveDays(dates: CalendarDate[]): boolean {
  const days = dates.map(dayNumber).sort((a, b) => a - b);
  const gaps = days.slice(1).map((d, i) => d - days[i]).sort((a, b) => a - b);
  return gaps.length > 0 && gaps[Math.floor((gaps.length - 1) / 2)] <= 2;
}

function datesOf(shape: string, files: string[]): CalendarDate[] {
  return files.flatMap((path) => {
    const date = matchDatedPath(path, [shape])?.date;
    return date?.date && !date.problem ? [date.date] : [];
  });
}

function oneFolderApart(a: string, b: string): boolean {
  const x = a.split('/');
  const y = b.split('/');
  if (x.length !== y.length) return false;
  const differing = x.map((segment, i) => [segment, y[i]]).filter(([p, q]) => p !== q);
  return differing.length === 1 && differing.every(([p, q]) => !p.includes('{') && !q.includes('{'));
}

/** A shape with the literal folder right after its year folder made `{*}` (`{YYYY}/{*}/{MM}-{DD}.md`), if it has one. */
function anyFolderAfterYear(shape: string): string | undefined {
  const segments = shape.split('/');
  const at = segments.indexOf('{YYYY}');
  if (at < 0 || at + 2 >= segments.length || segments[at + 1].includes('{')) return undefined;
  segments[at + 1] = '{*}';
  return segments.join('/');
}

/**
 * A series' namings where some names have one-digit months or days (`sg-3-6`, `sg-10-12`): one
 * naming with `{M}` and `{D}`, which read either.
 */
function withLooseDigits(shapes: string[]): string[] {
  const loose = (shape: string) => shape.replace(/\{MM\}(?!.*\/)/u, '{M}').replace(/\{DD\}(?!.*\/)/u, '{D}');
  return shapes.map((shape) => {
    const variants = shapes.filter((other) => loose(other) === loose(shape));
    return variants.length > 1 ? loose(shape) : shape;
  });
}

/** A series needs this many files for an entry of its own; fewer are covered by the `{series}` entry. */
const MIN_SERIES_FILES = 3;

/** How well a reading of the files' names agrees with them: impossible dates count against it, titles with the same date and a common weekday for it. */
function readingScore(shape: string, files: string[], read: (path: string) => string | undefined): number {
  let score = 0;
  const weekdays = new Array<number>(7).fill(0);
  for (const path of files) {
    const date = matchDatedPath(path, [shape])?.date;
    if (!date?.date || date.problem) {
      score -= 5;
      continue;
    }
    weekdays[weekday(date.date)]++;
    const heading = /^#{1,6}[ \t]+(.*)$/mu.exec((read(path) ?? '').slice(0, 4096))?.[1] ?? '';
    const titleDates = [...findDates(heading), ...findWrittenDates(heading, date.date)];
    if (titleDates.some((d) => d.date && sameDate(d.date, date.date!))) score += 3;
  }
  return score + Math.max(...weekdays);
}
