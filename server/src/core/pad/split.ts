import type { MinutesConfig } from '../config/types';
import type { CalendarDate } from '../model/dates';
import { datesIn, flatten, parseMinutes } from '../model/parse';
import type { Section } from '../model/types';

/** One meeting of a pad: its dated heading and everything under it, as written. */
export interface PadMeeting {
  date: CalendarDate;
  /** The heading's text, without the `#`s. */
  title: string;
  /** The heading's level in the pad (`## 2026-06-04` is 2). */
  depth: number;
  /** From the heading line to the next meeting (or undated heading of its level), ending in one newline. */
  text: string;
  /** The heading's line in the pad, 0-based. */
  line: number;
}

export interface SplitPad {
  meetings: PadMeeting[];
  /** Why the pad could not be read whole (too large a piece to parse safely), if so: its meetings are then unknown. */
  notRead?: string;
}

/**
 * A pad's meetings, in the pad's order (newest on top or at the bottom alike). Meetings are the
 * dated headings of the level most dated headings have: the pad's own header (`# Team IaaS`),
 * front matter and dated sub-headings of a meeting (`### Follow-up of 2026-05-28`) are none.
 * Dates without a year (`June 4th`) take the year nearest `near`.
 */
export function splitPad(text: string, config: MinutesConfig, near: CalendarDate): SplitPad {
  const model = parseMinutes({ uri: 'untitled:pad.md', version: 0, text }, config);
  if (model.notFullyRead) return { meetings: [], notRead: model.notFullyRead };
  const dateOf = (s: Section) => datesIn(s.title, near).find((d) => d.date)?.date;
  const dated = flatten(model.sections).filter((s) => dateOf(s));
  if (!dated.length) return { meetings: [] };
  const perDepth = new Map<number, number>();
  for (const s of dated) perDepth.set(s.depth, (perDepth.get(s.depth) ?? 0) + 1);
  // The level most meetings have; a tie goes to the higher level (fewer `#`).
  const [depth] = [...perDepth.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  const meetings = dated
    .filter((s) => s.depth === depth)
    .map((s) => ({ date: dateOf(s)!, title: s.title, depth, text: meetingText(text.slice(s.startOffset, s.endOffset)), line: s.headingRange.start.line }));
  return { meetings };
}

// What pads put between meetings and no minutes file ends with: blank lines and `---` rules.
const SEPARATOR = /^[ \t]*(?:(?:[-*_][ \t]*){3,})?$/u;

function meetingText(section: string): string {
  const lines = section.replace(/\r\n?/gu, '\n').split('\n');
  while (lines.length > 1 && SEPARATOR.test(lines[lines.length - 1])) lines.pop();
  return `${lines.join('\n')}\n`;
}

/**
 * `text` (a meeting) with its ATX headings moved `by` levels (within 1 to 6), so that its title
 * has the level the series' files give theirs; headings inside code stay as they are.
 */
export function shiftHeadings(text: string, by: number, config: MinutesConfig): string {
  if (!by) return text;
  const model = parseMinutes({ uri: 'untitled:meeting.md', version: 0, text }, config);
  const lines = text.split('\n');
  for (const s of flatten(model.sections)) {
    const line = s.headingRange.start.line;
    const m = /^( {0,3})(#{1,6})(?=[ \t]|$)/u.exec(lines[line]);
    if (!m) continue;
    const level = Math.min(6, Math.max(1, m[2].length + by));
    lines[line] = `${m[1]}${'#'.repeat(level)}${lines[line].slice(m[0].length)}`;
  }
  return lines.join('\n');
}
