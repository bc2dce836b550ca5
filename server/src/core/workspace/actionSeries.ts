import { actionItemsOf, sameItem, type ActionItem, type ActionStatus } from '../model/actionItems';
import { mentionOf } from '../model/mentions';
import { dayNumber, type CalendarDate } from '../model/dates';
import type { IndexedFile } from './minutesIndex';
import type { MinutesWorkspace } from './workspace';
import { seriesEnded } from './seriesActivity';
import { plainText } from '../model/plainText';

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

/** An action item where it stands now: at its latest mention. */
export interface LatestItem {
  /** `file`, `item` and `status` are those of the latest mention. */
  tracked: TrackedItem;
  series: string;
  /** Its text as a label shows it (link text, no Markdown marks). */
  label: string;
  /** Days since it was raised. */
  ageDays: number;
  /** Its series has stopped meeting (`seriesEnded`): an open item there is history, not work. */
  seriesEnded: boolean;
}

export interface LatestItemsOptions {
  /** The series to read (default: every series of the repository; the roll-ups raise no items of their own). */
  folders?: string[];
  /** Only mentions in these files count (default: all). */
  includes?: (path: string) => boolean;
  /** A series not met for more than this many days has ended (default: three usual gaps, at least `reminderDays`). */
  quietDays?: number;
}

/**
 * Each action item of the series once, at its latest mention: the one fact the Action Items view
 * and `minutes-lint --actions` both show.
 */
export function latestItems(workspace: MinutesWorkspace, today: CalendarDate, options: LatestItemsOptions = {}): LatestItem[] {
  const folders = options.folders ?? workspace.index.seriesFolders();
  return folders.flatMap((folder) => {
    const ended = seriesEnded(workspace.index.filesIn(folder), today, workspace.config.reminderDays, options.quietDays);
    // Each chain (items share the mention that raised them) by its latest mention.
    const latest = new Map<TrackedItem['raised'], TrackedItem>();
    for (const t of trackSeries(workspace, folder)) if (!options.includes || options.includes(t.file.path)) latest.set(t.raised, t);
    return [...latest.values()]
      .sort((a, b) => dayNumber(a.file.date!) - dayNumber(b.file.date!) || a.file.path.localeCompare(b.file.path) || a.item.line - b.item.line)
      .map((tracked) => ({ tracked, series: folder, label: plainText(tracked.item.text), ageDays: dayNumber(today) - dayNumber(tracked.raised.file.date!), seriesEnded: ended }));
  });
}

/** The open action items of every series of a repository, each once (at its latest mention). */
export function openItems(workspace: MinutesWorkspace, today: CalendarDate, quietDays?: number): LatestItem[] {
  return latestItems(workspace, today, { quietDays }).filter((l) => l.tracked.status === 'open');
}
