import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { confirmConfiguration } from './confirmConfiguration';
import { messageDate, SERVER_COMMANDS, type DateInsertion, type NewFileResult, type ServerCommand, type TeamChoice, type WeeklyDateChoice } from '../../server/src/protocol';

// The server computes every piece of content (so any LSP editor can have it); these commands
// only ask the user, write new files and open them.

export async function pickFolder(): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which minutes repository?' });
}

/** Runs a server command: its arguments and result are the ones `protocol.ts` declares for it. */
export function run<Args, Result>(client: LanguageClient, command: ServerCommand<Args, Result>, args: NoInfer<Args>): Promise<Result> {
  return client.sendRequest<Result>('workspace/executeCommand', { command: command.name, arguments: [args] });
}

/** Whether a file the server proposes lies in the workspace folder it was asked about. */
export function inside(folder: vscode.WorkspaceFolder, uri: vscode.Uri): boolean {
  const root = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority && uri.path.startsWith(root) && !uri.path.split('/').includes('..');
}

/**
 * Creates the file unless it exists (never overwrites, also a file that appeared since the server
 * looked: the editor's own create refuses it), then opens it at the first place to type.
 */
async function createAndOpen(folder: vscode.WorkspaceFolder, file: NewFileResult): Promise<void> {
  const uri = vscode.Uri.parse(file.uri);
  if (!inside(folder, uri)) return void vscode.window.showErrorMessage(`Minutes: ${file.uri} lies outside the folder ${folder.name}; nothing was created.`);
  let exists = file.exists;
  if (!exists && file.warning && !(await confirmWarning(file, uri))) return;
  if (!exists) {
    const contents = new TextEncoder().encode(file.text);
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents });
    await vscode.workspace.applyEdit(edit);
    // Created by us, or found there: only our own text means the file is new.
    exists = (await vscode.workspace.fs.readFile(uri).then((bytes) => new TextDecoder().decode(bytes), () => undefined)) !== file.text;
  }
  // Not a preview tab: the next file opened must not replace the minutes being written.
  const editor = await vscode.window.showTextDocument(uri, { preview: false });
  if (exists) {
    void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(uri)} exists already; it was opened, not overwritten.`);
    return;
  }
  const at = new vscode.Position(file.cursor.line, file.cursor.character);
  editor.selection = new vscode.Selection(at, at);
  editor.revealRange(new vscode.Range(at, at));
}

/**
 * Asks before writing a file that may not be wanted (the series stopped long ago, or changed format):
 * a quick pick, so that Escape is the safe answer and the question stays open while one looks around.
 */
async function confirmWarning(file: NewFileResult, uri: vscode.Uri): Promise<boolean> {
  const name = vscode.workspace.asRelativePath(uri);
  // A quick pick shows each line whole only while it is short: one sentence of the explanation a line.
  const [first, ...more] = file.warning!.split(/(?<=\.)\s+/u);
  const items: Array<vscode.QuickPickItem & { go: boolean }> = [
    { label: `$(new-file) Create ${name} anyway`, detail: first, go: true },
    { label: '$(close) Cancel', go: false },
    ...(more.length ? [{ label: 'Why', kind: vscode.QuickPickItemKind.Separator, go: false }] : []),
    ...more.map((sentence) => ({ label: `$(info) ${sentence}`, go: false })),
  ];
  const picked = await vscode.window.showQuickPick(items, { title: `Create ${name}?`, placeHolder: 'The series may not go on from its last roll-up', ignoreFocusOut: true });
  return picked?.go ?? false;
}

/**
 * Writes `.minutes.json` inferred from the repository's files, after showing what it changes against
 * the defaults (and whether it replaces one), and opens it: each value with a comment saying what it was inferred from.
 */
export async function createConfiguration(client: LanguageClient): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return void vscode.window.showWarningMessage('Open the minutes repository as a folder first.');
  // Reading a large repository takes seconds: say so while it runs.
  const file = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Minutes: reading ${folder.name} to propose a configuration…` },
    () => run(client, SERVER_COMMANDS.createConfiguration, { rootUri: folder.uri.toString() }),
  );
  const uri = vscode.Uri.parse(file.uri);
  if (!inside(folder, uri)) return void vscode.window.showErrorMessage(`Minutes: ${file.uri} lies outside the folder ${folder.name}; nothing was written.`);
  const existing = await vscode.workspace.fs.stat(uri).then(
    (stat) => stat,
    () => undefined,
  );
  // A write follows a link wherever it leads, also out of the repository.
  if (existing && existing.type & vscode.FileType.SymbolicLink) {
    return void vscode.window.showErrorMessage(`Minutes: ${vscode.workspace.asRelativePath(uri)} is a symbolic link; remove it first, nothing was written.`);
  }
  // What is there now: the question may stay open a while, and no edit made meanwhile is written over.
  const before = existing ? await vscode.workspace.fs.readFile(uri).then((bytes) => bytes, () => undefined) : undefined;
  if (!(await confirmConfiguration(uri, file.exists || !!existing, file.changes ?? [], file.text))) return;
  const name = vscode.workspace.asRelativePath(uri);
  const changed = await changedSince(uri, before);
  if (changed) return void vscode.window.showErrorMessage(`Minutes: ${name} ${changed} while the proposal was shown; nothing was written. Run the command again to propose from it.`);
  const contents = new TextEncoder().encode(file.text);
  if (before) await vscode.workspace.fs.writeFile(uri, contents);
  else {
    // Created in one step that fails if a file appeared meanwhile.
    const create = new vscode.WorkspaceEdit();
    create.createFile(uri, { contents, overwrite: false, ignoreIfExists: false });
    if (!(await vscode.workspace.applyEdit(create))) return void vscode.window.showErrorMessage(`Minutes: ${name} appeared while the proposal was shown (or cannot be written); nothing was written.`);
  }
  await vscode.window.showTextDocument(uri);
  void vscode.window.showInformationMessage(`Minutes: wrote ${vscode.workspace.asRelativePath(uri)} (${file.summary || 'no dated minutes found'}).`);
}

