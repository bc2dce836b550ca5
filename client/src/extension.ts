import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { insertAtCursor, newTeamMinutes, newWeeklyMinutes } from './commands';
import { TeamsView } from './teamsView';

let client: LanguageClient | undefined;

// Glue from VS Code to the language server, plus what only VS Code can do: the view and commands.
export function activate(context: vscode.ExtensionContext): void {
  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    // The server indexes the repository's Markdown files by name and follows them through these events.
    synchronize: {
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.md'), vscode.workspace.createFileSystemWatcher('**/.minutes.json')],
    },
  };
  client = new LanguageClient('minutes', 'Minutes', serverOptions, clientOptions);
  // Not awaited: activation should not wait for the server process; requests wait for it anyway.
  client.start().catch((error: unknown) => void vscode.window.showErrorMessage(`Minutes: the language server did not start: ${String(error)}`));

  const teams = new TeamsView(client);
  context.subscriptions.push(
    vscode.window.registerTreeDataProvider('minutes.teams', teams),
    vscode.commands.registerCommand('minutes.revealSection', (uri: vscode.Uri, range: vscode.Range) => teams.reveal(uri, range)),
    vscode.commands.registerCommand('minutes.refreshTeams', () => teams.refresh()),
    vscode.commands.registerCommand('minutes.newWeeklyMinutes', (args?: { date?: string }) => newWeeklyMinutes(client!, args?.date)),
    vscode.commands.registerCommand('minutes.newTeamMinutes', () => newTeamMinutes(client!)),
    vscode.commands.registerCommand('minutes.insertHolidayNotice', () => insertAtCursor(client!, 'holiday-notice')),
    vscode.commands.registerCommand('minutes.insertDate', () => insertAtCursor(client!, 'date')),
    vscode.window.onDidChangeActiveTextEditor(() => teams.refresh()),
    vscode.workspace.onDidChangeTextDocument((e) => teams.documentChanged(e.document)),
    teams,
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
