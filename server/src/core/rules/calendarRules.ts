import { dayNumber, formatDate, WEEKDAY_NAMES, weekday, type CalendarDate } from '../model/dates';
import type { CheckedModel } from '../model/types';
import type { MinutesWorkspace } from '../workspace/workspace';
import { dateAnchor } from '../text/edits';
import { seriesWeekdays } from '../workspace/meetingDate';
import type { Rule } from './types';

export const meetingWeekday: Rule = {
  code: 'meeting-weekday',
  defaultSeverity: 'information',
  description: "The minutes are dated on another weekday than their series' schedule says it meets.",
  example: '`20221127.md` (a Sunday) when the meeting is on Thursdays',
  check({ model, config, meetingDate, workspace, today }) {
    // `20230704-special.md` and the like are notes of a special session, held when it was.
    if (model.kind === 'other' || !meetingDate || model.dated?.suffixed) return [];
    // A meeting moved to another day long ago is history; the day matters while the minutes are written.
    if (workspace && today && !beingWritten(model, meetingDate, workspace, today, config.reminderDays)) return [];
    const usual = seriesWeekdays(model, config, meetingDate);
    if (!usual?.length || usual.includes(weekday(meetingDate))) return [];
    const days = usual.map((d) => `${WEEKDAY_NAMES[d]}s`).join(' or ');
    return [{ message: `${formatDate(meetingDate)} is a ${WEEKDAY_NAMES[weekday(meetingDate)]}; the meeting is on ${days}.`, range: dateAnchor(model) }];
  },
};

/** Whether minutes are still being written: dated within the reminder days of today, or the newest of their series. */
function beingWritten(model: CheckedModel, date: CalendarDate, workspace: MinutesWorkspace, today: CalendarDate, reminderDays: number): boolean {
  if (dayNumber(today) - dayNumber(date) <= reminderDays) return true;
  const path = workspace.relativePath(model.uri);
  const folder = path === undefined ? undefined : workspace.index.file(path)?.folder;
  return folder === undefined || !workspace.index.hasLater(folder, date, path);
}

export const meetingOnHoliday: Rule = {
  code: 'meeting-on-holiday',
  defaultSeverity: 'warning',
  description: 'The meeting date is a public holiday in the configured region.',
  example: '`# SCS Tech Weekly 2022-10-03` (Day of German Unity)',
  check({ model, meetingDate, calendar }) {
    if (model.kind === 'other' || !meetingDate) return [];
    const holiday = calendar.holidayOn(meetingDate);
    if (!holiday) return [];
    const range = dateAnchor(model);
    return [{ message: `${formatDate(meetingDate)} is a public holiday in ${calendar.countryName} (${holiday.name}).`, range }];
  },
};
