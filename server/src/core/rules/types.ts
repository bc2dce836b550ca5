import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { HolidayCalendar } from '../calendar/holidays';
import type { MinutesConfig } from '../config/types';
import type { CalendarDate } from '../model/dates';
import type { CheckedModel } from '../model/types';
import type { IndexedFile } from '../workspace/minutesIndex';
import type { MinutesWorkspace } from '../workspace/workspace';
import type { Severity } from './severity';

export type { Severity };

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Renames the document itself (a wrong date in its file name) instead of editing text. */
  renameTo?: string;
  /** The fix to apply without asking (`minutes-lint --fix`, Ctrl+. preferred). */
  preferred?: boolean;
}

export interface RelatedPlace {
  uri: string;
  range: Range;
  message: string;
}

export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedPlace[];
  /** Recorded in the repository's suppressions file (see suppressions.ts): shown, but not failing. */
  suppressed?: boolean;
}

export interface RuleContext {
  model: CheckedModel;
  config: MinutesConfig;
  /** The repository the document belongs to; rules that need one are skipped without it. */
  workspace?: MinutesWorkspace;
  /** The date the minutes are about, from the title and the file name (see meetingDate.ts). */
  meetingDate?: CalendarDate;
  calendar: HolidayCalendar;
  /** The user's today, for reminders about the state of today; without it there are none. */
  today?: CalendarDate;
  /** The earlier minutes of the same series this file is a copy of, if it is one. */
  copyOf?: IndexedFile;
}

/** What a rule reports; `severity` only where one finding is more serious than the rule's default. */
export type RuleFinding = Omit<Finding, 'severity' | 'code'> & { severity?: Severity };

export interface Rule {
  code: string;
  defaultSeverity: Severity;
  /** One line for the README's rule table and the settings UI. */
  description: string;
  /** An example of text that triggers it, for the README. */
  example: string;
  check(context: RuleContext): RuleFinding[];
}
