import * as vscode from 'vscode';
import { DocumentDiagnosticRequest, State, vsdiag, type BaseLanguageClient, type DocumentSelector, type LanguageClientOptions, type Middleware } from 'vscode-languageclient';
import { createConfiguration, insertAtCursor, newTeamMinutes, newWeeklyMinutes } from './commands';
import { importMeetingsFromPad, padContentProvider } from './importPad';
import { proposalContentProvider } from './confirmConfiguration';
import { downloadPadImages } from './downloadPadImages';
import { recording, type RecordingChannel } from './log';
import { Reminders } from './reminders';
import { ActionItemsView } from './actionItemsView';
import { TeamsView } from './teamsView';
import { CREATE_MISSING_COMMAND, SeriesView } from './seriesView';
import { answerCalendarFeeds } from './calendarFeeds';
import { OVERRIDABLE_SETTINGS, PUSHED_DIAGNOSTICS } from '../../server/src/protocol';

// The extension as both of its entries share it: on the desktop (extension.ts, a Node server process)
// and in the browser (browser/extension.ts, a web-worker server). Each entry only says how its
// language client reaches the server; everything else (middleware, views, commands) is here, once.

let client: BaseLanguageClient | undefined;
let stopping = false;

/** Set from the active editor: the Teams & SIGs view shows while a Markdown file is being edited. */
const MARKDOWN_EDITOR_KEY = 'minutes.markdownEditor';

/** What the extension offers its tests (and other extensions): what the view shows, the log. */
export interface MinutesApi {
  teamItems(): Promise<vscode.TreeItem[]>;
  /** The Action Items view's top level, then each group's items: label, description. */
  actionItems(): Promise<Array<{ group: string; items: string[] }>>;
  /** The Action Items view's description (beside its title). */
  actionItemsDescription(): string | undefined;
  viewMessage(): string | undefined;
  /** The Series view's top level (whether expanded at first), then each series' lines: label | description, and their tooltips. */
  seriesItems(): Promise<Array<{ series: string; expanded: boolean; items: string[]; tooltips: string[] }>>;
  markdownEditor(): boolean;
  /** The ids of the Minutes views now on screen. */
  visibleViews(): string[];
  log(): string;
}

/** What differs between the desktop and the browser. */
export interface Platform {
  /** URI schemes of the Markdown documents the server checks (besides `untitled`). */
  schemes: string[];
  /** Makes the language client (not started) with the options all platforms share. */
  createClient(options: LanguageClientOptions, output: RecordingChannel): BaseLanguageClient;
}

