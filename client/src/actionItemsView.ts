import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { ActionItemsRequest, type ActionItemRow } from '../../server/src/protocol';
import { age, ago } from './age';

type Node = { group: string; rows: ActionItemRow[]; mine?: boolean; older?: boolean } | { row: ActionItemRow };

/** The group, collapsed and last, of the open items of series that stopped meeting. */
export const OLDER_GROUP = 'Older (series no longer meeting)';

/**
 * The "Action Items" view: the open items of the repository (its description says so, with their number), grouped by owner (or by team), with
 * "My action items" first when `minutes.me` names a handle, and the items of series that stopped
 * meeting last, collapsed under "Older". A click opens the item.
 */
export class ActionItemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  readonly view: vscode.TreeView<Node>;
  private byTeam = false;
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView('minutes.actions', { treeDataProvider: this });
    // `minutes-lint --actions` lists done and dropped items too: say that this view lists the open ones.
    this.view.description = 'open items';
  }

  groupBy(team: boolean): void {
    this.byTeam = team;
    void vscode.commands.executeCommand('setContext', 'minutes.actionsByTeam', team);
    this.refresh();
  }

  /** Saves and file changes move items; the view follows after a short pause. */
  refresh(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.changed.fire(), 300);
  }

  async rows(): Promise<ActionItemRow[]> {
    const olderAfterDays = vscode.workspace.getConfiguration('minutes').get<number | null>('actionItems.olderAfterDays') ?? null;
    return (await this.client.sendRequest(ActionItemsRequest, { olderAfterDays })) ?? [];
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return 'rows' in node ? node.rows.map((row) => ({ row })) : [];
    const all = await this.rows();
    this.view.description = `${all.length} open item${all.length === 1 ? '' : 's'}`;
    const rows = all.filter((r) => !r.older);
    const older: Node[] = all.length > rows.length ? [{ group: OLDER_GROUP, rows: all.filter((r) => r.older), older: true }] : [];
    const groups = new Map<string, ActionItemRow[]>();
    for (const row of rows) {
      const keys = this.byTeam ? [row.series] : row.owners.length ? row.owners.map((o) => `@${o}`) : ['(no owner)'];
      for (const key of keys) groups.set(key, [...(groups.get(key) ?? []), row]);
    }
    const me = vscode.workspace.getConfiguration('minutes').get<string | null>('me')?.replace(/^@/u, '');
    const mine: Node[] = me ? [{ group: 'My action items', rows: rows.filter((r) => r.owners.some((o) => o.toLowerCase() === me.toLowerCase())), mine: true }] : [];
    return [...mine, ...[...groups.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0])).map(([group, list]) => ({ group, rows: list })), ...older];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if ('rows' in node) {
      const item = new vscode.TreeItem(node.group, node.mine ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.description = `${node.rows.length}`;
      item.iconPath = new vscode.ThemeIcon(node.mine ? 'account' : node.older ? 'history' : this.byTeam ? 'organization' : 'person');
      return item;
    }
    const { row } = node;
    const item = new vscode.TreeItem(row.text, vscode.TreeItemCollapsibleState.None);
    const who = row.owners.map((o) => `@${o}`).join(', ');
    // Under "Older" the rows are of every owner and team: say both.
    item.description = `${row.older ? `${who || '(no owner)'} · ${row.series}` : this.byTeam ? who || '(no owner)' : row.series} · ${age(row.ageDays)}`;
    item.tooltip = new vscode.MarkdownString(`**${row.text}**\n\n${who || 'nobody owns it'} · ${row.series} · raised ${row.raised} (${ago(row.ageDays)})`);
    item.iconPath = new vscode.ThemeIcon('circle-large-outline');
    const uri = vscode.Uri.parse(row.uri);
    item.resourceUri = uri;
    item.command = { command: 'vscode.open', title: 'Open', arguments: [uri, { selection: new vscode.Range(row.line, 0, row.line, 0) }] };
    return item;
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.view.dispose();
    this.changed.dispose();
  }
}
