import { dayNumber, findDates, formatDate, fromDayNumber, weekday, WEEKDAY_NAMES, type CalendarDate } from '../model/dates';
import { flatten, parseMinutes } from '../model/parse';
import { findWrittenDates } from '../model/writtenDates';
import { RULE_CODES } from '../rules/catalog';
import { DEFAULT_CONFIG } from './defaults';
import { datedPathOf, matchDatedPath } from './paths';
import type { MinutesConfig, ScheduleEntry, SectionNames } from './types';

/** One inferred setting, with what it was inferred from (written as a comment above it). */
export interface InferredValue {
  key: string;
  value: unknown;
  why: string;
}

export interface InferredConfig {
  values: InferredValue[];
  /** Dated files each path pattern recognises. */
  recognised: Array<{ pattern: string; files: number }>;
  /** Files with a date in their name that no pattern covers. */
  unrecognised: string[];
  /** The configuration the values make, for checking it right away. */
  config: MinutesConfig;
}

/** What --init reads: every Markdown file's path (relative, with `/`) and its text. */
export interface InitSource {
  paths: string[];
  readText(path: string): string | undefined;
}

// A date somewhere in a path: YYYYMMDD, YYYY-MM-DD (any of -_.), or month and day with a year folder.
const COMPACT = /(?<![\d])(\d{4})(\d{2})(\d{2})(?![\d])/u;
const SEPARATED = /(?<![\d])(\d{4})([-_.])(\d{1,2})\2(\d{1,2})(?![\d])/u;
const MONTH_DAY = /(?<![\d])(\d{1,2})([-_.])(\d{1,2})(?![\d])/u;

/**
 * The path pattern of one dated file, with `{series}` for its first folder when it has more than
 * one: `iaas/20220928.md` -> `{series}/{YYYY}{MM}{DD}{suffix}.md`; `plenary/2024/PL-10-08.md` ->
 * `{series}/{YYYY}/{*}-{MM}-{DD}.md`. Undefined for a path with no date in it.
 */
export function patternOf(path: string): string | undefined {
  const segments = path.split('/');
  const name = segments.pop()!.replace(/\.md$/iu, '');
  const folders = segments.map((s) => (/^\d{4}$/u.test(s) ? '{YYYY}' : s));
  const hasYearFolder = folders.includes('{YYYY}');
  let namePattern: string | undefined;
  let m: RegExpExecArray | null;
  if ((m = COMPACT.exec(name))) {
    namePattern = `${prefixOf(name, m.index)}{YYYY}{MM}{DD}${suffixOf(name, m.index + m[0].length)}`;
  } else if ((m = SEPARATED.exec(name))) {
    const digits = (s: string, two: string, one: string) => (s.length === 2 ? two : one);
    namePattern = `${prefixOf(name, m.index)}{YYYY}${m[2]}${digits(m[3], '{MM}', '{M}')}${m[2]}${digits(m[4], '{DD}', '{D}')}${suffixOf(name, m.index + m[0].length)}`;
  } else if (hasYearFolder && (m = MONTH_DAY.exec(name))) {
    const digits = (s: string, two: string, one: string) => (s.length === 2 ? two : one);
    namePattern = `${prefixOf(name, m.index)}${digits(m[1], '{MM}', '{M}')}${m[2]}${digits(m[3], '{DD}', '{D}')}${suffixOf(name, m.index + m[0].length)}`;
  }
  if (!namePattern) return undefined;
  // The folders before a year folder name the series (`archive/team-1`); the year folder stays.
  const yearAt = folders.indexOf('{YYYY}');
  const leading = yearAt < 0 ? folders : folders.slice(0, yearAt);
  const head = leading.length ? ['{series}', ...folders.slice(leading.length)] : folders;
  return [...head, namePattern].join('/') + '.md';
}

/** What stands before the date in a name: nothing, or `{*}` and its separator (`PL-`, `minutes_`). */
function prefixOf(name: string, at: number): string {
  if (at === 0) return '';
  const separator = /[-_. ]$/u.exec(name.slice(0, at))?.[0] ?? '';
  return `{*}${separator}`;
}

/** What follows the date: nothing, or `{suffix}` (`-workshop`). */
function suffixOf(name: string, at: number): string {
  return at < name.length ? '{suffix}' : '';
}

/**
 * A `.minutes.json` for a repository, from its files: the path patterns that cover its dated
 * files, which series is the roll-up (the one whose files link the others'), its title forms,
 * its schedule over the years, the sections most of its files have, where its links point, and
 * the rules for conventions it does not follow turned off.
 */