// Glue from VS Code to the language server, plus what only VS Code can do: the view and commands.
export function activateMinutes(context: vscode.ExtensionContext, platform: Platform): MinutesApi {
  const activationStart = performance.now();
  const output = recording(vscode.window.createOutputChannel('Minutes', { log: true }));
  // Pulled diagnostics are shown again (reminders released) by pulling them again.
  const reminders = new Reminders(() => client?.getFeature(DocumentDiagnosticRequest.method)?.refresh());
  let firstDiagnostics = true;
  const firstShown = (uri: vscode.Uri) => {
    if (!firstDiagnostics) return;
    firstDiagnostics = false;
    output.info(`Minutes: first diagnostics in the editor ${Math.round(performance.now() - activationStart)} ms after activation began (${vscode.workspace.asRelativePath(uri)})`);
  };
  // While the window closes, editors still ask for code actions and hovers: answer nothing rather
  // than start a server that is going away ("Request textDocument/codeAction failed").
  const live = () => !stopping && client !== undefined && (client.state === State.Running || client.state === State.Starting);
  const middleware: Middleware = {
    // Diagnostics come pushed or, where the server offers it (LSP 3.17), pulled: reminders filter both.
    handleDiagnostics: (uri, diagnostics, next) => {
      // The first diagnostics of a Markdown document, not those of the config file (pushed, empty when it is absent).
      if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.languageId === 'markdown')) firstShown(uri);
      reminders.handle(uri, diagnostics, next);
    },
    provideDiagnostics: async (document, previousResultId, token, next) => {
      const report = await reminders.pulled(document, previousResultId, token, next);
      if (report?.kind === vsdiag.DocumentDiagnosticReportKind.full) firstShown(document instanceof vscode.Uri ? document : document.uri);
      return report;
    },
    provideCodeActions: (document, range, ctx, token, next) => (live() ? next(document, range, ctx, token) : undefined),
    provideHover: (document, position, token, next) => (live() ? next(document, position, token) : undefined),
    provideCompletionItem: (document, position, ctx, token, next) => (live() ? next(document, position, ctx, token) : undefined),
    provideDocumentSymbols: (document, token, next) => (live() ? next(document, token) : undefined),
    provideDocumentLinks: (document, token, next) => (live() ? next(document, token) : undefined),
  };
  const documentSelector: DocumentSelector = [...new Set([...platform.schemes, 'untitled'])].map((scheme) => ({ scheme, language: 'markdown' }));
  const clientOptions: LanguageClientOptions = {
    documentSelector,
    // Not the client's id, which names the pulled diagnostics' collection too.
    diagnosticCollectionName: PUSHED_DIAGNOSTICS,
    outputChannel: output,
    middleware,
    // The folders' settings, so that the server indexes at once instead of asking for them first.
    initializationOptions: { settings: Object.fromEntries((vscode.workspace.workspaceFolders ?? []).map((f) => [f.uri.toString(), minutesSettings(f.uri)])) },
    // The server indexes the repository's Markdown files by name and follows them through these events.
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.md'), vscode.workspace.createFileSystemWatcher('**/.minutes.json'), vscode.workspace.createFileSystemWatcher('**/minutes-suppressions.json')],
    },
  };
  client = platform.createClient(clientOptions, output);
  // Not awaited: activation should not wait for the server process; requests wait for it anyway.
  const clientStart = performance.now();
  client
    .start()
    .then(() => output.info(`Minutes: language client ready in ${Math.round(performance.now() - clientStart)} ms (server process started and initialized)`))
    .catch((error: unknown) => {
      if (!stopping) void vscode.window.showErrorMessage(`Minutes: the language server did not start: ${String(error)}`);
    });

  const teams = new TeamsView(client);
  const actions = new ActionItemsView(client);
  const series = new SeriesView(client);
  const views: Record<string, vscode.TreeView<unknown>> = { 'minutes.teams': teams.view, 'minutes.series': series.view, 'minutes.actions': actions.view };
  let markdownEditor = false;
  const followEditor = (editor: vscode.TextEditor | undefined) => {
    // No editor (a settings page, the Problems panel focused) keeps the view as it was.
    if (!editor) return;
    markdownEditor = editor.document.languageId === 'markdown';
    void vscode.commands.executeCommand('setContext', MARKDOWN_EDITOR_KEY, markdownEditor);
  };
  followEditor(vscode.window.activeTextEditor);
  context.subscriptions.push(
    teams,
    actions,
    reminders,
    series,
    answerCalendarFeeds(client),
    vscode.workspace.onDidGrantWorkspaceTrust(() => series.refresh()),
    vscode.commands.registerCommand(CREATE_MISSING_COMMAND, (node: Parameters<SeriesView['createMissing']>[0]) => series.createMissing(node)),
    vscode.commands.registerCommand('minutes.series.refresh', () => series.refresh()),
    vscode.workspace.onDidSaveTextDocument(() => series.refresh()),
    vscode.commands.registerCommand('minutes.actionItems.byTeam', () => actions.groupBy(true)),
    vscode.commands.registerCommand('minutes.actionItems.byOwner', () => actions.groupBy(false)),
    vscode.commands.registerCommand('minutes.actionItems.refresh', () => actions.refresh()),
    vscode.workspace.onDidSaveTextDocument(() => actions.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => (e.affectsConfiguration('minutes.me') || e.affectsConfiguration('minutes.actionItems.olderAfterDays')) && actions.refresh()),
    output,
    vscode.commands.registerCommand('minutes.revealSection', (uri: vscode.Uri, range: vscode.Range) => teams.reveal(uri, range)),
    vscode.commands.registerCommand('minutes.refreshTeams', () => teams.refresh()),
    vscode.commands.registerCommand('minutes.newWeeklyMinutes', (args?: { date?: string }) => newWeeklyMinutes(client!, args?.date)),
    vscode.commands.registerCommand('minutes.newTeamMinutes', (args?: { folder?: string; date?: string }) => newTeamMinutes(client!, args)),
    vscode.commands.registerCommand('minutes.insertHolidayNotice', () => insertAtCursor(client!, 'holiday-notice')),
    vscode.commands.registerCommand('minutes.insertDate', () => insertAtCursor(client!, 'date')),
    vscode.commands.registerCommand('minutes.createConfiguration', () => createConfiguration(client!)),
    vscode.commands.registerCommand('minutes.importFromPad', (args?: { folder?: string; text?: string }) => importMeetingsFromPad(client!, context.workspaceState, args)),
    vscode.commands.registerCommand('minutes.downloadPadImages', () => downloadPadImages(client!)),
    padContentProvider(),
    proposalContentProvider(),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      followEditor(editor);
      teams.refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => teams.documentChanged(e.document)),
  );
  output.info(`Minutes: extension activated in ${Math.round(performance.now() - activationStart)} ms (VS Code ${vscode.version})`);
  return {
    teamItems: async () => (await teams.getChildren()).map((row) => teams.getTreeItem(row)),
    actionItems: async () =>
      Promise.all(
        (await actions.getChildren()).map(async (group) => ({
          group: labelOf(actions.getTreeItem(group)),
          items: (await actions.getChildren(group)).map((node) => `${labelOf(actions.getTreeItem(node))} | ${String(actions.getTreeItem(node).description)}`),
        })),
      ),
    actionItemsDescription: () => actions.view.description,
    viewMessage: () => teams.view.message,
    seriesItems: async () =>
      Promise.all(
        (await series.getChildren()).map(async (node) => {
          const children = (await series.getChildren(node)).map((child) => series.getTreeItem(child));
          return {
            series: labelOf(series.getTreeItem(node)),
            expanded: series.getTreeItem(node).collapsibleState === vscode.TreeItemCollapsibleState.Expanded,
            items: children.map((child) => `${labelOf(child)} | ${String(child.description ?? '')}`),
            tooltips: children.map((child) => (typeof child.tooltip === 'string' ? child.tooltip : (child.tooltip?.value ?? ''))),
          };
        }),
      ),
    markdownEditor: () => markdownEditor,
    visibleViews: () => Object.entries(views).filter(([, view]) => view.visible).map(([id]) => id),
    log: () => output.text(),
  };
}

export async function deactivateMinutes(): Promise<void> {
  stopping = true;
  if (client?.state === State.Running) await client.stop(2000).catch(() => undefined);
}

/** A tree item's label as text (a label may be a plain string or `{ label, highlights }`). */
function labelOf(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

/** The `minutes.*` settings of a folder, as `workspace/configuration` would give them. */
function minutesSettings(scope: vscode.Uri): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('minutes', scope);
  const keys = ['rules', ...OVERRIDABLE_SETTINGS, 'showSuppressed'];
  // Plain data: VS Code hands out read-only proxies, which a web worker's postMessage cannot clone.
  return JSON.parse(JSON.stringify(Object.fromEntries(keys.map((k) => [k, config.get(k)])))) as Record<string, unknown>;
}
