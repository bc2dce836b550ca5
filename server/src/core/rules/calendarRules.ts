import { formatDate, WEEKDAY_NAMES, weekday } from '../model/dates';
import { dateAnchor } from '../text/edits';
import { seriesWeekdays } from '../workspace/meetingDate';
import type { Rule } from './types';

export const meetingWeekday: Rule = {
  code: 'meeting-weekday',
  defaultSeverity: 'information',
  description: "The minutes are dated on another weekday than their series' schedule says it meets.",
  example: '`20221127.md` (a Sunday) when the meeting is on Thursdays',
  check({ model, config, meetingDate }) {
    // `20230704-special.md` and the like are notes of a special session, held when it was.
    if (model.kind === 'other' || !meetingDate || model.dated?.suffixed) return [];
    const usual = seriesWeekdays(model, config, meetingDate);
    if (!usual?.length || usual.includes(weekday(meetingDate))) return [];
    const days = usual.map((d) => `${WEEKDAY_NAMES[d]}s`).join(' or ');
    return [{ message: `${formatDate(meetingDate)} is a ${WEEKDAY_NAMES[weekday(meetingDate)]}; the meeting is on ${days}.`, range: dateAnchor(model) }];
  },
};

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
