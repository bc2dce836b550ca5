/** iCalendar (RFC 5545) calendars, read with ical.js. */
import ICAL from 'ical.js';
import { betweenZones, fromUtc, knownZone } from './localTime';
import type { CalendarEvent, LocalTime } from './types';

type Time = InstanceType<typeof ICAL.Time>;
type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;

/** The events of an iCalendar text; throws with a one-line message when it is not one. */
export function readICalendar(text: string, source: string): CalendarEvent[] {
  let root: Component;
  try {
    root = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    throw new Error(`${source} is not an iCalendar file (${(error as Error).message.split('\n')[0]})`);
  }
  if (root.name !== 'vcalendar') throw new Error(`${source} is not an iCalendar file (no VCALENDAR)`);
  try {
    return eventsOf(root, source);
  } catch (error) {
    // ical.js reads values lazily: a malformed one (`UNTIL=1900`) throws only now.
    throw new Error(`${source} is not a valid iCalendar file (${(error as Error).message.split('\n')[0]})`);
  }
}

function eventsOf(root: Component, source: string): CalendarEvent[] {
  const calendarZone = text1(root, 'x-wr-timezone');
  const vevents = root.getAllSubcomponents('vevent');
  const masters = vevents.filter((v) => !v.hasProperty('recurrence-id'));
  const overrides = vevents.filter((v) => v.hasProperty('recurrence-id'));
  const masterUids = new Set(masters.map((v) => text1(v, 'uid')));
  const events: CalendarEvent[] = [];
  for (const vevent of masters) {
    const event = readEvent(vevent, source, calendarZone);
    if (!event) continue;
    const uid = text1(vevent, 'uid');
    for (const override of overrides.filter((o) => uid && text1(o, 'uid') === uid)) {
      const zone = eventZone(vevent, calendarZone);
      const from = localOf(override.getFirstProperty('recurrence-id')!, zone);
      const start = override.getFirstProperty('dtstart');
      event.moved.push({ from, to: cancelled(override) || !start ? undefined : localOf(start, zone) });
    }
    events.push(event);
  }
  // A moved occurrence whose series is not in the file still is a meeting.
  for (const orphan of overrides.filter((o) => !masterUids.has(text1(o, 'uid')))) {
    const event = readEvent(orphan, source, calendarZone);
    if (event) events.push({ ...event, rule: undefined });
  }
  return events;
}

function readEvent(vevent: Component, source: string, calendarZone: string | undefined): CalendarEvent | undefined {
  const start = vevent.getFirstProperty('dtstart');
  if (!start || cancelled(vevent)) return undefined;
  const zone = eventZone(vevent, calendarZone);
  const rule = vevent.getFirstPropertyValue('rrule') as InstanceType<typeof ICAL.Recur> | null;
  if (rule?.until && !rule.until.isDate) rule.until = floating(timeIn(rule.until, undefined, zone));
  const local = localOf(start, zone);
  return {
    summary: text1(vevent, 'summary') ?? '',
    description: text1(vevent, 'description') ?? '',
    source,
    start: local,
    rule: rule ? { recur: rule, start: floating(local) } : undefined,
    extraStarts: dates(vevent, 'rdate', zone),
    exceptStarts: dates(vevent, 'exdate', zone),
    moved: [],
  };
}

/** The zone the event is held in: its start's TZID, or the calendar's for a start in UTC. */
function eventZone(vevent: Component, calendarZone: string | undefined): string | undefined {
  const tzid = vevent.getFirstProperty('dtstart')?.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : calendarZone;
}

/** A property's time as the wall clock of the event's zone shows it. */
function localOf(property: Property, zone: string | undefined): LocalTime {
  const tzid = property.getParameter('tzid');
  return timeIn(property.getFirstValue() as Time, typeof tzid === 'string' ? tzid : undefined, zone);
}

/** A time written in zone `own` (or in UTC), as the wall clock of `zone` shows it. */
function timeIn(time: Time, own: string | undefined, zone: string | undefined): LocalTime {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const day = `${pad(time.year, 4)}-${pad(time.month)}-${pad(time.day)}`;
  if (time.isDate) return day;
  const written = `${day}T${pad(time.hour)}:${pad(time.minute)}:${pad(time.second)}`;
  if (time.zone?.tzid === 'UTC') return knownZone(zone) ? fromUtc(written, zone) : written;
  if (own && zone && own !== zone && knownZone(own) && knownZone(zone)) return betweenZones(written, own, zone);
  return written;
}

function dates(vevent: Component, name: string, zone: string | undefined): LocalTime[] {
  return vevent.getAllProperties(name).flatMap((property) => {
    const tzid = property.getParameter('tzid');
    return property.getValues().map((value) => {
      const time = value instanceof ICAL.Period ? value.start : (value as Time);
      return timeIn(time, typeof tzid === 'string' ? tzid : undefined, zone);
    });
  });
}

function cancelled(vevent: Component): boolean {
  return String(vevent.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
}

function text1(component: Component, name: string): string | undefined {
  const value = component.getFirstPropertyValue(name);
  return value === null || value === undefined ? undefined : String(value);
}

/** A floating ical.js time from a wall-clock time, for iterating a rule in local time. */
export function floating(local: LocalTime): Time {
  const [year, month, day] = local.slice(0, 10).split('-').map(Number);
  if (local.length === 10) return ICAL.Time.fromData({ year, month, day, isDate: true });
  const [hour, minute, second] = local.slice(11).split(':').map(Number);
  return ICAL.Time.fromData({ year, month, day, hour, minute, second });
}
