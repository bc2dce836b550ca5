import { meetingWeekdays, scheduleOn } from '../config/schedule';
import { describeScheduleEntry } from '../meetings/describe';
import { nextScheduledDate } from '../meetings/scheduled';
import type { HolidayCalendar } from '../calendar/holidays';
import type { MinutesConfig } from '../config/types';
import { dayNumber, formatDate, weekday, WEEKDAY_NAMES, type CalendarDate } from '../model/dates';
import { fileUrl, pendingLine } from '../text/edits';
import { expectedTeams, rollUpOrder, type ExpectedTeam } from '../workspace/roster';
import type { MinutesWorkspace } from '../workspace/workspace';
import { openItemsBefore, trackSeries, writtenLine } from '../workspace/actionSeries';
import { PENDING_SECTIONS } from '../model/actionItems';
import { flatten } from '../model/parse';
import { PARTICIPANTS_HEADING } from '../model/sections';
import type { MinutesModel, Section } from '../model/types';
import { formatWritten } from '../model/writtenDates';
import { datedPathOf } from '../config/paths';
import { normalizeHeading } from '../text/headings';
import { activeSeriesTeams } from './activeSeries';
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
  /** Why the user should think twice before writing it: the series stopped long ago, or changed format. */
  warning?: string;
}

/** A roll-up this long after the last one is no longer the next in the series: ask first. */
const SERIES_GAP_DAYS = 8 * 7;

/**
 * Whether a new roll-up for `date` continues the series: not when the last roll-up is months old,
 * nor when the folder's newer files are something else (slide decks) than roll-ups.
 */
export function rollUpWarning(workspace: MinutesWorkspace, config: MinutesConfig, date: CalendarDate): string | undefined {
  const last = workspace.previousWeekly(date);
  const laterFiles = workspace
    .weeklyFiles()
    .filter((f) => dayNumber(f.date!) < dayNumber(date) && (!last || dayNumber(f.date!) > dayNumber(last.date)))
    .filter((f) => workspace.model(f.path)?.kind === 'other');
  const parts: string[] = [];
  if (!last) return undefined;
  const gap = dayNumber(date) - dayNumber(last.date);
  // Short sentences, one per reason: the editor shows each on a line of its own.
  if (gap > SERIES_GAP_DAYS) {
    // Rounded, not cut: 2022-12-22 to 2026-12-10 is about 4 years, not 3.
    const years = Math.max(1, Math.round(gap / 365.25));
    const about = Math.abs(gap / 365.25 - years) > 0.05 ? 'about ' : '';
    const age = gap >= 365 ? `${about}${years} year${years > 1 ? 's' : ''}` : `${Math.round(gap / 7)} weeks`;
    parts.push(`The last roll-up is ${age} older: ${last.file.path}.`);
    if (!config.teams.length) parts.push(`Its teams are drafted from the series that met in the last ${SERIES_GAP_DAYS / 7} weeks.`);
  }
  if (laterFiles.length) {
    const newest = laterFiles[laterFiles.length - 1];
    parts.push(`${laterFiles.length} later file${laterFiles.length === 1 ? '' : 's'} of ${config.weeklyFolder}/ ${laterFiles.length === 1 ? 'is no roll-up' : 'are no roll-ups'}: the series changed format.`, `The newest: ${newest.path}.`);
  }
  return parts.length ? parts.join(' ') : undefined;
}

/** The meeting days a new roll-up could be for: today when it is the meeting day, else the next one. */
export function weeklyDateChoices(config: MinutesConfig, today: CalendarDate): CalendarDate[] {
  const day = meetingWeekdays(config, today)[0] ?? config.meetingWeekday;
  const next = nextWeekday(today, day);
  return weekday(today) === day ? [today, next] : [next];
}

/**
 * A new roll-up: titled, with the minute-taker prompt, every team and SIG expected that day with
 * its latest minutes linked (or a pending line), AOB and project updates.
 */
