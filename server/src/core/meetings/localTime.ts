/**
 * Time zone arithmetic through the platform's Intl (Node and browsers both carry the IANA
 * database), so that calendars need no VTIMEZONE definitions to be read right.
 */
import type { LocalTime } from './types';

const formatters = new Map<string, Intl.DateTimeFormat | undefined>();

function formatter(zone: string): Intl.DateTimeFormat | undefined {
  if (!formatters.has(zone)) {
    let made: Intl.DateTimeFormat | undefined;
    try {
      made = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    } catch {
      // Not an IANA name (Outlook writes "W. Europe Standard Time"): times stay as written.
      made = undefined;
    }
    formatters.set(zone, made);
  }
  return formatters.get(zone);
}

/** Whether the platform knows this time zone name. */
export function knownZone(zone: string | undefined): zone is string {
  return !!zone && !!formatter(zone);
}

/** The wall-clock time in `zone` of an instant (milliseconds since 1970, UTC). */
export function wallClock(instantMs: number, zone: string): LocalTime {
  const parts = Object.fromEntries(formatter(zone)!.formatToParts(new Date(instantMs)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The instant of a wall-clock time in `zone` (the earlier one when a DST change repeats it). */
export function instantOf(local: LocalTime, zone: string): number {
  const asUtc = Date.parse(`${local.length === 10 ? `${local}T00:00:00` : local}Z`);
  // Two rounds find the offset in force at that wall-clock time, across a DST change too.
  let guess = asUtc;
  for (let round = 0; round < 2; round++) guess = asUtc - (Date.parse(`${wallClock(guess, zone)}Z`) - guess);
  return guess;
}

/** A UTC wall-clock time (`...Z` dropped) seen in `zone`. */
export function fromUtc(utc: LocalTime, zone: string): LocalTime {
  return wallClock(Date.parse(`${utc}Z`), zone);
}

/** A wall-clock time in `from` seen in `to`. */
export function betweenZones(local: LocalTime, from: string, to: string): LocalTime {
  return wallClock(instantOf(local, from), to);
}

export function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
