import type { Range } from 'vscode-languageserver-types';
import type { MinutesModel, TeamEntry } from '../model/types';
import type { Finding } from '../rules/types';
import { minutesDetail } from './documentSymbols';

export type TeamRowState = 'linked' | 'pending' | 'missing' | 'problem';

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
export function teamOverview(model: MinutesModel, findings: Finding[]): TeamRow[] | null {
  if (model.kind !== 'weekly') return null;
  return (model.updates?.entries ?? []).map((entry) => {
    const problems = findings.filter((f) => f.severity !== 'hint' && within(f, entry)).map((f) => f.message);
    const detail = minutesDetail(entry.minutesLine);
    const state = problems.length ? 'problem' : !entry.minutesLine ? 'missing' : entry.minutesLine.state === 'linked' || entry.minutesLine.state === 'cancelled' ? 'linked' : 'pending';
    return {
      name: entry.name,
      kind: entry.kind,
      state,
      description: detail,
      tooltip: [`${entry.name}: ${detail}`, ...problems].join('\n'),
      headingRange: entry.section.headingRange,
    };
  });
}

function within(finding: Finding, entry: TeamEntry): boolean {
  const line = finding.range.start.line;
  return line >= entry.section.range.start.line && line <= entry.section.range.end.line;
}