export function inferConfig(source: InitSource): InferredConfig {
  const values: InferredValue[] = [];
  // 1. Path patterns: the shapes of the dated file names, most common first.
  const shapes = new Map<string, string[]>();
  for (const path of source.paths) {
    const shape = patternOf(path);
    if (shape) shapes.set(shape, [...(shapes.get(shape) ?? []), path]);
  }
  // `X.md` and `X{suffix}.md` are one naming: the one with the suffix covers both.
  for (const shape of [...shapes.keys()]) {
    const plain = shape.replace('{suffix}', '');
    if (plain !== shape && shapes.has(plain)) {
      shapes.set(shape, [...shapes.get(plain)!, ...shapes.get(shape)!]);
      shapes.delete(plain);
    }
  }
  const ranked = [...shapes.entries()].sort((a, b) => b[1].length - a[1].length);
  // Rare shapes (fewer than 2 files, or under 1 %) are one-offs: listed, not made patterns.
  const total = ranked.reduce((n, [, files]) => n + files.length, 0);
  const kept = ranked.filter(([, files]) => files.length >= 2 && files.length >= total * 0.01);

  // 2. The series of each file, and which series is the roll-up.
  const bySeries = new Map<string, Array<{ path: string; date: CalendarDate }>>();
  for (const [shape, files] of kept) {
    for (const path of files) {
      const dated = matchDatedPath(path, [shape]);
      if (!dated?.date.date) continue;
      bySeries.set(dated.series, [...(bySeries.get(dated.series) ?? []), { path, date: dated.date.date }]);
    }
  }
  const seriesNames = [...bySeries.keys()];
  const linkCounts = new Map<string, number>();
  const linkBases = new Map<string, number>();
  for (const series of seriesNames) {
    let links = 0;
    for (const { path } of bySeries.get(series)!) {
      const text = source.readText(path) ?? '';
      for (const m of text.matchAll(/\]\(([^)\s]+)\)|(?<![(<])\b(https?:\/\/[^\s)>]+)/gu)) {
        const url = m[1] ?? m[2];
        const target = seriesNames.find((other) => other !== series && url.includes(`/${other}/`));
        if (!target) continue;
        links++;
        // Where links point: everything before the linked series' folder (`https://github.com/ORG/REPO/blob/main/`).
        const prefix = url.slice(0, url.indexOf(`/${target}/`) + 1);
        if (/^https?:\/\//u.test(prefix)) linkBases.set(prefix, (linkBases.get(prefix) ?? 0) + 1);
      }
    }
    linkCounts.set(series, links);
  }
  const linking = [...linkCounts.entries()].sort((a, b) => b[1] - a[1])[0];
  const largest = seriesNames.sort((a, b) => bySeries.get(b)!.length - bySeries.get(a)!.length)[0];
  const rollUp = linking && linking[1] >= 3 ? linking[0] : largest;
  const rollUpWhy = linking && linking[1] >= 3 ? `its files link ${linking[1]} minutes of other series` : 'the largest series of minutes (no series links the others)';

  const weeklyShapes = kept.map(([shape]) => shape).filter((shape) => bySeries.get(rollUp)?.some(({ path }) => matchDatedPath(path, [shape])?.series === rollUp));
  const weeklyPaths = weeklyShapes.map((shape) => shape.replace('{series}', rollUp));
  const minutesPaths = kept.map(([shape]) => shape).filter((shape) => shape.startsWith('{series}'));
  if (rollUp !== undefined) {
    values.push({ key: 'weeklyPaths', value: weeklyPaths, why: `the roll-ups: ${bySeries.get(rollUp)!.length} files in ${rollUp}/ (${rollUpWhy})` });
  }
  if (minutesPaths.length) {
    values.push({ key: 'minutesPaths', value: minutesPaths, why: `the other series: ${seriesNames.filter((s) => s !== rollUp).length} folders of dated minutes` });
  }
  const recognised = kept.map(([pattern, files]) => ({ pattern, files: files.length }));
  const covered = new Set(kept.flatMap(([, files]) => files));
  const unrecognised = ranked.flatMap(([, files]) => files).filter((p) => !covered.has(p));

  // 3. Title forms, schedule and sections of the roll-ups, and where links point.
  const probe: MinutesConfig = { ...DEFAULT_CONFIG, weeklyFolder: rollUp ?? DEFAULT_CONFIG.weeklyFolder, weeklyPaths: weeklyPaths.length ? weeklyPaths : DEFAULT_CONFIG.weeklyPaths, minutesPaths: minutesPaths.length ? minutesPaths : DEFAULT_CONFIG.minutesPaths };
  const rollUps = (bySeries.get(rollUp) ?? []).sort((a, b) => dayNumber(a.date) - dayNumber(b.date));
  const models = rollUps.flatMap(({ path, date }) => {
    const text = source.readText(path);
    return text === undefined ? [] : [{ date, model: parseMinutes({ uri: `file:///repository/${path}`, version: 0, text }, { ...probe, weeklyTitles: ['\u0000'] }) }];
  });
  const forms = new Map<string, { count: number; last: number }>();
  for (const { date, model } of models) {
    const heading = model.title?.text;
    if (!heading) continue;
    const form = titleForm(heading, date);
    if (!form) continue;
    const known = forms.get(form) ?? { count: 0, last: 0 };
    forms.set(form, { count: known.count + 1, last: Math.max(known.last, dayNumber(date)) });
  }
  const titleForms = [...forms.entries()].filter(([, f]) => f.count >= Math.max(2, models.length * 0.05)).sort((a, b) => b[1].last - a[1].last);
  if (titleForms.length) {
    values.push({
      key: 'weeklyTitles',
      value: titleForms.map(([form]) => form),
      why: `title forms of the roll-ups, newest first: ${titleForms.map(([form, f]) => `"${form}" ${f.count}x`).join(', ')}`,
    });
  }
  const schedule = inferSchedule(rollUps.map((r) => r.date));
  if (schedule.length) {
    const last = schedule[schedule.length - 1];
    values.push({ key: 'meetingWeekday', value: last.weekdays[0], why: `the roll-ups' usual weekday lately: ${WEEKDAY_NAMES[last.weekdays[0]]}` });
    values.push({ key: 'schedule', value: schedule, why: `the weekdays and gaps of ${rollUps.length} roll-ups, period by period` });
  }
  const roles = ['meta', 'updates', 'aob', 'projectUpdates'] as Array<keyof SectionNames>;
  const share = (role: keyof SectionNames) => models.filter(({ model }) => flatten(model.sections).some((s) => s.role === role)).length / Math.max(1, models.length);
  const required = roles.filter((role) => share(role) >= 0.75);
  values.push({ key: 'requiredSections', value: required, why: `sections at least 75 % of the roll-ups have (${roles.map((r) => `${DEFAULT_CONFIG.sections[r][0]} ${Math.round(share(r) * 100)} %`).join(', ')})` });
  const base = [...linkBases.entries()].sort((a, b) => b[1] - a[1])[0];
  if (base) values.push({ key: 'linkBase', value: base[0], why: `${base[1]} links between series start with it` });

  // 4. Rules for conventions the repository does not follow.
  const rules: Record<string, 'off'> = {};
  const why: string[] = [];
  const takers = models.filter(({ model }) => model.meta?.minuteTaker).length;
  if (takers < models.length * 0.5) {
    rules['missing-minute-taker'] = 'off';
    why.push(`missing-minute-taker: ${takers} of ${models.length} roll-ups name a minute taker`);
  }
  if (!schedule.length) {
    rules['meeting-weekday'] = 'off';
    why.push('meeting-weekday: the roll-ups keep no regular weekday');
  }
  if (!base) {
    for (const code of ['missing-team', 'missing-minutes-link', 'minutes-now-available']) rules[code] = 'off';
    why.push('missing-team, missing-minutes-link, minutes-now-available: no series links another (no roll-up of team minutes)');
  }
  rules['meeting-on-holiday'] = 'off';
  why.push('meeting-on-holiday: which country\'s holidays is not in the files; set "holidays" and remove this');
  values.push({ key: 'rules', value: Object.fromEntries(RULE_CODES.filter((c) => rules[c]).map((c) => [c, rules[c]])), why: why.join('; ') });

  const config: MinutesConfig = { ...probe, ...Object.fromEntries(values.map((v) => [v.key, v.value])) };
  return { values, recognised, unrecognised, config };
}

