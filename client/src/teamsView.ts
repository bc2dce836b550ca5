import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { DocumentInfoRequest, TeamsRequest, type DocumentInfo, type DocumentParams, type TeamRow, type TeamRowState } from '../../server/src/protocol';

const ICONS: Record<TeamRowState, vscode.ThemeIcon> = {
  linked: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
  stale: new vscode.ThemeIcon('history', new vscode.ThemeColor('charts.yellow')),
  pending: new vscode.ThemeIcon('clock', new vscode.ThemeColor('charts.yellow')),
  missing: new vscode.ThemeIcon('circle-large-outline', new vscode.ThemeColor('charts.yellow')),
  problem: new vscode.ThemeIcon('warning', new vscode.ThemeColor('problemsWarningIcon.foreground')),
};

/** The "Teams & SIGs" view: the teams of the active roll-up, following the editor and its edits. */
export class TeamsView implements vscode.TreeDataProvider<TeamRow>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private pending: ReturnType<typeof setTimeout> | undefined;
  readonly view: vscode.TreeView<TeamRow>;

  constructor(private readonly client: LanguageClient) {
    this.view = vscode.window.createTreeView('minutes.teams', { treeDataProvider: this });
  }

  refresh(): void {
    this.changed.fire();
  }

  /** Edits arrive per keystroke; the view follows them after a short pause. */
  documentChanged(document: vscode.TextDocument): void {
    if (document !== vscode.window.activeTextEditor?.document) return;
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.refresh(), 300);
  }

  async getChildren(element?: TeamRow): Promise<TeamRow[]> {
    const document = vscode.window.activeTextEditor?.document;
    if (element || !document || document.languageId !== 'markdown') return [];
    const params: DocumentParams = { uri: document.uri.toString() };
    const [rows, info] = await Promise.all([
      this.client.sendRequest(TeamsRequest, params),
      this.client.sendRequest(DocumentInfoRequest, params),
    ]);
    if (document === vscode.window.activeTextEditor?.document) this.view.message = this.messageFor(document, info, rows);
    return rows ?? [];
  }

  /** Says why the view is empty, when it is not for want of a roll-up (a slide deck, a team's minutes). */
  private messageFor(document: vscode.TextDocument, info: DocumentInfo | null, rows: TeamRow[] | null): string | undefined {
    if (info?.reason) return info.reason;
    const name = vscode.workspace.asRelativePath(document.uri);
    if (info?.kind === 'meeting') return `${name} is a team's minutes: this view lists the teams and SIGs of a weekly roll-up.`;
    if (info?.kind === 'weekly' && rows && !rows.length) return `${name} has no team or SIG sections yet.`;
    return undefined;
  }

  getTreeItem(row: TeamRow): vscode.TreeItem {
    const item = new vscode.TreeItem(row.name, vscode.TreeItemCollapsibleState.None);
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = ICONS[row.state];
    item.contextValue = `minutes.team.${row.state}`;
    const document = vscode.window.activeTextEditor?.document;
    if (document) {
      const range = this.client.protocol2CodeConverter.asRange(row.headingRange);
      item.command = { title: 'Reveal Section', command: 'minutes.revealSection', arguments: [document.uri, range] };
    }
    return item;
  }

  async reveal(uri: vscode.Uri, range: vscode.Range): Promise<void> {
    const editor = await vscode.window.showTextDocument(uri, { preserveFocus: false });
    editor.selection = new vscode.Selection(range.start, range.start);
    editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  }

  dispose(): void {
    clearTimeout(this.pending);
    this.changed.dispose();
    this.view.dispose();
  }
}
