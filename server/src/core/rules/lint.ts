import { calendarFor } from '../calendar/calendarFor';
import type { MinutesConfig } from '../config/types';
import type { CalendarDate } from '../model/dates';
import type { CheckedModel } from '../model/types';
import type { MinutesWorkspace } from '../workspace/workspace';
import { RULES } from './catalog';
import { meetingDate } from '../workspace/meetingDate';
import { comparePositions } from '../text/ranges';
import type { SeverityOverrides } from './severity';
import type { Finding } from './types';

export type { SeverityOverrides };

export interface LintOptions {
  workspace?: MinutesWorkspace;
  /** The editor's `minutes.rules`: win over `rules` of the config. */
  severities?: SeverityOverrides;
  /** The user's today (see RuleContext). */
  today?: CalendarDate;
}

const MAX_FINDINGS = 1000;

/** Runs every enabled rule on a model, findings in document order. */
export function lint(model: CheckedModel, config: MinutesConfig, options: LintOptions = {}): Finding[] {
  // Files that are not minutes get only the finding that says why (a dated name no pattern covers).
  const rules = model.kind === 'other' ? RULES.filter((r) => r.code === 'unrecognised-file') : RULES;
  const { workspace, today } = options;
  const copyOf = workspace?.copyOf(model);
  const context = { model, config, workspace, meetingDate: meetingDate(model, config, workspace, today), calendar: calendarFor(config.holidays), today, copyOf };
  const findings: Finding[] = [];
  for (const rule of rules) {
    const configured = options.severities?.[rule.code] ?? config.rules[rule.code];
    if (configured === 'off') continue;
    for (const { severity, ...found } of rule.check(context)) findings.push({ ...found, code: rule.code, severity: configured ?? severity ?? rule.defaultSeverity });
  }
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start));
  // An editor shows a thousand findings no better than ten thousand, and sends them all each time.
  if (findings.length <= MAX_FINDINGS) return findings;
  const shown = findings.slice(0, MAX_FINDINGS);
  shown.push({ code: 'not-fully-checked', severity: 'information', message: `${findings.length - MAX_FINDINGS} more findings are not shown; fix these first.`, range: shown[MAX_FINDINGS - 1].range });
  return shown;
}
