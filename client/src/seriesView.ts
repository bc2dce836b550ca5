import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { SeriesRequest, type SeriesRow } from '../../server/src/protocol';

type Node = { row: SeriesRow; label: string } | { row: SeriesRow; missing: SeriesRow['missing'][number] } | { item: vscode.TreeItem } | { problem: string };

/** The command behind "Create the minutes for DATE": New Team Minutes for that series and date. */
export const CREATE_MISSING_COMMAND = 'minutes.series.createMissing';

/**
 * The "Series" view: each series of the repository with its last minutes and open action items, and
 * where a calendar or schedule gives them, its meetings and those without minutes (series that
 * stopped meeting last); a missing meeting's minutes are one
 * click away (New Team Minutes with its folder and date).
 */
export class SeriesView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private pending: ReturnType<typeof setTimeout> | undefined;

  private readonly watcher: vscode.FileSystemWatcher;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView('minutes.series', { treeDataProvider: this });
    // New minutes (a pull, another window) and edited calendars change what is missing.
    this.watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,ics,yml,yaml,json}');
    for (const event of [this.watcher.onDidCreate, this.watcher.onDidChange, this.watcher.onDidDelete]) event(() => this.refresh());
  }

  /** Saves, new files and calendar edits change what is missing; the view follows after a short pause. */
  refresh(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.changed.fire(), 300);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return 'label' in node ? this.details(node.row) : [];
    const rows = (await this.client.sendRequest(SeriesRequest)) ?? [];
    this.view.message = rows.length ? undefined : 'No meeting series: no folder of dated minutes in this workspace.';
    const roots = new Set(rows.map((r) => r.rootUri));
    const problems = [...new Set(rows.flatMap((r) => r.problems))].map((problem): Node => ({ problem }));
    const series = rows.map((row): Node => ({ row, label: roots.size > 1 ? `${row.folder} (${vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(row.rootUri))?.name ?? row.rootUri})` : row.folder }));
    return [...problems, ...series];
  }

  private details(row: SeriesRow): Node[] {
    const nodes: Node[] = row.schedule.map((entry) => {
      const item = new vscode.TreeItem(entry.event, vscode.TreeItemCollapsibleState.None);
      item.description = entry.schedule;
      item.tooltip = scheduleLine(entry);
      item.iconPath = new vscode.ThemeIcon('calendar');
      return { item };
    });
    const last = new vscode.TreeItem(row.lastMinutes ? `Last minutes ${row.lastMinutes.date}` : 'No minutes yet', vscode.TreeItemCollapsibleState.None);
    last.iconPath = new vscode.ThemeIcon('file');
    if (row.lastMinutes) last.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(row.lastMinutes.uri)] };
    nodes.push({ item: last });
    if (row.openActionItems) {
      const items = new vscode.TreeItem(`${row.openActionItems} open action item(s)`, vscode.TreeItemCollapsibleState.None);
      items.iconPath = new vscode.ThemeIcon('checklist');
      nodes.push({ item: items });
    }
    return [...nodes, ...row.missing.map((missing) => ({ row, missing }))];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('item' in node) return node.item;
    if ('problem' in node) {
      const item = new vscode.TreeItem(node.problem, vscode.TreeItemCollapsibleState.None);
      item.iconPath = new vscode.ThemeIcon('warning');
      return item;
    }
    if ('label' in node) {
      const { row } = node;
      // Collapsed, so that a dozen series fit a small pane; the active editor's series open.
      const item = new vscode.TreeItem(node.label, this.isActive(row) ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      const state = row.ended ? 'no longer meeting' : row.missing.length ? `${row.missing.length} without minutes` : row.schedule.length ? 'complete' : undefined;
      item.description = [state, row.lastMinutes && `last ${row.lastMinutes.date}`].filter(Boolean).join(' · ');
      const scheduleLines = row.schedule.map(scheduleLine);
      item.tooltip = (scheduleLines.length ? scheduleLines : [`${row.folder}/: no calendar or schedule names its meetings`]).join('\n');
      item.iconPath = new vscode.ThemeIcon(row.ended ? 'history' : row.missing.length ? 'warning' : row.schedule.length ? 'pass' : 'folder');
      return item;
    }
    const { row, missing } = node;
    const item = new vscode.TreeItem(`${missing.date} · ${missing.event}`, vscode.TreeItemCollapsibleState.None);
    item.description = 'no minutes';
    const expects = missing.scheduled ? `The schedule in ${missing.source} expects` : `The calendar (${missing.source}) has`;
    item.tooltip = `${expects} a meeting on ${missing.date}; ${row.folder}/ has no minutes of that day or a few days from it.`;
    item.iconPath = new vscode.ThemeIcon('circle-slash');
    item.contextValue = 'minutes.series.missing';
    item.command = { command: CREATE_MISSING_COMMAND, title: `Create the minutes for ${missing.date}`, arguments: [node] };
    return item;
  }

  /** Whether the active editor shows a file of the series. */
  private isActive(row: SeriesRow): boolean {
    const active = vscode.window.activeTextEditor?.document.uri.toString();
    return active !== undefined && active.startsWith(`${row.rootUri.replace(/\/$/u, '')}/${row.folder}/`);
  }

  /** "Create the minutes for DATE": New Team Minutes with the series' folder and the meeting's date. */
  async createMissing(node: Node | undefined): Promise<void> {
    if (!node || !('missing' in node)) return;
    await vscode.commands.executeCommand('minutes.newTeamMinutes', { folder: node.row.folder, date: node.missing.date });
    this.refresh();
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.watcher.dispose();
    this.view.dispose();
    this.changed.dispose();
  }
}

/** One schedule of a series as its tooltips say it, with where it comes from (a calendar, or the schedule in a config). */
function scheduleLine({ event, schedule, source, scheduled }: SeriesRow['schedule'][number]): string {
  return `${event}: ${schedule} (${scheduled ? `the schedule in ${source}` : source})`;
}
