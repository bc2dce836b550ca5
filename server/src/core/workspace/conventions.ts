import { dayNumber, type CalendarDate } from '../model/dates';
import type { CheckedModel, TeamKind } from '../model/types';
import type { MinutesWorkspace } from './workspace';

/**
 * Whether the roll-ups had taken up minutes lines for sections of this kind (`sig`, `team`) by the
 * roll-up `model` of `date`: some roll-up up to this one has one in at least half of its sections
 * of that kind. Before that, a section without a minutes line is how roll-ups were written
 * (SCS's SIG sections got theirs in late November 2022), not a missing link.
 */
export function minutesLinesAdopted(kind: TeamKind, model: CheckedModel, date: CalendarDate, workspace: MinutesWorkspace): boolean {
  const self = workspace.relativePath(model.uri);
  const earlier = workspace.rollUps().filter((r) => r.file.path !== self && dayNumber(r.date) <= dayNumber(date));
  return [model, ...earlier.map((r) => r.model)].some((m) => {
    const sections = (m.updates?.entries ?? []).filter((e) => e.kind === kind);
    return sections.length > 0 && sections.filter((e) => e.minutesLine).length * 2 >= sections.length;
  });
}
