import { actionItemsOf, sameItem, type ActionItem, type ActionStatus } from '../model/actionItems';
import { mentionOf } from '../model/mentions';
import { dayNumber, type CalendarDate } from '../model/dates';
import type { IndexedFile } from './minutesIndex';
import type { MinutesWorkspace } from './workspace';

/** An action item as it stands across its series: carried, done or dropped. */
export interface TrackedItem {
  file: IndexedFile;
  item: ActionItem;
  /** `dropped`: open, and the next meeting neither carries it nor marks it done. */
  status: ActionStatus | 'dropped';
  /** The meeting where it was first raised (itself, unless carried). */
  raised: { file: IndexedFile; line: number };
  /** How many later meetings carried it so far. */
  carried: number;
  /** Carried in other words: `item` is the earlier item, `item.line` the line that speaks of it here (no action item of its own). */
  mentioned?: boolean;
}

/**
 * The action items of one series (a folder of minutes), meeting by meeting in date order, each
 * linked to its latest earlier mention that was still open: what is carried, done, or dropped (the
 * next meeting neither carries it nor marks it done, and no later one brings it back).
 */
export function trackSeries(workspace: MinutesWorkspace, folder: string, until?: CalendarDate): TrackedItem[] {
  const files = workspace.index.filesIn(folder).filter((f) => !until || dayNumber(f.date!) <= dayNumber(until));
  const tracked: TrackedItem[] = [];
  let previous: TrackedItem[] = [];
  for (const file of files) {
    const model = workspace.outline(file.path);
    const items = model ? actionItemsOf(model) : [];
    // Each earlier item carries on in at most one item of this meeting.
    const taken = new Set<TrackedItem['raised']>();
    const current = items.map((item): TrackedItem => {
      // The latest mention of the same item that was still open (or fell off and comes back now).
      let earlier: TrackedItem | undefined;
      for (let i = tracked.length - 1; i >= 0 && !earlier; i--) {
        const p = tracked[i];
        if ((p.status === 'open' || p.status === 'dropped') && !taken.has(p.raised) && sameItem(p.item, item)) earlier = p;
      }
      if (earlier) taken.add(earlier.raised);
      if (earlier && earlier.status === 'dropped') earlier.status = 'open';
      return { file, item, status: item.status, raised: earlier ? earlier.raised : { file, line: item.line }, carried: earlier ? earlier.carried + 1 : 0 };
    });
    // An open item carried in other words (its owner and topic, a status line under its topic) goes on there.
    for (const p of model ? previous : []) {
      if (p.status !== 'open' || taken.has(p.raised) || !model) continue;
      const mention = mentionOf(model, p.item);
      if (!mention) continue;
      const item: ActionItem = { ...p.item, line: mention.line, range: mention.range, status: mention.status, pending: false };
      current.push({ file, item, status: mention.status, raised: p.raised, carried: p.carried + 1, mentioned: true });
    }
    // What the meeting before left open and this one does not mention fell off.
    if (items.length || previous.some((p) => p.status === 'open')) {
      for (const p of previous) if (p.status === 'open' && !current.some((c) => c.raised === p.raised)) p.status = 'dropped';
    }
    tracked.push(...current);
    previous = current;
  }
  return tracked;
}

/** The line an item is written on as an action item: where it was raised, when this mention of it is in other words. */
export function writtenLine(workspace: MinutesWorkspace, tracked: TrackedItem): string | undefined {
  const { file, line } = tracked.mentioned ? tracked.raised : { file: tracked.file, line: tracked.item.line };
  return workspace.readText(file.path)?.split(/\r\n?|\n/u)[line]?.trim() || undefined;
}

/** The items of the last meeting before `date` that are still open (for the next meeting's pending section). */
export function openItemsBefore(workspace: MinutesWorkspace, folder: string, date: CalendarDate): TrackedItem[] {
  const before = trackSeries(workspace, folder, date).filter((t) => dayNumber(t.file.date!) < dayNumber(date));
  const last = before.at(-1)?.file;
  return before.filter((t) => t.file === last && t.status === 'open');
}

/** An open action item as the editor lists it: where it stands now, since when. */
export interface OpenItem {
  item: ActionItem;
  series: string;
  /** Where it was last written (the newest meeting that carries it). */
  file: IndexedFile;
  raised: CalendarDate;
  ageDays: number;
}

/** The open action items of every series of a repository, each once (at its latest mention). */
export function openItems(workspace: MinutesWorkspace, today: CalendarDate): OpenItem[] {
  // The roll-ups report what the series decided; they raise no items of their own.
  const series = workspace.index.seriesFolders();
  return series.flatMap((folder) => {
    const tracked = trackSeries(workspace, folder);
    // Each chain by its latest mention: open there means still open.
    const latest = new Map<TrackedItem['raised'], TrackedItem>();
    for (const t of tracked) latest.set(t.raised, t);
    return [...latest.values()]
      .filter((t) => t.status === 'open')
      .map((t) => ({ item: t.item, series: folder, file: t.file, raised: t.raised.file.date!, ageDays: dayNumber(today) - dayNumber(t.raised.file.date!) }));
  });
}
