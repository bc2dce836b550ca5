/** `--init`'s proposal of `calendars`: the calendar files of the repository and the series their events link. */
import { datedPathOf } from '../config/paths';
import { readCalendars, resolveInclude, type CalendarParser } from '../meetings/readCalendars';
import { seriesOfEvent } from '../meetings/seriesLink';
import type { InferredConfig, InferredValue } from './inferConfig';

/** A calendar file found in the repository: its path (relative, with `/`) and its text. */
export interface CalendarFile {
  path: string;
  text: string;
}

/**
 * The inferred configuration with `calendars` proposed from the repository's calendar files
 * (never a feed): the files no other one includes, and the series folders their events link. The
 * entry is written when they link series of the repository, and as a comment when they link none.
 */
export async function withCalendars(inferred: InferredConfig, minutesPaths: readonly string[], files: readonly CalendarFile[], parse: CalendarParser): Promise<InferredConfig> {
  if (!files.length) return inferred;
  const texts = new Map(files.map((f) => [f.path, f.text]));
  const included = await Promise.all(files.map(async (file) => (await includes(file, parse)).map((include) => resolveInclude(file.path, include))));
  const roots = files.map((f) => f.path).filter((path) => !included.some((paths) => paths.includes(path)));
  const { config } = inferred;
  const seriesFolders = new Set(minutesPaths.flatMap((path) => datedPathOf(path, config)?.series ?? []));
  const linked = new Map<string, string[]>();
  for (const root of roots) {
    // Only the files found: an include that is not one of them (a URL, a file elsewhere) is left out.
    const { events } = await readCalendars([root], (location) => (texts.has(location) ? Promise.resolve(texts.get(location)!) : Promise.reject(new Error(location))), parse);
    const folders = events.flatMap((event) => seriesOfEvent(event, config.linkBase, config.calendarSeries) ?? []).filter((folder) => seriesFolders.has(folder));
    linked.set(root, [...new Set(folders)].sort());
  }
  const linking = roots.filter((root) => linked.get(root)!.length);
  const others = roots.filter((root) => !linked.get(root)!.length);
  const value: InferredValue = linking.length
    ? {
        key: 'calendars',
        value: linking,
        why: `calendars of this repository whose events link the minutes of ${linking.map((root) => `${root}: ${named(linked.get(root)!)}`).join('; ')}${others.length ? ` (${named(others)}: none)` : ''}; minutes-lint --gaps lists their meetings without minutes`,
      }
    : {
        key: 'calendars',
        value: roots,
        why: 'calendars of this repository whose events link none of the series: name each event\'s folder in "calendarSeries" ([{ "event": "...", "folder": "..." }]) and remove the slashes',
        commentedOut: true,
      };
  // After the series, whose folders the calendars speak of.
  const values = [...inferred.values];
  values.splice(values.findIndex((v) => v.key === 'series') + 1, 0, value);
  return { ...inferred, values, config: value.commentedOut ? config : { ...config, calendars: linking } };
}

/** Whether a file found in the repository is a calendar: `*.ics` that is iCalendar, or `*.yml`/`*.yaml` with a top-level `events:` or `include:` (CI configs are YAML too). */
export function isCalendarFile(name: string, text: string): boolean {
  if (/\.ics$/iu.test(name)) return /^\uFEFF?\s*BEGIN:VCALENDAR/iu.test(text);
  return /\.ya?ml$/iu.test(name) && /^(?:events|include):/mu.test(text);
}

/** The files a yaml2ics file includes, as written; none for any other file. */
async function includes(file: CalendarFile, parse: CalendarParser): Promise<string[]> {
  if (/\.ics$/iu.test(file.path)) return [];
  try {
    return (await parse(file.text, file.path)).includes;
  } catch {
    return [];
  }
}

/** `a, b, c and 4 more`: a comment stays readable. */
function named(folders: string[]): string {
  const shown = 6;
  return folders.length > shown ? `${folders.slice(0, shown).join(', ')} and ${folders.length - shown} more` : folders.join(', ');
}