export function newWeeklyMinutes(workspace: MinutesWorkspace, config: MinutesConfig, calendar: HolidayCalendar, date: CalendarDate): NewFile {
  const path = workspace.pathFor(config.weeklyFolder, date);
  const lines = [`# ${(config.weeklyTitles[0] ?? '{date}').replace('{date}', formatDate(date))}`, '', `## ${config.sections.meta[0]}`, '', '- Minutes: ', '', `## ${config.sections.updates[0]}`, ''];
  const since = workspace.lastMeetingBefore(date, path);
  // Long after the last roll-up its teams are history: draft from the series that meet now.
  const last = workspace.previousWeekly(date, path);
  const fresh = !config.teams.length && (!last || dayNumber(date) - dayNumber(last.date) > SERIES_GAP_DAYS);
  const teams = fresh ? activeSeriesTeams(path, date, workspace, config, SERIES_GAP_DAYS) : newRollUpTeams(path, date, workspace, config);
  for (const team of teams) {
    const recent = team.folder ? workspace.held.between(team.folder, since, date).pop() : undefined;
    const line = recent ? `Minutes: ${fileUrl(config, recent.path)}` : pendingLine(config, team.folder);
    const draft = recent && config.draftRollUps ? draftOf(workspace, recent.path, team.folder!) : [];
    lines.push(`### ${team.name}`, '', line, '', ...(draft.length ? draft : ['- ']), '');
  }
  lines.push(`## ${config.sections.aob[0]}`, '', `## ${config.sections.projectUpdates[0]}`, '');
  return {
    path,
    text: lines.join('\n'),
    cursor: { line: 4, character: '- Minutes: '.length },
    exists: workspace.index.has(path),
    holiday: calendar.holidayOn(date)?.name,
    warning: rollUpWarning(workspace, config, date),
  };
}

// Headings of team minutes that are not topics of the meeting.
const NOT_TOPICS = /particip|attendees|teilnehm|anwesend|recurring|agenda|tagesordnung|pending|open\s+actions?|action\s+items?|who\s+is\s+presenting|^\d{4}-\d{2}-\d{2}$/iu;

/**
 * What the reporter starts from in a team's section: the topics of the meeting its linked minutes
 * record, and the action items raised there, as bullets to edit or delete.
 */
