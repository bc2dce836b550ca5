import { HolidayCalendar, type HolidayRegion } from '../calendar/holidays';
import type { MinutesConfig } from '../config/types';
import type { MinutesModel } from '../model/types';
import type { MinutesWorkspace } from '../workspace/workspace';
import { RULES } from './catalog';
import { meetingDate } from './meetingDate';
import type { Finding, Severity } from './types';

export type SeverityOverrides = Record<string, Severity | 'off'>;

export interface LintOptions {
  workspace?: MinutesWorkspace;
  severities?: SeverityOverrides;
}

const calendars = new Map<string, HolidayCalendar>();

/** Calendars are costly to set up and few: one per region, for the life of the process. */
export function calendarFor(region: HolidayRegion): HolidayCalendar {
  const key = `${region.country}/${region.state ?? ''}/${region.language}`;
  let calendar = calendars.get(key);
  if (!calendar) calendars.set(key, (calendar = new HolidayCalendar(region)));
  return calendar;
}

/** Runs every enabled rule on a model, findings in document order. */
export function lint(model: MinutesModel, config: MinutesConfig, options: LintOptions = {}): Finding[] {
  if (model.kind === 'other') return [];
  const context = { model, config, workspace: options.workspace, meetingDate: meetingDate(model, config), calendar: calendarFor(config.holidays) };
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const configured = options.severities?.[rule.code];
    if (configured === 'off') continue;
    for (const { severity, ...found } of rule.check(context)) findings.push({ ...found, code: rule.code, severity: configured ?? severity ?? rule.defaultSeverity });
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
