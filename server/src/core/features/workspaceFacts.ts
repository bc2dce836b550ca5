import { type CalendarDate, dayNumber, formatDate } from '../model/dates';
import type { MinutesModel } from '../model/types';
import type { MinutesWorkspace } from '../workspace/workspace';

// How far back "recent" reaches, in meetings.
const RECENT_MEETINGS = 10;
const HANDLE = /(?<![\w@./])@([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})(?![\w@])/gu;

/** The GitHub handles in a text, in order of first appearance. */
export function handlesIn(text: string): string[] {
  return [...new Set([...text.matchAll(HANDLE)].map((m) => m[1]))];
}

/** The GitHub handles in a folder's minutes before this one, most frequent first. */
export function recentHandles(workspace: MinutesWorkspace, model: MinutesModel): Array<{ handle: string; meetings: number; of: number }> {
  const self = workspace.relativePath(model.uri);
  const folder = self?.replace(/\/?[^/]*$/u, '') ?? '';
  const until = model.fileDate?.date ? dayNumber(model.fileDate.date) : Infinity;
  const files = workspace.index
    .filesIn(folder)
    .filter((f) => f.path !== self && dayNumber(f.date!) <= until)
    .slice(-RECENT_MEETINGS);
  const counts = new Map<string, number>();
  for (const file of files) {
    const text = workspace.model(file.path)?.text ?? '';
    for (const handle of handlesIn(text)) counts.set(handle, (counts.get(handle) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([handle, meetings]) => ({ handle, meetings, of: files.length }));
}

/** Who took the minutes of the recent roll-ups, most often first. */
export function recentMinuteTakers(workspace: MinutesWorkspace): Array<{ name: string; times: number }> {
  const counts = new Map<string, number>();
  for (const file of workspace.weeklyFiles().slice(-RECENT_MEETINGS)) {
    const name = workspace.model(file.path)?.meta?.minuteTaker?.name;
    if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, times]) => ({ name, times }));
}

/**
 * A minutes file in a few lines, for completion and hover: its path and title on one line, then its
 * first lines, each heading a paragraph of its own (consecutive lines would run into one in Markdown).
 */
export function fileSummary(workspace: MinutesWorkspace, path: string): string {
  const model = workspace.model(path);
  if (!model) return `\`${path}\``;
  const lines = model.text.split(/\r\n?|\n/u).filter((l) => l.trim() !== '');
  const heading = (l: string) => /^#{1,6}\s/u.test(l);
  const titleAt = lines.findIndex((l) => /^#\s/u.test(l));
  const title = titleAt >= 0 ? lines[titleAt].replace(/^#+\s*/u, '') : undefined;
  const body = lines.filter((_, i) => i !== titleAt);
  const shown = body.slice(0, 7).map((l) => (heading(l) ? `\n*${l.replace(/^#+\s*/u, '')}*\n` : l));
  return [title ? `**${path}**: ${title}` : `**${path}**`, '', ...shown, body.length > 7 ? '\n…' : '']
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}

/**
 * A folder of minutes for a link hover: how many it holds and over which years, and its newest
 * minutes as of the meeting (a roll-up's folder link means the minutes of its week).
 */
export function folderSummary(workspace: MinutesWorkspace, folder: string, meeting: CalendarDate | undefined): string {
  const files = workspace.index.filesIn(folder);
  const first = files[0];
  const last = files[files.length - 1];
  const count = `${files.length} minutes file${files.length === 1 ? '' : 's'}`;
  const lines = [`**${folder}/**: a folder of ${count}, ${formatDate(first.date!)}${files.length > 1 ? ` to ${formatDate(last.date!)}` : ''}.`];
  const newest = meeting ? workspace.held.latestOnOrBefore(folder, meeting) : last;
  const link = (path: string) => `[${path}](${workspace.uriOf(path)})`;
  if (newest) lines.push(`${meeting ? `Newest by the meeting (${formatDate(meeting)})` : 'Newest'}: ${link(newest.path)}`);
  else if (meeting) lines.push(`None dated on or before the meeting (${formatDate(meeting)}); the first is ${link(first.path)}.`);
  return lines.join('\n\n');
}