/** How a file differs from the bytes it had (undefined: it had none), if it does: unsaved edits in an editor count. */
async function changedSince(uri: vscode.Uri, before: Uint8Array | undefined): Promise<string | undefined> {
  if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty)) return 'has unsaved edits';
  const now = await vscode.workspace.fs.readFile(uri).then((bytes) => bytes, () => undefined);
  if (!before) return now ? 'appeared' : undefined;
  return now && now.length === before.length && now.every((byte, i) => byte === before[i]) ? undefined : 'was changed';
}

/** `date` (YYYY-MM-DD) skips the question, for keybindings and scripts. */
export async function newWeeklyMinutes(client: LanguageClient, date?: string): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return void vscode.window.showWarningMessage('Open the minutes repository as a folder first.');
  const rootUri = folder.uri.toString();
  if (typeof date === 'string') return createAndOpen(folder, await run(client, SERVER_COMMANDS.newWeeklyMinutes, { rootUri, date }));
  const choices = await run(client, SERVER_COMMANDS.weeklyDates, { rootUri });
  const describe = (c: WeeklyDateChoice) => `${c.weekday}${c.holiday ? ` (public holiday: ${c.holiday})` : ''}`;
  const picked =
    choices.length === 1
      ? choices[0]
      : (await vscode.window.showQuickPick(choices.map((c) => ({ label: c.date, description: describe(c), choice: c })), { placeHolder: 'Which meeting are the minutes for?' }))?.choice;
  if (!picked) return;
  if (picked.holiday) {
    const go = await vscode.window.showWarningMessage(`${picked.date} is a public holiday (${picked.holiday}). Create the minutes anyway?`, { modal: true }, 'Create');
    if (go !== 'Create') return;
  }
  await createAndOpen(folder, await run(client, SERVER_COMMANDS.newWeeklyMinutes, { rootUri, date: picked.date }));
}

/** `folder` and `date` skip the questions, for keybindings and scripts. */
export async function newTeamMinutes(client: LanguageClient, args: { folder?: string; date?: string } = {}): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return void vscode.window.showWarningMessage('Open the minutes repository as a folder first.');
  const rootUri = folder.uri.toString();
  const choices = await run(client, SERVER_COMMANDS.teamChoices, { rootUri });
  let choice = choices.find((c) => c.folder === args.folder);
  if (!choice) {
    // The team of the open file comes first and is preselected: new minutes are mostly the next meeting's.
    const open = vscode.window.activeTextEditor?.document.uri;
    const openFolder = open && vscode.workspace.getWorkspaceFolder(open)?.uri.toString() === rootUri ? vscode.workspace.asRelativePath(open, false).split('/').slice(0, -1).join('/') : undefined;
    const ordered = [...choices.filter((c) => c.folder === openFolder), ...choices.filter((c) => c.folder !== openFolder)];
    const items = ordered.map((c) => ({
      label: c.name ?? c.folder,
      description: c.name ? `${c.folder}/` : undefined,
      detail: `next meeting ${c.weekday} ${c.next}${c.last ? `, last minutes ${c.last}` : ', no minutes yet'}`,
      choice: c,
    }));
    const quickPick = vscode.window.createQuickPick<(typeof items)[number]>();
    quickPick.items = items;
    quickPick.placeholder = 'Minutes of which team or SIG?';
    quickPick.matchOnDescription = true;
    if (items.length && ordered[0].folder === openFolder) quickPick.activeItems = [items[0]];
    choice = await new Promise<TeamChoice | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.choice ?? quickPick.activeItems[0]?.choice));
      quickPick.onDidHide(() => resolve(undefined));
      quickPick.show();
    });
    quickPick.dispose();
  }
  if (!choice) return;
  const date =
    args.date ??
    (await vscode.window.showInputBox({
      title: `New minutes of ${choice.name ?? choice.folder}`,
      prompt: choice.basis ? `Meeting date (${choice.basis})` : 'Meeting date',
      value: choice.next,
      validateInput: (v) => (messageDate(v) ? undefined : 'A date that exists, as YYYY-MM-DD'),
    }));
  if (!date) return;
  await createAndOpen(folder, await run(client, SERVER_COMMANDS.newTeamMinutes, { rootUri, folder: choice.folder, date }));
}

/** "Insert Holiday Notice" and "Insert Date": the server's options for the cursor, picked from a list. */
export async function insertAtCursor(client: LanguageClient, kind: DateInsertion['kind']): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'markdown') return void vscode.window.showWarningMessage('Open a minutes file first.');
  const position = client.code2ProtocolConverter.asPosition(editor.selection.active);
  const options = (await run(client, SERVER_COMMANDS.dateInsertions, { uri: editor.document.uri.toString(), position })).filter((o) => o.kind === kind);
  if (!options.length) {
    return void vscode.window.showInformationMessage(kind === 'holiday-notice' ? 'No public holiday before the next meeting.' : 'No dates to insert here.');
  }
  const picked = options.length === 1 && kind === 'holiday-notice' ? options[0] : (await vscode.window.showQuickPick(options.map((o) => ({ label: o.title, option: o }))))?.option;
  if (!picked) return;
  await editor.edit((edit) => edit.replace(client.protocol2CodeConverter.asRange(picked.edit.range), picked.edit.newText));
}
