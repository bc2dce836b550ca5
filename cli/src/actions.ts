import { relative, sep } from 'node:path';
import { formatDate, type CalendarDate, type MinutesConfig, datedPathOf, latestItems, type TrackedItem } from '../../server/src/core';
import { fileWorkspace } from '../../server/src/node/fileWorkspace';

/** One action item in the lasting JSON contract of `--actions`: lines and columns 1-based, owners without `@`. */
export interface ActionRow {
  file: string;
  line: number;
  column: number;
  owners: string[];
  text: string;
  status: TrackedItem['status'];
  date: string;
  raised: { file: string; line: number; date: string };
  /** Its series has stopped meeting (the Action Items view lists it under "Older"). */
  seriesEnded: boolean;
}

/** The action items of the given files, each once at its latest mention there, with its state across its series (read whole). */
export function actionRows(paths: string[], root: string, config: MinutesConfig, today: CalendarDate): ActionRow[] {
  const workspace = fileWorkspace(root, config);
  const wanted = new Set(paths.map((p) => relative(root, p).split(sep).join('/')));
  const folders = [...new Set([...wanted].flatMap((p) => datedPathOf(p, config)?.series ?? []))].sort();
  return latestItems(workspace, today, { folders, includes: (path) => wanted.has(path) }).map(({ tracked: t, label, seriesEnded }) => ({
    file: t.file.path,
    line: t.item.line + 1,
    column: t.item.range.start.character + 1,
    owners: t.item.owners,
    text: label,
    status: t.status,
    date: formatDate(t.file.date!),
    raised: { file: t.raised.file.path, line: t.raised.line + 1, date: formatDate(t.raised.file.date!) },
    seriesEnded,
  }));
}

/** Text output: by owner (and "nobody"), each item with its state, where it stands and since when; items of series that stopped meeting last, under "older". */
export function formatActionsText(rows: ActionRow[]): string {
  const current = rows.filter((r) => !r.seriesEnded);
  const older = rows.filter((r) => r.seriesEnded);
  const blocks = byOwner(current);
  if (older.length) blocks.push(`older (series no longer meeting)\n${byOwner(older).join('\n\n').replace(/^(?=.)/gmu, '  ')}`);
  return blocks.join('\n\n');
}

function byOwner(rows: ActionRow[]): string[] {
  const groups = new Map<string, ActionRow[]>();
  for (const row of rows) for (const owner of row.owners.length ? row.owners.map((o) => `@${o}`) : ['(no owner)']) groups.set(owner, [...(groups.get(owner) ?? []), row]);
  return [...groups.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([owner, items]) => [owner, ...items.map((r) => `  ${r.status.padEnd(9)} ${r.file}:${r.line}  ${r.text}${r.raised.date !== r.date ? `  (raised ${r.raised.date})` : ''}`)].join('\n'));
}
