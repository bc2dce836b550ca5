import { datedPathOf } from '../config/paths';
import { actionItemsOf, PENDING_SECTIONS, sameItem } from '../model/actionItems';
import { mentionOf } from '../model/mentions';
import { dayNumber, formatDate, type CalendarDate } from '../model/dates';
import type { MinutesConfig } from '../config/types';
import { flatten, parseMinutes } from '../model/parse';
import { PARTICIPANTS_HEADING } from '../model/sections';
import type { CheckedModel, Section } from '../model/types';
import { trackSeries, writtenLine } from '../workspace/actionSeries';
import type { MinutesWorkspace } from '../workspace/workspace';
import { seriesEnded } from '../workspace/seriesActivity';
import { dateAnchor, eol, insertAt } from '../text/edits';
import type { Rule, RuleFinding } from './types';

/**
 * The file, date and series of team minutes that are the newest of a series still meeting, else
 * undefined: a series whose newest minutes are long past (three of its usual gaps, and more than
 * the reminder days, before today) has ended, and its last open items are history.
 */
function newestOfSeries(model: CheckedModel, workspace: MinutesWorkspace | undefined, today?: CalendarDate) {
  const path = workspace?.relativePath(model.uri);
  const date = model.fileDate?.date;
  if (!workspace || path === undefined || !date || model.kind !== 'meeting') return undefined;
  // The series from the path in the repository (a URI's path would make all of it the series).
  const folder = datedPathOf(path, workspace.config)?.series;
  if (folder === undefined) return undefined;
  if (workspace.index.hasLater(folder, date, path)) return undefined;
  const files = workspace.index.filesIn(folder);
  if (today && seriesEnded(files, today, workspace.config.reminderDays)) return undefined;
  return { path, date, files, folder, workspace };
}

/** The model of the whole text: a whole-repository check parses team minutes only as far as their title. */
function whole(model: CheckedModel, config: MinutesConfig): CheckedModel {
  if (!model.partial) return model;
  // Both action-item rules ask for it: parsed once per model.
  let full = wholeModels.get(model);
  if (!full) wholeModels.set(model, (full = parseMinutes({ uri: model.uri, version: model.version, text: model.text }, config)));
  return full;
}

const wholeModels = new WeakMap<CheckedModel, CheckedModel>();


export const actionItemDropped: Rule = {
  code: 'action-item-dropped',
  defaultSeverity: 'information',
  description: "Open action items of the series' previous meeting that this one (its newest) neither carries nor marks done.",
  example: '`_AI @fzakfeld: draft the IPv6 standard_` open on 2026-06-04 and not in the minutes of 2026-06-11',
  check({ model: given, workspace: maybe, config, today }) {
    const newest = newestOfSeries(given, maybe, today);
    if (!newest) return [];
    const model = whole(given, config);
    const { path, date, files, folder, workspace } = newest;
    const previous = files.filter((f) => f.path !== path && dayNumber(f.date!) < dayNumber(date)).at(-1);
    if (!previous) return [];
    const open = trackSeries(workspace, folder, previous.date).filter((t) => t.file === previous && t.status === 'open');
    const here = actionItemsOf(model);
    const dropped = open.filter((t) => !here.some((item) => sameItem(t.item, item)) && !mentionOf(model, t.item));
    if (!dropped.length) return [];
    const lines = dropped.map((t) => writtenLine(workspace, t)).filter((l): l is string => !!l);
    const pending = flatten(model.sections).find((s) => PENDING_SECTIONS.test(s.title));
    const names = dropped.map((t) => `${t.item.owners.length ? t.item.owners.map((o) => `@${o}`).join(', ') + ': ' : ''}${t.item.text}`);
    const finding: RuleFinding = {
      message: `${dropped.length} open action item${dropped.length > 1 ? 's' : ''} of the meeting of ${formatDate(previous.date!)} ${dropped.length > 1 ? 'are' : 'is'} neither carried nor done here: ${names.join('; ')}.`,
      range: pending?.headingRange ?? dateAnchor(model),
      related: dropped.map((t) => ({ uri: workspace.uriOf(previous.path), range: t.item.range, message: `${previous.path}: raised ${formatDate(t.raised.file.date!)}` })),
      fixes: lines.length ? [{ title: `Carry ${lines.length > 1 ? `the ${lines.length} items` : 'the item'} over`, edits: [carryOver(model, pending, lines)] }] : undefined,
    };
    return [finding];
  },
};

/** The items' lines at the end of the pending section, or in a new one after the participants. */
function carryOver(model: CheckedModel, pending: Section | undefined, items: string[]) {
  const nl = eol(model);
  const bullets = items.map((l) => (/^[-*+]\s/u.test(l) ? l : `- ${l}`)).join(nl);
  if (pending) {
    const end = model.lines.offsetAt(pending.range.end);
    return insertAt(model, end, `${nl}${bullets}`);
  }
  const sections = flatten(model.sections);
  const participants = sections.find((s) => PARTICIPANTS_HEADING.test(s.title));
  const depth = participants?.depth ?? 2;
  const heading = `${'#'.repeat(depth)} Pending action items`;
  const after = participants ?? sections[0];
  if (!after) return insertAt(model, 0, `${heading}${nl}${nl}${bullets}${nl}${nl}`);
  const end = after === participants ? after.endOffset : model.lines.offsetAt(after.headingRange.end);
  const atEnd = end >= model.text.length;
  const lead = atEnd ? (model.text.endsWith(nl) ? nl : `${nl}${nl}`) : after === participants ? '' : `${nl}${nl}`;
  return insertAt(model, end, `${lead}${heading}${nl}${nl}${bullets}${nl}${atEnd ? '' : nl}`);
}

export const actionItemNoOwner: Rule = {
  code: 'action-item-no-owner',
  defaultSeverity: 'hint',
  description: 'An action item without an @owner.',
  example: '`- [ ] Please review the draft`',
  check({ model, workspace, config, today }) {
    // Items of past meetings are history; the newest meeting's can still get an owner.
    if (!newestOfSeries(model, workspace, today)) return [];
    return actionItemsOf(whole(model, config))
      .filter((item) => !item.owners.length && item.status === 'open')
      .map((item) => ({ message: `Nobody owns this action item; add an @owner.`, range: item.range }));
  },
};

