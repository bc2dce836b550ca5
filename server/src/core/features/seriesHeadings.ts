import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { datedPathOf } from '../config/paths';
import { dayNumber, type CalendarDate } from '../model/dates';
import { flatten } from '../model/parse';
import type { MinutesModel } from '../model/types';
import { normalizeHeading } from '../text/headings';
import type { FeatureContext } from './context';

/** How many of a series' latest meetings tell which headings it keeps. */
const RECENT_MEETINGS = 6;

/**
 * The headings a series' minutes have at `depth`, for a heading being typed in one of its files:
 * the sections its config requires, then those of its latest meetings before this one, most kept
 * first; none the document has already.
 */
export function seriesHeadings(model: MinutesModel, depth: number, line: number, date: CalendarDate, env: FeatureContext, range: Range): CompletionItem[] {
  const workspace = env.workspace;
  const path = workspace?.relativePath(model.uri);
  if (!workspace || path === undefined) return [];
  const folder = workspace.index.file(path)?.folder ?? datedPathOf(path, env.config)?.series;
  const written = new Set(flatten(model.sections).filter((s) => s.headingRange.start.line !== line).map((s) => normalizeHeading(s.title)));
  const found = new Map<string, { title: string; meetings: number; required: boolean; last: number }>();
  const note = (title: string, required: boolean, last: number) => {
    const key = normalizeHeading(title);
    if (key === '' || /\d/u.test(key) || written.has(key)) return;
    const known = found.get(key) ?? { title, meetings: 0, required, last };
    if (!required) known.meetings++;
    found.set(key, known);
  };
  for (const name of datedPathOf(path, env.config)?.seriesConfig.requiredSections ?? []) note(name, true, Infinity);
  const earlier = folder === undefined ? [] : workspace.index.filesIn(folder).filter((f) => f.path !== path && dayNumber(f.date!) <= dayNumber(date));
  const recent = earlier.slice(-RECENT_MEETINGS);
  for (const file of recent.reverse()) {
    const other = workspace.model(file.path);
    const titleLine = other?.title?.range.start.line;
    for (const section of flatten(other?.sections ?? [])) {
      if (section.depth === depth && section.headingRange.start.line !== titleLine) note(section.title, false, dayNumber(file.date!));
    }
  }
  const ranked = [...found.values()].sort((a, b) => Number(b.required) - Number(a.required) || b.meetings - a.meetings || b.last - a.last);
  return ranked.map((heading, rank) => ({
    label: heading.title,
    kind: CompletionItemKind.Module,
    detail: heading.required ? 'required by the series' : `in ${heading.meetings} of the series' last ${recent.length} meetings`,
    textEdit: { range, newText: heading.title },
    filterText: heading.title,
    sortText: String(rank).padStart(3, '0'),
  }));
}
