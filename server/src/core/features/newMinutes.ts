import type { HolidayCalendar } from '../calendar/holidays';
import type { MinutesConfig } from '../config/types';
import { dayNumber, formatDate, weekday, type CalendarDate } from '../model/dates';
import { fileUrl, pendingLine } from '../rules/edits';
import { expectedTeams, rollUpOrder, type ExpectedTeam } from '../workspace/roster';
import type { MinutesWorkspace } from '../workspace/workspace';
import { nextWeekday } from './dateFacts';
import { handlesIn } from './workspaceFacts';

export interface NewFile {
  /** Relative to the repository root. */
  path: string;
  text: string;
  /** Where the cursor goes: the first place to type. */
  cursor: { line: number; character: number };
  exists: boolean;
  /** Set when the meeting day is a public holiday. */
  holiday?: string;
}

/** The meeting days a new roll-up could be for: today when it is the meeting day, else the next one. */
export function weeklyDateChoices(config: MinutesConfig, today: CalendarDate): CalendarDate[] {
  const next = nextWeekday(today, config.meetingWeekday);
  return weekday(today) === config.meetingWeekday ? [today, next] : [next];
}

/**
 * A new roll-up: titled, with the minute-taker prompt, every team and SIG expected that day with
 * its latest minutes linked (or a pending line), AOB and project updates.
 */
export function newWeeklyMinutes(workspace: MinutesWorkspace, config: MinutesConfig, calendar: HolidayCalendar, date: CalendarDate): NewFile {
  const path = workspace.pathFor(config.weeklyFolder, date);
  const lines = [`# ${config.weeklyTitle.replace('{date}', formatDate(date))}`, '', `## ${config.sections.meta[0]}`, '', '- Minutes: ', '', `## ${config.sections.updates[0]}`, ''];
  const since = workspace.lastMeetingBefore(date, path);
  for (const team of newRollUpTeams(path, date, workspace, config)) {
    const recent = team.folder ? workspace.index.between(team.folder, since, date).pop() : undefined;
    const line = recent ? `Minutes: ${fileUrl(config, recent.path)}` : pendingLine(config, team.folder);
    lines.push(`### ${team.name}`, '', line, '', '- ', '');
  }
  lines.push(`## ${config.sections.aob[0]}`, '', `## ${config.sections.projectUpdates[0]}`, '');
  return {
    path,
    text: lines.join('\n'),
    cursor: { line: 4, character: '- Minutes: '.length },
    exists: workspace.index.has(path),
    holiday: calendar.holidayOn(date)?.name,
  };
}

/**
 * The sections of a new roll-up: the teams expected that day, and the teams of the previous roll-up
 * (or roster), whose minutes may well be written later that day; SIGs only when they met.
 */
function newRollUpTeams(path: string, date: CalendarDate, workspace: MinutesWorkspace, config: MinutesConfig): ExpectedTeam[] {
  const expected = expectedTeams(path, date, workspace, config);
  return rollUpOrder(path, date, workspace, config, expected).flatMap((team): ExpectedTeam[] => {
    const found = expected.find((e) => e.name === team.name || (team.folder !== undefined && e.folder === team.folder));
    if (found) return [found];
    return team.kind === 'team' ? [{ ...team, reason: 'it meets every week' }] : [];
  });
}

/** A new team meeting file: dated title, last meeting's participants, recurring items and agenda. */
export function newTeamMinutes(workspace: MinutesWorkspace, folder: string, calendar: HolidayCalendar, date: CalendarDate): NewFile {
  const path = workspace.pathFor(folder, date);
  const last = workspace.index.filesIn(folder).filter((f) => dayNumber(f.date!) < dayNumber(date)).pop();
  const handles = handlesIn(last ? (workspace.model(last.path)?.text ?? '') : '').map((h) => `- @${h}`);
  const lines = [`# ${formatDate(date)}`, '', '## Participants', '', ...(handles.length ? handles : ['- @']), '', '## Recurring items', '', '- ', '', '## Agenda', '', '- ', ''];
  const agendaLine = lines.length - 2;
  return { path, text: lines.join('\n'), cursor: { line: agendaLine, character: 2 }, exists: workspace.index.has(path), holiday: calendar.holidayOn(date)?.name };
}
