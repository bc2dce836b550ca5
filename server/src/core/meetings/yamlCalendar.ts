/**
 * SCS's calendars as they are written: yaml2ics YAML (https://github.com/scientific-python/yaml2ics),
 * read as yaml2ics reads it: `include` relative to the including file, `events` with `begin`,
 * `repeat.interval` (one of days, weeks, months, years), `until`, `except_on` and `also_on`.
 */
import ICAL from 'ical.js';
import { parse } from 'yaml';
import { floating } from './icalendar';
import type { CalendarEvent, LocalTime, Recurrence } from './types';

const FREQUENCIES: Record<string, 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY'> = { days: 'DAILY', weeks: 'WEEKLY', months: 'MONTHLY', years: 'YEARLY' };

export interface YamlCalendar {
  events: CalendarEvent[];
  /** Files it includes, relative to the including file as written. */
  includes: string[];
}

/** The events of one yaml2ics file; throws with a one-line message when it is not one. */
export function readYamlCalendar(text: string, source: string): YamlCalendar {
  let document: unknown;
  try {
    // The core schema keeps `2026-01-23 09:05:00` a string: a wall-clock time, not an instant.
    document = parse(text, { schema: 'core', maxAliasCount: 100 });
  } catch (error) {
    throw new Error(`${source} is not a YAML calendar (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isRecord(document)) throw new Error(`${source} is not a YAML calendar (no events or include)`);
  const includes = Array.isArray(document.include) ? document.include.filter((i): i is string => typeof i === 'string') : [];
  const entries = Array.isArray(document.events) ? document.events : [];
  if (!includes.length && !Array.isArray(document.events)) throw new Error(`${source} is not a YAML calendar (no events or include)`);
  const events = entries.flatMap((entry) => {
    const event = isRecord(entry) ? readEvent(entry, source) : undefined;
    return event ? [event] : [];
  });
  return { events, includes };
}

function readEvent(entry: Record<string, unknown>, source: string): CalendarEvent | undefined {
  const start = localTime(entry.begin);
  if (!start) return undefined;
  const repeat = isRecord(entry.repeat) ? entry.repeat : undefined;
  return {
    summary: typeof entry.summary === 'string' ? entry.summary.trim() : typeof entry.name === 'string' ? entry.name.trim() : '',
    description: typeof entry.description === 'string' ? entry.description : '',
    source,
    start,
    rule: repeat ? rule(repeat, start) : undefined,
    extraStarts: times(repeat?.also_on),
    exceptStarts: times(repeat?.except_on),
    moved: [],
  };
}

function rule(repeat: Record<string, unknown>, start: LocalTime): Recurrence | undefined {
  const interval = isRecord(repeat.interval) ? Object.entries(repeat.interval) : [];
  if (interval.length !== 1) return undefined;
  const [unit, count] = interval[0];
  if (!FREQUENCIES[unit] || typeof count !== 'number' || !Number.isInteger(count) || count < 1) return undefined;
  let until = localTime(repeat.until);
  // yaml2ics (dateutil) takes a day alone as its midnight: a timed meeting on that day is not held.
  if (until && until.length === 10 && start.length > 10) until = `${until}T00:00:00`;
  return { recur: ICAL.Recur.fromData({ freq: FREQUENCIES[unit], interval: count, until: until ? floating(until) : undefined }), start: floating(start) };
}

function times(value: unknown): LocalTime[] {
  return Array.isArray(value) ? value.flatMap((v) => localTime(v) ?? []) : [];
}

/** `2026-01-23 09:05:00`, `2026-01-23T09:05`, `2026-01-23`: the wall-clock time as written. */
function localTime(value: unknown): LocalTime | undefined {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/u.exec(typeof value === 'string' ? value.trim() : '');
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  const pad = (n: string | undefined) => (n ?? '0').padStart(2, '0');
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) return undefined;
  return hour === undefined ? date : `${date}T${pad(hour)}:${minute}:${pad(second)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
