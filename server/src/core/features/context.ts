import { calendarFor } from '../calendar/calendarFor';
import type { HolidayCalendar } from '../calendar/holidays';
import type { MinutesConfig } from '../config/types';
import type { CalendarDate } from '../model/dates';
import type { MinutesWorkspace } from '../workspace/workspace';

/** What the editor features (completion, hover, date actions) read besides the document. */
export interface FeatureContext {
  config: MinutesConfig;
  /** The repository the document belongs to, if it belongs to one. */
  workspace?: MinutesWorkspace;
  calendar: HolidayCalendar;
  /** The user's today. */
  today: CalendarDate;
}

export function featureContext(config: MinutesConfig, workspace: MinutesWorkspace | undefined, today: CalendarDate): FeatureContext {
  return { config, workspace, calendar: calendarFor(config.holidays), today };
}
