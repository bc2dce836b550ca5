import type { Range } from 'vscode-languageserver-types';
import { dayNumber, formatDate, type CalendarDate } from '../model/dates';
import type { MinutesModel } from '../model/types';
import type { Finding } from '../rules/types';
import { minutesDetail } from './documentSymbols';

export type TeamRowState = 'linked' | 'stale' | 'pending' | 'missing' | 'problem';

/** Linked minutes older than this, before the meeting, are not this week's news: shown as stale. */
export const STALE_DAYS = 28;

export interface OverviewOptions {
  /** The roll-up's meeting date; linked minutes much older than it are stale. */
  meetingDate?: CalendarDate;
}

export interface TeamRow {
  name: string;
  kind: 'team' | 'sig' | 'other';
  state: TeamRowState;
  /** The linked file (`iaas/20220927.md`), the pending state, or the problem. */
  description: string;
  tooltip: string;
  headingRange: Range;
}

/** One row per team or SIG of a roll-up, with what its minutes line says and whether a rule objects. */
export function teamOverview(model: MinutesModel, findings: Finding[], options: OverviewOptions = {}): TeamRow[] | null {
  if (model.kind !== 'weekly') return null;
  const entries = model.updates?.entries ?? [];
  // A heading still being typed (`### ` and nothing yet) is no team.
  return entries.flatMap((entry, i) => {
    if (!entry.name.trim()) return [];
    // A team's own lines end where the next team starts, even if that one is nested deeper (`##` then `###`).
    const next = entries.slice(i + 1).find((e) => e.section.headingRange.start.line > entry.section.headingRange.start.line);
    const end = Math.min(entry.section.range.end.line, next ? next.section.headingRange.start.line - 1 : Infinity);
    const problems = findings.filter((f) => f.severity !== 'hint' && within(f, entry.section.headingRange.start.line, end)).map((f) => f.message);
    const detail = minutesDetail(entry.minutesLine);
    const line = entry.minutesLine;
    const linkedDate = line?.state === 'linked' ? line.target?.date?.date : undefined;
    const age = linkedDate && options.meetingDate ? dayNumber(options.meetingDate) - dayNumber(linkedDate) : 0;
    const stale = age > STALE_DAYS;
    const state: TeamRowState = problems.length
      ? 'problem'
      : !line
        ? 'missing'
        : stale
          ? 'stale'
          : line.state === 'linked' || line.state === 'cancelled'
            ? 'linked'
            : 'pending';
    const staleNote = stale ? [`Stale: these minutes are of ${formatDate(linkedDate!)}, ${Math.round(age / 7)} weeks before the meeting (${formatDate(options.meetingDate!)}).`] : [];
    return [
      {
        name: entry.name,
        kind: entry.kind,
        state,
        description: stale ? `${detail} (stale)` : detail,
        tooltip: [`${entry.name}: ${detail}`, ...staleNote, ...problems].join('\n'),
        headingRange: entry.section.headingRange,
      },
    ];
  });
}

function within(finding: Finding, from: number, to: number): boolean {
  const line = finding.range.start.line;
  return line >= from && line <= to;
}
