import { calendarFor } from '../calendar/calendarFor';
import type { MinutesConfig } from '../config/types';
import type { CalendarDate } from '../model/dates';
import type { CheckedModel } from '../model/types';
import type { MinutesWorkspace } from '../workspace/workspace';
import { fileLinksInSteps } from '../workspace/fileLinks';
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

/**
 * Reads in steps what the checks of a model read that takes long on a big document (its links),
 * so that a caller that must stay responsive can spread it before `lint` (see parseMinutesInSteps).
 */
export function* prepareLint(model: CheckedModel, config: MinutesConfig, workspace?: MinutesWorkspace): Generator<void, void> {
  if (model.kind !== 'other') yield* fileLinksInSteps(model, config, workspace);
}

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
  oneCauseForACopy(model, findings);
  // What was not read (see MinutesModel.readTo) is not judged: a section there only seems empty.
  if (model.readTo !== undefined) {
    const unread = model.lines.positionAt(model.readTo);
    findings.splice(0, findings.length, ...findings.filter((f) => comparePositions(f.range.start, unread) < 0));
  }
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start));
  // An editor shows a thousand findings no better than ten thousand, and sends them all each time.
  if (findings.length <= MAX_FINDINGS) return findings;
  const shown = findings.slice(0, MAX_FINDINGS);
  shown.push({ code: 'not-fully-checked', severity: 'information', message: `${findings.length - MAX_FINDINGS} more findings are not shown; fix these first.`, range: shown[MAX_FINDINGS - 1].range });
  return shown;
}

const TITLE_RULES = ['title-date-mismatch', 'missing-title-date', 'invalid-date'];

/**
 * One finding per cause: a file reported as a copy of an earlier meeting's has that meeting's
 * title, so what is wrong with its title is the copy, already said by duplicate-minutes. Nor is
 * any other fix applied unasked: each would make the copy look a little more like genuine minutes.
 */
function oneCauseForACopy(model: CheckedModel, findings: Finding[]): void {
  if (!findings.some((f) => f.code === 'duplicate-minutes')) return;
  const title = model.title?.range;
  const inTitle = (f: Finding) => !!title && comparePositions(f.range.start, title.start) >= 0 && comparePositions(f.range.start, title.end) <= 0;
  for (let i = findings.length - 1; i >= 0; i--) {
    const finding = findings[i];
    if (TITLE_RULES.includes(finding.code) && inTitle(finding)) findings.splice(i, 1);
    else if (finding.fixes?.some((x) => x.preferred)) finding.fixes = finding.fixes.map((x) => ({ ...x, preferred: false }));
  }
}
