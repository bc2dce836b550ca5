import type { FeatureContext } from './context';
import type { CodeAction, Position, TextEdit } from 'vscode-languageserver-types';
import { dayNumber, formatDate, fromDayNumber, WEEKDAY_NAMES, weekday, type CalendarDate } from '../model/dates';
import type { MinutesModel } from '../model/types';
import { eol } from '../text/edits';
import { meetingDate } from '../workspace/meetingDate';
import { fillNotice, holidaysBetween, meetingWeekdayOf, nextWeekday } from './dateFacts';

export const INSERT_KIND = 'refactor.insert.minutes';

export interface DateOption {
  /** What the user picks: "Insert holiday notice for 2022-10-03 (National Holiday)". */
  title: string;
  /** The text inserted: a notice, a date, or "Will take place on ... (not ...!)". */
  text: string;
  kind: 'holiday-notice' | 'date';
}

/** What the date actions read besides the document (no repository). */
export type DateEnvironment = Omit<FeatureContext, 'workspace'>;

/**
 * Holiday notices for the public holidays before the next meeting (or in the configured number of
 * days), and the dates people write: this meeting, the next one, and the next one that is not a holiday.
 */
export function dateOptions(model: MinutesModel, env: DateEnvironment): DateOption[] {
  if (model.kind === 'other') return [];
  const meeting = meetingDate(model, env.config) ?? env.today;
  const day = meetingWeekdayOf(model, env.config, meeting);
  const next = nextWeekday(meeting, day);
  const until = dayNumber(next) > dayNumber(meeting) ? next : fromDayNumber(dayNumber(meeting) + env.config.holidayNotice.days);
  const options: DateOption[] = holidaysBetween(env.calendar, meeting, until).map((holiday) => ({
    title: `Insert holiday notice for ${formatDate(holiday.date)} (${holiday.name})`,
    text: fillNotice(env.config, env.calendar, holiday),
    kind: 'holiday-notice',
  }));
  const label = (date: CalendarDate) => `${formatDate(date)}, ${WEEKDAY_NAMES[weekday(date)]}`;
  options.push({ title: `Insert the meeting date (${label(meeting)})`, text: formatDate(meeting), kind: 'date' });
  options.push({ title: `Insert the next meeting date (${label(next)})`, text: formatDate(next), kind: 'date' });
  let free = next;
  while (env.calendar.holidayOn(free) && dayNumber(free) - dayNumber(next) < 366) free = fromDayNumber(dayNumber(free) + 7);
  if (dayNumber(free) !== dayNumber(next)) {
    options.push({
      title: `Insert the next meeting that is not a holiday (${label(free)})`,
      text: `Will take place on ${formatDate(free)} (not ${formatDate(next)}!)`,
      kind: 'date',
    });
  }
  return options;
}

/** An empty line or a bare bullet: where people type a notice. */
function isInsertionLine(line: string): boolean {
  return /^\s*([-*+]\s*)?$/u.test(line);
}

/** The smallest edit that puts an option's text at the cursor: notices as a list item of their own. */
export function insertOption(model: MinutesModel, position: Position, option: DateOption): TextEdit {
  const line = model.lines.lineText(position.line);
  if (option.kind === 'date') return { range: { start: position, end: position }, newText: option.text };
  if (isInsertionLine(line)) {
    const newText = /^\s*[-*+]\s*$/u.test(line) ? option.text : `- ${option.text}`;
    return { range: { start: position, end: position }, newText: line.endsWith(' ') || line === '' ? newText : ` ${newText}` };
  }
  const end = { line: position.line, character: line.length };
  return { range: { start: end, end }, newText: `${eol(model)}- ${option.text}` };
}

/**
 * The options as code actions at the cursor (kind refactor.insert.minutes): on an insertion line,
 * or anywhere when `asked` for by kind, so that the light bulb does not follow the cursor everywhere.
 */
export function dateCodeActions(model: MinutesModel, position: Position, env: DateEnvironment, asked = false): CodeAction[] {
  if (!asked && !isInsertionLine(model.lines.lineText(position.line))) return [];
  return dateOptions(model, env).map((option) => ({
    title: option.title,
    kind: INSERT_KIND,
    edit: { changes: { [model.uri]: [insertOption(model, position, option)] } },
  }));
}