function draftOf(workspace: MinutesWorkspace, path: string, folder: string): string[] {
  const model = workspace.model(path);
  if (!model) return [];
  const topics = flatten(model.sections)
    .filter((s) => s.depth >= 2 && s.title && !NOT_TOPICS.test(s.title) && s.range.start.line !== model.title?.range.start.line)
    .map((s) => `- ${s.title.replace(/\s*\(@[^)]*\)\s*$/u, '')}`);
  const raised = trackSeries(workspace, folder, model.fileDate?.date)
    .filter((t) => t.file.path === path && t.carried === 0 && t.status === 'open')
    .map((t) => `- AI ${t.item.owners.map((o) => `@${o}`).join(', ')}${t.item.owners.length ? ': ' : ''}${t.item.text}`);
  return [...new Set([...topics, ...raised])].slice(0, 12);
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

/** How many of a team's latest meetings decide its meeting day. */
const RECENT_TEAM_MEETINGS = 8;

/** The day a team meets next, and why that day. */
export interface NextMeeting {
  date: CalendarDate;
  /** "its schedule: every 2 weeks, Thursday", "it meets on Thursdays, from its recent minutes". */
  basis?: string;
}

/**
 * The day a team meets next: by the schedule its series is configured with, in the cadence its
 * minutes kept; else the weekday most of its recent meetings fell on (the later meeting wins a
 * tie), on or after `today`; `today` for a team without minutes yet.
 */
export function nextTeamMeeting(workspace: MinutesWorkspace, folder: string, today: CalendarDate, calendar?: HolidayCalendar): NextMeeting {
  const files = workspace.index.filesIn(folder);
  const recent = files.slice(-RECENT_TEAM_MEETINGS);
  if (!recent.length) return { date: today };
  const schedule = datedPathOf(workspace.pathFor(folder, today), workspace.config)?.seriesConfig.schedule ?? [];
  const scheduled = schedule.length ? nextScheduledDate(schedule, files.map((f) => f.date!), today, (date) => !!calendar?.holidayOn(date)) : undefined;
  if (scheduled) {
    const entry = scheduleOn({ schedule }, scheduled)[0];
    return { date: scheduled, basis: `its schedule: ${entry ? describeScheduleEntry(entry) : 'configured'}` };
  }
  const counts = new Map<number, { n: number; last: number }>();
  for (const file of recent) {
    const day = weekday(file.date!);
    counts.set(day, { n: (counts.get(day)?.n ?? 0) + 1, last: dayNumber(file.date!) });
  }
  const [day] = [...counts.entries()].sort((a, b) => b[1].n - a[1].n || b[1].last - a[1].last)[0];
  return { date: weekday(today) === day ? today : nextWeekday(today, day), basis: `it meets on ${WEEKDAY_NAMES[day]}s, from its recent minutes` };
}

const AGENDA = /agenda|tagesordnung|topics/iu;

/** How many of a series' meetings before the new one show which of its sections recur. */
const RECENT_FOR_RECURRING = 8;

/**
 * A new team meeting file, shaped like the series' last one: its title form and heading levels, its
 * participants, its recurring items (sections that most of its recent meetings have, with last
 * time's answers left blank; never one meeting's own topics), the sections its series requires, and
 * its agenda heading or, where the series writes each topic as a heading, an empty one to type it,
 * all in its own bullet style (`*` or `-`).
 */
export function newTeamMinutes(workspace: MinutesWorkspace, folder: string, calendar: HolidayCalendar, date: CalendarDate): NewFile {
  const path = workspace.pathFor(folder, date);
  const before = workspace.index.filesIn(folder).filter((f) => dayNumber(f.date!) < dayNumber(date));
  const last = before[before.length - 1];
  const model = last ? workspace.model(last.path) : undefined;
  const text = model?.text ?? '';
  const bullet = /^\s*([-*+])\s/mu.exec(text.split(/\r\n?|\n/u).filter((l) => !l.startsWith('#')).join('\n'))?.[1] ?? '-';
  // The title (`# 2026-06-04`, or `## 2026-06-04` in pads) is not a recurring section.
  const isTitle = (s: { headingRange: { start: { line: number } } }) => model?.title?.range.start.line === s.headingRange.start.line;
  const headings = model ? flatten(model.sections).filter((s) => !isTitle(s) && s.depth >= 2) : [];
  // The series' own level for its sections (`###` under a `##` title in pads).
  const depth = headings.length ? Math.min(...headings.map((s) => s.depth)) : 2;
  const h = '#'.repeat(depth);
  const sections = headings.filter((s) => s.depth === depth);
  const participants = sections.find((s) => PARTICIPANTS_HEADING.test(s.title));
  const asWritten = (section: Section) => (model ? headingText(model, section) : section.title);
  // Who attended: the participants list, not every handle the minutes mention (an item's owner, a sponsor).
  const handles = handlesIn(participants ? text.slice(participants.contentOffset, participants.endOffset) : text).map((h) => `${bullet} @${h}`);
  const agendaIndex = sections.findIndex((s) => AGENDA.test(s.title));
  const pendingHeading = model && flatten(model.sections).find((s) => PENDING_SECTIONS.test(s.title));
  // The series' recent meetings, the last one among them: which sections recur, and what they always say.
  const recent = before.slice(-RECENT_FOR_RECURRING).map((f) => workspace.model(f.path));
  const recurs = recurringTitles(recent);
  const recurring = sections
    .slice(0, agendaIndex < 0 ? sections.length : agendaIndex)
    .filter((s) => s !== participants && s !== pendingHeading && !AGENDA.test(s.title) && recurs.has(normalizeHeading(s.title)));
  const lines = [newTitle(workspace, path, model, date), '', `${h} ${participants ? asWritten(participants) : 'Participants'}`, '', ...(handles.length ? handles : [`${bullet} @`]), ''];
  // The items the last meeting left open, under the series' own heading, each with a status to fill in.
  const open = last ? openItemsBefore(workspace, folder, date) : [];
  if (open.length) {
    lines.push(`${h} ${pendingHeading ? asWritten(pendingHeading) : 'Pending action items'}`, '');
    for (const tracked of open) lines.push(`${bullet} ${(writtenLine(workspace, tracked) ?? tracked.item.text).replace(/^(?:[-*+]|\d+[.)])\s+/u, '')}`, `  ${bullet} status: `);
    lines.push('');
  }
  const earlier = recent.slice(0, -1).flatMap((m) => m ?? []);
  for (const section of recurring) {
    const kept = carried(text.slice(section.contentOffset, section.endOffset), linesElsewhere(earlier, section.title));
    lines.push(`${h} ${asWritten(section)}`, '', ...(kept.length ? kept : [`${bullet} `]), '');
  }
  // Sections the series requires, where its last meeting had none.
  const written = new Set(lines.filter((l) => l.startsWith('#')).map((l) => normalizeHeading(l.replace(/^#+\s*/u, ''))));
  for (const name of datedPathOf(path, workspace.config)?.seriesConfig.requiredSections ?? []) if (!written.has(normalizeHeading(name))) lines.push(`${h} ${name}`, '', `${bullet} `, '');
  // The agenda to type in; a series that writes each topic as a heading of its own: the first topic's heading.
  const topicsAsHeadings = agendaIndex < 0 && model !== undefined;
  if (topicsAsHeadings) lines.push(`${h} `, '');
  else lines.push(`${h} ${agendaIndex >= 0 ? asWritten(sections[agendaIndex]) : 'Agenda'}`, '', `${bullet} `, '');
  const cursor = { line: lines.length - 2, character: topicsAsHeadings ? h.length + 1 : 2 };
  return { path, text: lines.join('\n'), cursor, exists: workspace.index.has(path), holiday: calendar.holidayOn(date)?.name };
}

/** The headings (normalised) that at least half of these meetings, and at least two, have (a file not read counts as a meeting without them). */
function recurringTitles(meetings: ReadonlyArray<MinutesModel | undefined>): Set<string> {
  const counts = new Map<string, number>();
  for (const model of meetings) {
    const titles = new Set(model ? flatten(model.sections).map((s) => normalizeHeading(s.title)) : []);
    for (const title of titles) counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  const needed = Math.max(2, Math.ceil(meetings.length / 2));
  return new Set([...counts].filter(([, n]) => n >= needed).map(([title]) => title));
}

/** A heading as written (`New os_purpose value \`oldgeneric\``), not its plain text: markup kept. */
function headingText(model: MinutesModel, section: Section): string {
  const line = model.lines.lineText(section.headingRange.start.line);
  const written = line.replace(/^\s{0,3}#{1,6}\s*/u, '').replace(/\s+#+\s*$/u, '').trim();
  return /^#{1,6}(?:\s|$)/u.test(line.trimStart()) && written ? written : section.title;
}

/**
 * The title line of a series' next minutes: its configured title form, else its last title at the
 * same level with the new date written the same way (`Working group call, 8 January 2024`), else the date.
 */
function newTitle(workspace: MinutesWorkspace, path: string, last: MinutesModel | undefined, date: CalendarDate): string {
  const form = datedPathOf(path, workspace.config)?.seriesConfig.titles[0];
  if (form) return `# ${form.replace('{date}', formatDate(date))}`;
  const title = last?.title;
  const found = title?.date && title.text.indexOf(title.date.text);
  if (!last || !title?.date || found === undefined || found < 0) return `# ${formatDate(date)}`;
  const depth = flatten(last.sections).find((s) => s.headingRange.start.line === title.range.start.line)?.depth ?? 1;
  const newDate = title.date.style ? formatWritten(date, title.date.style) : formatDate(date);
  return `${'#'.repeat(depth)} ${title.text.slice(0, found)}${newDate}${title.text.slice(found + title.date.text.length)}`;
}

/**
 * A recurring section's lines for the next meeting: the questions and fields stay, with last time's
 * answers (`Minutes-transfer: @x`) left blank, and so do lines the section had in earlier meetings
 * too; last time's own news (`@fkr will not be around on May 11th`) goes.
 */
function carried(content: string, elsewhere: ReadonlySet<string>): string[] {
  const lines = blankAnswers(content).filter((l) => !l.trim() || /[:?]\s*$/u.test(l) || elsewhere.has(l.trim()));
  while (lines.length && !lines[0].trim()) lines.shift();
  while (lines.length && !lines[lines.length - 1].trim()) lines.pop();
  return lines.filter((l, i) => l.trim() || lines[i - 1]?.trim());
}

/** A section's lines with the answers after a field's colon (`Minutes-transfer: @x and @y`) taken out. */
function blankAnswers(content: string): string[] {
  return content
    .split(/\r\n?|\n/u)
    .map((l) => l.replace(/^(\s*(?:[-*+]\s+)?[^:\n]{1,80}:)\s*(?:(?:@[\w-]+|and|&|,|\/)\s*)+$/u, '$1').trimEnd())
    .map((l) => (l.endsWith(':') ? `${l} ` : l));
}

/** The lines (trimmed, answers blank) that the section of this heading had in these meetings. */
function linesElsewhere(models: readonly MinutesModel[], title: string): Set<string> {
  const wanted = normalizeHeading(title);
  return new Set(
    models.flatMap((model) => flatten(model.sections).filter((s) => normalizeHeading(s.title) === wanted).flatMap((s) => blankAnswers(model.text.slice(s.contentOffset, s.endOffset)).map((l) => l.trim()))),
  );
}
