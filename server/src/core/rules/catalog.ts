import { meetingOnHoliday, meetingWeekday } from './calendarRules';
import { actionItemDropped, actionItemNoOwner } from './actions';
import { duplicateMinutes } from './copies';
import { snippetPlaceholder } from './placeholders';
import { linkAnchorNotFound, linkNotFound as fileLinkNotFound } from './fileLinks';
import { notFullyChecked, unrecognisedFile } from './files';
import { linkFuture, linkNotFound, linkOutdated, linkWrongTeam, nowAvailable } from './links';
import { headingLevel, missingMinuteTaker, missingSection } from './structure';
import { duplicateTeam, missingMinutesLink, missingTeam } from './teams';
import { invalidDate, missingTitleDate, titleDateMismatch } from './titleDate';
import type { Rule } from './types';

/** Every rule, in the order of the README's table: the one list of rule codes. */
export const RULES: readonly Rule[] = [
  titleDateMismatch,
  invalidDate,
  missingTitleDate,
  duplicateMinutes,
  meetingWeekday,
  meetingOnHoliday,
  missingSection,
  missingTeam,
  duplicateTeam,
  missingMinutesLink,
  linkNotFound,
  linkOutdated,
  linkFuture,
  linkWrongTeam,
  nowAvailable,
  fileLinkNotFound,
  linkAnchorNotFound,
  headingLevel,
  missingMinuteTaker,
  snippetPlaceholder,
  actionItemDropped,
  actionItemNoOwner,
  unrecognisedFile,
  notFullyChecked,
];

export const RULE_CODES = RULES.map((r) => r.code);

/** The code of a problem in `.minutes.json`: not a rule (it cannot be turned off), but a code beside theirs. */
export const CONFIG_CODE = 'invalid-config';
