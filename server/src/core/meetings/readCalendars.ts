/**
 * The calendars of the config, read through an injected reader (disk, editor or network) and parser
 * (core/calendars.ts: ical.js and yaml, which the web build loads only when a config names calendars).
 */
import type { CalendarEvent } from './types';

/** Reads a calendar by its repository-relative path or URL; throws an Error with a one-line message. */
export type CalendarReader = (location: string) => Promise<string>;

/** One calendar file's events and the files it includes (yaml2ics), as written. */
export interface ParsedCalendar {
  events: CalendarEvent[];
  includes: string[];
}

/** Parses one calendar file (iCalendar or yaml2ics YAML); throws an Error with a one-line message when it is neither. */
export type CalendarParser = (text: string, source: string) => ParsedCalendar | Promise<ParsedCalendar>;

/** A calendar larger than this is refused: SCS's whole YAML calendar is under 100 kB. */
export const MAX_CALENDAR_BYTES = 5 * 1024 * 1024;

/** yaml2ics files include others; a calendar of more files than this is refused. */
const MAX_FILES = 200;

export interface ReadCalendars {
  events: CalendarEvent[];
  /** One line per calendar that could not be read. */
  problems: string[];
}

export async function readCalendars(locations: readonly string[], read: CalendarReader, parse: CalendarParser): Promise<ReadCalendars> {
  const events: CalendarEvent[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = async (location: string): Promise<void> => {
    if (seen.has(location)) return;
    if (seen.size >= MAX_FILES) throw new Error(`${location}: more than ${MAX_FILES} calendar files`);
    seen.add(location);
    const calendar = await parse(await read(location), location);
    events.push(...calendar.events);
    for (const include of calendar.includes) await visit(resolveInclude(location, include));
  };
  for (const location of locations) {
    try {
      await visit(location);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  return { events, problems };
}

/** An included file, relative to the file that includes it (a URL, or a path of the repository). */
export function resolveInclude(from: string, include: string): string {
  if (/^https?:\/\//iu.test(from)) return new URL(include, from).toString();
  if (include.startsWith('/')) return include;
  const parts = from.split('/').slice(0, -1);
  let above = 0;
  for (const part of include.split('/')) {
    if (part === '..') {
      if (parts.length) parts.pop();
      else above++;
    } else if (part && part !== '.') parts.push(part);
  }
  // A path climbing out of the repository stays visibly so, for the reader to refuse.
  return [...Array<string>(above).fill('..'), ...parts].join('/');
}
