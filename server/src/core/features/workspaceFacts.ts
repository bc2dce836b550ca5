import { dayNumber } from '../model/dates';
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

/** A minutes file in a few lines, for completion and hover: its title and first agenda items. */
export function fileSummary(workspace: MinutesWorkspace, path: string): string {
  const model = workspace.model(path);
  if (!model) return `\`${path}\``;
  const lines = model.text.split(/\r\n?|\n/u).filter((l) => l.trim() !== '');
  return [`**${path}**`, '', ...lines.slice(0, 8).map((l) => (l.startsWith('#') ? `*${l.replace(/^#+\s*/u, '')}*` : l)), lines.length > 8 ? '…' : '']
    .join('\n')
    .trim();
}
