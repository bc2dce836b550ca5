import type { MinutesConfig } from '../config/types';
import { dayNumber, fromDayNumber, type CalendarDate } from '../model/dates';
import { groupKindOf } from '../model/teams';
import { folderTeamName, sameTeam } from '../workspace/names';
import type { ExpectedTeam } from '../workspace/roster';
import { seriesEnded } from '../workspace/seriesActivity';
import type { MinutesWorkspace } from '../workspace/workspace';

/**
 * The teams of a roll-up written long after the last one (or the first one): that roll-up's teams
 * are history, so these are the series with minutes in the `days` before `date` that had not
 * stopped meeting by then, named as the roll-ups last named their folder (else after the folder),
 * in the last roll-up's order and then by name.
 */
export function activeSeriesTeams(path: string, date: CalendarDate, workspace: MinutesWorkspace, config: MinutesConfig, days: number): ExpectedTeam[] {
  const from = fromDayNumber(dayNumber(date) - days);
  const learned = workspace.learnedFolders(date);
  const previous = workspace.previousWeekly(date, path)?.model.updates?.entries ?? [];
  const teams = workspace.index.seriesFolders().flatMap((folder): Array<ExpectedTeam & { at: number }> => {
    const latest = workspace.held.between(folder, from, date).pop();
    const held = workspace.index.filesIn(folder).filter((f) => dayNumber(f.date!) <= dayNumber(date));
    if (!latest || seriesEnded(held, date, config.reminderDays)) return [];
    const named = learned.find((l) => l.folder === folder);
    const name = named?.name ?? folderTeamName(folder);
    const kind = named?.kind ?? groupKindOf(name, config.teams) ?? 'team';
    const at = previous.findIndex((e) => sameTeam(e, { name, kind }) || workspace.folderOf(e, date) === folder);
    return [{ name, kind, folder, reason: `${latest.path} is dated in the ${Math.round(days / 7)} weeks before`, at: at < 0 ? Infinity : at }];
  });
  return teams.sort((a, b) => a.at - b.at || a.name.localeCompare(b.name)).map(({ at: _, ...team }) => team);
}