/** A title with its date replaced by `{date}` (`Foundation Board Meeting {date}`), if it has the file's date. */
function titleForm(title: string, date: CalendarDate): string | undefined {
  const iso = findDates(title).find((d) => d.date && dayNumber(d.date) === dayNumber(date));
  const written = iso ? undefined : findWrittenDates(title, date).find((d) => d.date && dayNumber(d.date) === dayNumber(date));
  const found = iso ?? written;
  if (!found) return undefined;
  const form = `${title.slice(0, found.offset)}{date}${title.slice(found.offset + found.text.length)}`.trim();
  return form === '{date}' ? undefined : form;
}

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
  // A period without one or two usual weekdays has no schedule to check against.
  return periods
    .filter((p) => p.dates.length >= MIN_RUN && usual(p).length >= 1 && usual(p).length <= 2)
    .map((p, i, all) => {
      const weekdays = usual(p);
      const gaps = p.dates.slice(1).map((d, j) => dayNumber(d) - dayNumber(p.dates[j])).sort((a, b) => a - b);
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

/** The inferred configuration as `.minutes.json` text: JSON with a comment above each value. */
export function configText(inferred: InferredConfig, header: string): string {
  const lines = ['{', `  // ${header}`];
  inferred.values.filter((v) => v.value !== undefined).forEach((v, i, values) => {
    lines.push(`  // ${v.why}`);
    const json = JSON.stringify(v.value, null, 2).replace(/\n/gu, '\n  ');
    lines.push(`  ${JSON.stringify(v.key)}: ${json}${i < values.length - 1 ? ',' : ''}`);
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** Whether a path looks like dated minutes (a date in its name) that the config does not recognise. */
export function isUnrecognisedMinutes(path: string, config: MinutesConfig): boolean {
  return patternOf(path) !== undefined && !datedPathOf(path, config);
}
