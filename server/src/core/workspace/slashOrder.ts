import { datedPathOf } from '../config/paths';
import { dayNumber } from '../model/dates';
import type { CheckedModel } from '../model/types';
import type { MinutesWorkspace } from './workspace';

/** How many of a series' meetings around a file are asked how they write dates. */
const NEIGHBOURS = 12;

/**
 * Whether a series writes slashed dates month first (`10/08/2024`, US) or day first (`08/10/2024`),
 * as its titles nearest the document's date show where they read only one way (a day over 12, or
 * the date of their own file name); undefined when they do not tell, or disagree.
 */
export function slashOrderOfSeries(workspace: MinutesWorkspace, model: CheckedModel): boolean | undefined {
  const path = workspace.relativePath(model.uri);
  const date = model.fileDate?.date;
  const dated = path !== undefined ? datedPathOf(path, workspace.config) : undefined;
  if (!dated || !date) return undefined;
  const distance = (d: { year: number; month: number; day: number }) => Math.abs(dayNumber(d) - dayNumber(date));
  const neighbours = workspace.index
    .filesIn(dated.series)
    .filter((f) => f.path !== path)
    .sort((a, b) => distance(a.date!) - distance(b.date!))
    .slice(0, NEIGHBOURS);
  const orders = new Set<boolean>();
  for (const file of neighbours) {
    const style = workspace.outline(file.path)?.title?.date?.style;
    if (style?.order === 'slashed' && style.monthFirst !== undefined) orders.add(style.monthFirst);
  }
  return orders.size === 1 ? [...orders][0] : undefined;
}
