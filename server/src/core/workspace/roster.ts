import type { MinutesConfig } from '../config/types';
import { dayNumber, type CalendarDate } from '../model/dates';
import { teamKindOf } from '../model/teams';
import type { TeamEntry, TeamKind } from '../model/types';
import { isSession, sameTeam } from './names';
import type { RollUp } from './rollUpHistory';
import type { MinutesWorkspace } from './workspace';

export interface ExpectedTeam {
  name: string;
  kind: TeamKind;
  folder?: string;
  /** Why this roll-up should have it, for the message. */
  reason: string;
}

/**
 * The teams and SIGs a roll-up for `date` should have, in roll-up order: the configured roster,
 * or else what the workspace shows: the previous roll-up's teams that met since (their folder has
 * minutes dated after the previous roll-up), and other team folders with such minutes. A SIG that
 * did not meet since the last roll-up is not expected.
 */
export function expectedTeams(selfPath: string | undefined, date: CalendarDate, workspace: MinutesWorkspace, config: MinutesConfig): ExpectedTeam[] {
  const previous = workspace.previousWeekly(date, selfPath);
  const since = workspace.lastMeetingBefore(date, selfPath);
  const metSince = (folder: string | undefined) => (folder ? workspace.held.between(folder, since, date).pop() : undefined);

  if (config.teams.length) {
    return config.teams.flatMap((team): ExpectedTeam[] => {
      const kind: TeamKind = team.kind === 'group' || !team.kind ? teamKindOf(team.name, []) : team.kind;
      const recent = metSince(team.folder);
      if (recent) return [{ name: team.name, kind, folder: team.folder, reason: `${recent.path} is dated since the last roll-up` }];
      const weekly = (team.everyWeeks ?? (kind === 'sig' ? 2 : 1)) <= 1;
      return weekly ? [{ name: team.name, kind, folder: team.folder, reason: 'it meets every week' }] : [];
    });
  }

  // What the repository knew on the meeting day: nothing a later roll-up says changes this one.
  const expected: ExpectedTeam[] = [];
  // A session (`Team IAM Hacking Session`) was a meeting of its own that week, not a recurring one.
  for (const entry of (previous?.model.updates?.entries ?? []).filter((e) => !isSession(e.name))) {
    const folder = workspace.folderOf(entry, date);
    const recent = metSince(folder);
    if (recent) expected.push({ name: entry.name, kind: entry.kind, folder, reason: `${recent.path} is dated since the last roll-up` });
    else if (!folder && entry.kind === 'team' && reportsWithoutFolder(entry, previous!, workspace)) expected.push({ name: entry.name, kind: entry.kind, reason: `it was in the last roll-up, ${previous!.file.path}` });
  }
  for (const learned of workspace.learnedFolders(date)) {
    if (isSession(learned.name) || expected.some((e) => e.folder === learned.folder || sameTeam(e, learned))) continue;
    const recent = metSince(learned.folder);
    if (recent && workspace.folderOf(learned, date) === learned.folder) {
      expected.push({ name: learned.name, kind: learned.kind, folder: learned.folder, reason: `${recent.path} is dated since the last roll-up` });
    }
  }
  return expected;
}

/**
 * Whether a team of the previous roll-up that keeps no minutes folder is one that reports: it said
 * there where its minutes are or that they are pending (a minutes line), or it stood in an earlier
 * roll-up too. A section typed into one roll-up once, with neither, is no team to expect again.
 */
function reportsWithoutFolder(entry: TeamEntry, previous: RollUp, workspace: MinutesWorkspace): boolean {
  if (entry.minutesLine && !entry.minutesLine.blank) return true;
  return workspace
    .rollUps()
    .some((r) => r !== previous && r.file.folder === previous.file.folder && dayNumber(r.date) < dayNumber(previous.date) && (r.model.updates?.entries ?? []).some((e) => sameTeam(e, entry)));
}

/**
 * The order teams stand in a roll-up: the roster's, or the previous roll-up's followed by the
 * teams expected beyond it. Includes teams not expected this week, which new sections go after too.
 */
export function rollUpOrder(selfPath: string | undefined, date: CalendarDate, workspace: MinutesWorkspace, config: MinutesConfig, expected: ExpectedTeam[]): Array<{ name: string; kind: TeamKind; folder?: string }> {
  if (config.teams.length) return config.teams.map((t) => ({ name: t.name, kind: t.kind === 'group' || !t.kind ? teamKindOf(t.name, []) : t.kind, folder: t.folder }));
  const previous = workspace.previousWeekly(date, selfPath)?.model.updates?.entries ?? [];
  const order: Array<{ name: string; kind: TeamKind; folder?: string }> = previous.map((e) => ({ name: e.name, kind: e.kind, folder: workspace.folderOf(e, date) }));
  for (const team of expected) if (!order.some((o) => sameTeam(o, team) || (team.folder && o.folder === team.folder))) order.push(team);
  return order;
}

/** Whether a section of the roll-up of `date` is the expected team: by name, or by the folder its link points into. */
export function isSameTeam(entry: TeamEntry, expected: { name: string; kind: TeamKind; folder?: string }, workspace: MinutesWorkspace, date: CalendarDate): boolean {
  if (sameTeam(entry, expected)) return true;
  if (!expected.folder) return false;
  // A renamed team is known by the folder it links, unless its name says it is another team
  // (`Team IaaS` linking `container/` by mistake is not Team Container's section).
  const own = workspace.folderOf(entry, date);
  return own ? own === expected.folder : entry.minutesLine?.target?.folder === expected.folder;
}
