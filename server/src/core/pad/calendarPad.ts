/** The pad a series' calendar event names: where its minutes are taken live. */
import { occurrences } from '../meetings/expand';
import { seriesOfEvent, type NamedEvent } from '../meetings/seriesLink';
import type { CalendarEvent } from '../meetings/types';

/** A line of an event's description naming its pad: `HedgeDoc: https://pad.example.org/abc` (or HackMD, CodiMD, Pad). */
const PAD_LINE = /^[ \t]*(?:HedgeDoc|HackMD|CodiMD|Pad)[ \t]*:[ \t]*<?(https?:\/\/[^\s<>"]+?)>?[.,;]?[ \t]*$/imu;

export interface SeriesPad {
  url: string;
  /** The event's summary. */
  event: string;
  /** Its last meeting on or before today (YYYY-MM-DD), if it had one. */
  lastMeeting?: string;
}

/**
 * The pad of the series in `folder`, from the calendars' events of that series that name one: the
 * pad of the event that met last by `today` (YYYY-MM-DD), as a series opens a new pad each year
 * with a new event; else the first of those yet to meet. Undefined when no event names a pad.
 */
export function padOfSeries(events: readonly CalendarEvent[], folder: string, linkBase: string, named: readonly NamedEvent[], today: string): SeriesPad | undefined {
  const pads = events.flatMap((event) => {
    const url = PAD_LINE.exec(event.description)?.[1];
    if (!url || seriesOfEvent(event, linkBase, named) !== folder) return [];
    return [{ pad: { url, event: event.summary, lastMeeting: lastMeeting(event, today) }, start: event.start }];
  });
  // Later is greater: `YYYY-MM-DD` strings compare as dates; an event yet to meet is least.
  const latest = (a: (typeof pads)[number], b: (typeof pads)[number]) => ((a.pad.lastMeeting ?? '') > (b.pad.lastMeeting ?? '') ? a : b);
  const met = pads.filter((p) => p.pad.lastMeeting).reduce<(typeof pads)[number] | undefined>((best, p) => (best ? latest(best, p) : p), undefined);
  const chosen = met ?? [...pads].sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0];
  if (!chosen) return undefined;
  const { url, event, lastMeeting: last } = chosen.pad;
  return last ? { url, event, lastMeeting: last } : { url, event };
}

function lastMeeting(event: CalendarEvent, today: string): string | undefined {
  try {
    return occurrences(event, '0000-01-01', today).at(-1)?.date;
  } catch {
    // A schedule that cannot be followed: its pad is still one, of an event not known to have met.
    return undefined;
  }
}
