import type { FeatureContext } from './context';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { rangeContains } from '../text/ranges';
import { dayNumber, findDates, formatDate, WEEKDAY_NAMES, weekday } from '../model/dates';
import type { LinkTarget, MinutesModel } from '../model/types';
import { meetingDate } from '../workspace/meetingDate';
import { relativeDays } from './dateFacts';
import { fileSummary, folderSummary } from './workspaceFacts';
import { datedPathOf } from '../config/paths';
import { actionItemsOf } from '../model/actionItems';
import { trackSeries } from '../workspace/actionSeries';
import { linkNotFound } from '../rules/links';

/** What hovers read besides the document. */
export type HoverEnvironment = FeatureContext;

/**
 * Hover on an action item: its owners and status, when it was raised, and each meeting that
 * carried it, linked.
 */
function actionHover(model: MinutesModel, position: Position, env: HoverEnvironment): Hover | null {
  const item = actionItemsOf(model).find((i) => rangeContains(i.range, position));
  if (!item) return null;
  const lines = [`**Action item** ${item.owners.length ? `of ${item.owners.map((o) => `@${o}`).join(', ')}` : '(no owner)'}: ${item.status}`];
  const path = env.workspace?.relativePath(model.uri);
  const series = path !== undefined ? datedPathOf(path, env.config)?.series : undefined;
  if (env.workspace && path !== undefined && series !== undefined) {
    const all = trackSeries(env.workspace, series);
    const tracked = all.find((t) => t.file.path === path && t.item.line === item.line);
    if (tracked) {
      const chain = all.filter((t) => t.raised === tracked.raised && dayNumber(t.file.date!) <= dayNumber(tracked.file.date!));
      lines.push(`Raised on ${formatDate(tracked.raised.file.date!)}${tracked.carried ? `, carried ${tracked.carried} time${tracked.carried > 1 ? 's' : ''}` : ''}.`);
      if (chain.length > 1) lines.push(chain.map((t) => `[${formatDate(t.file.date!)}](${env.workspace!.uriOf(t.file.path)}#L${t.item.line + 1}): ${t.status}`).join(' · '));
    }
  }
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range: item.range };
}

/**
 * Hover on a minutes link: the linked file's first lines, or what a linked folder holds. A missing
 * file is said once: by the finding when minutes-link-not-found reports it, else here.
 */
function linkHover(model: MinutesModel, target: LinkTarget, env: HoverEnvironment): string | undefined {
  const workspace = env.workspace;
  if (workspace?.index.has(target.path)) return fileSummary(workspace, target.path);
  if (!target.fileName) {
    const meeting = meetingDate(model, env.config, workspace, env.today);
    if (workspace?.index.filesIn(target.folder).length) return folderSummary(workspace, target.folder, meeting);
    return `No minutes in \`${target.folder}/\` in this workspace.`;
  }
  const reported = model.kind === 'weekly' && workspace?.hasTeamFolders() && env.config.rules[linkNotFound.code] !== 'off';
  return reported ? undefined : `\`${target.path}\` is not in this workspace.`;
}

/** Hover on a date (weekday, distance, holiday), a minutes link (the linked file's first lines) or an action item. */
export function hover(model: MinutesModel, position: Position, env: HoverEnvironment): Hover | null {
  if (model.kind === 'other') return null;
  for (const entry of model.updates?.entries ?? []) {
    const line = entry.minutesLine;
    if (line?.urlRange && line.target && rangeContains(line.urlRange, position)) {
      const value = linkHover(model, line.target, env);
      return value === undefined ? null : { contents: { kind: MarkupKind.Markdown, value }, range: line.urlRange };
    }
  }
  const text = model.lines.lineText(position.line);
  const action = actionHover(model, position, env);
  if (action && !findDates(text).some((d) => d.offset <= position.character && position.character <= d.offset + d.text.length)) return action;
  const date = findDates(text).find((d) => d.offset <= position.character && position.character <= d.offset + d.text.length);
  if (!date) return null;
  const range = { start: { line: position.line, character: date.offset }, end: { line: position.line, character: date.offset + date.text.length } };
  if (!date.date) return { contents: { kind: MarkupKind.Markdown, value: `\`${date.text}\` is not a date that exists.` }, range };
  const lines = [`**${WEEKDAY_NAMES[weekday(date.date)]}**, ${formatDate(date.date)}: ${relativeDays(date.date, env.today)}`];
  const meeting = meetingDate(model, env.config, env.workspace, env.today);
  if (meeting && dayNumber(meeting) !== dayNumber(date.date)) {
    const days = dayNumber(date.date) - dayNumber(meeting);
    lines.push(`${Math.abs(days)} day${Math.abs(days) === 1 ? '' : 's'} ${days > 0 ? 'after' : 'before'} the meeting (${formatDate(meeting)})`);
  }
  const holiday = env.calendar.holidayOn(date.date);
  if (holiday) lines.push(`Public holiday in ${env.calendar.countryName}: ${holiday.name}`);
  if (date.problem === 'malformed') lines.push(`Written as \`${date.text}\`; the usual form is \`${formatDate(date.date)}\`.`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n\n') }, range };
}
