/** The occurrences of calendar events, in the wall-clock time of each event's zone. */
import type { CalendarEvent, LocalTime, Meeting } from './types';

/** Enough for a daily meeting over fifty years; a rule that never ends stops here. */
const MAX_OCCURRENCES = 20_000;

/** The meetings of an event dated from `from` to `until` (YYYY-MM-DD, both included), oldest first. */
export function occurrences(event: CalendarEvent, from: string, until: string): Meeting[] {
  const starts = new Set<LocalTime>();
  if (event.rule) {
    const iterator = event.rule.recur.iterator(event.rule.start.clone());
    for (let n = 0; n < MAX_OCCURRENCES; n++) {
      const next = iterator.next();
      if (!next) break;
      const start = next.toString();
      if (start.slice(0, 10) > until) break;
      starts.add(start);
    }
  } else {
    starts.add(event.start);
  }
  for (const extra of event.extraStarts) starts.add(extra);
  for (const start of [...starts]) if (event.exceptStarts.some((except) => sameOccurrence(except, start))) starts.delete(start);
  for (const { from: was, to } of event.moved) {
    for (const start of [...starts]) if (sameOccurrence(was, start)) starts.delete(start);
    if (to) starts.add(to);
  }
  return [...starts]
    .filter((start) => start.slice(0, 10) >= from && start.slice(0, 10) <= until)
    .sort()
    .map((start) => ({ date: start.slice(0, 10), event }));
}

/** The same time, or the same day when either names a day alone. */
function sameOccurrence(a: LocalTime, b: LocalTime): boolean {
  return a.length === 10 || b.length === 10 ? a.slice(0, 10) === b.slice(0, 10) : a === b;
}
