import { relative, sep } from 'node:path';
import { formatDate, type MinutesConfig, datedPathOf, trackSeries, type TrackedItem } from '../../server/src/core';
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
}

/** The action items of the given files with their state across their series (each series read whole). */
export function actionRows(paths: string[], root: string, config: MinutesConfig): ActionRow[] {
  const workspace = fileWorkspace(root, config);
  const wanted = new Set(paths.map((p) => relative(root, p).split(sep).join('/')));
  const series = new Set([...wanted].flatMap((p) => datedPathOf(p, config)?.series ?? []));
  return [...series].sort().flatMap((folder) =>
    trackSeries(workspace, folder)
      // A line that carries an item in other words is not an action item of its own.
      .filter((t) => wanted.has(t.file.path) && !t.mentioned)
      .map((t) => ({
        file: t.file.path,
        line: t.item.line + 1,
        column: t.item.range.start.character + 1,
        owners: t.item.owners,
        text: t.item.text,
        status: t.status,
        date: formatDate(t.file.date!),
        raised: { file: t.raised.file.path, line: t.raised.line + 1, date: formatDate(t.raised.file.date!) },
      })),
  );
}

/** Text output: by owner (and "nobody"), each item with its state, where it stands and since when. */
export function formatActionsText(rows: ActionRow[]): string {
  const byOwner = new Map<string, ActionRow[]>();
  for (const row of rows) for (const owner of row.owners.length ? row.owners.map((o) => `@${o}`) : ['(no owner)']) byOwner.set(owner, [...(byOwner.get(owner) ?? []), row]);
  return [...byOwner.entries()]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([owner, items]) => [owner, ...items.map((r) => `  ${r.status.padEnd(9)} ${r.file}:${r.line}  ${r.text}${r.raised.date !== r.date ? `  (raised ${r.raised.date})` : ''}`)].join('\n'))
    .join('\n\n');
}
