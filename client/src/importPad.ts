import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { fetchPad } from '../../server/src/feeds/fetchPad';
import { SERVER_COMMANDS, type ImportPlanEntry } from '../../server/src/protocol';
import { inside, pickFolder, run } from './commands';

/** Read-only documents of a pad's meetings, for the diff against the series' file. */
export const PAD_SCHEME = 'minutes-pad';
const padTexts = new Map<string, string>();

export function padContentProvider(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PAD_SCHEME, { provideTextDocumentContent: (uri) => padTexts.get(uri.toString()) });
}

/**
 * Minutes: Import Meetings from Pad. The series folder and the pad (its URL, proposed from the
 * series' calendar event and from its last import; a Markdown file; or the clipboard) are asked
 * for; the server splits the pad and says per meeting what to do; new meetings are created (never
 * over a file: the editor's own create refuses one), and a meeting whose file differs opens as a
 * diff to review, not written. `folder` and `text` skip the questions, for keybindings and scripts.
 */
export async function importMeetingsFromPad(client: LanguageClient, state: vscode.Memento, args: { folder?: string; text?: string } = {}): Promise<void> {
  const folder = await pickFolder();
  if (!folder) return void vscode.window.showWarningMessage('Open the minutes repository as a folder first.');
  const rootUri = folder.uri.toString();
  const series = args.folder ?? (await vscode.window.showQuickPick(await run(client, SERVER_COMMANDS.teamFolders, { rootUri }), { placeHolder: 'Import the pad into which series folder?' }));
  if (!series) return;
  const lastImport = `minutes.padUrl:${rootUri}:${series}`;
  const pad = args.text === undefined ? await padText(await padProposals(client, rootUri, series, state.get<string>(lastImport))) : { text: args.text };
  if (pad === undefined) return;
  const { text } = pad;
  let plan: ImportPlanEntry[];
  try {
    plan = await run(client, SERVER_COMMANDS.importPlan, { rootUri, folder: series, text });
  } catch (error) {
    // A pad too large to read whole, a folder that is no series: the server's one line.
    return void vscode.window.showErrorMessage(`Minutes: ${(error as Error).message}; nothing was imported.`);
  }
  if (!plan.length) return void vscode.window.showWarningMessage('Minutes: the pad has no dated meeting headings; nothing was imported.');
  if (pad.url) await state.update(lastImport, pad.url);
  const created: string[] = [];
  const differing: ImportPlanEntry[] = [];
  for (const meeting of plan) {
    const uri = vscode.Uri.parse(meeting.uri);
    if (!inside(folder, uri)) continue;
    if (meeting.status === 'differs') differing.push(meeting);
    if (meeting.status !== 'new') continue;
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { ignoreIfExists: true, contents: new TextEncoder().encode(meeting.text) });
    await vscode.workspace.applyEdit(edit);
    // Created by us, or found there (it appeared since the server looked): only our own text is ours.
    const written = await vscode.workspace.fs.readFile(uri).then((bytes) => new TextDecoder().decode(bytes), () => undefined);
    if (written === meeting.text) created.push(vscode.workspace.asRelativePath(uri));
  }
  for (const meeting of differing) await showDiff(meeting);
  const images = plan.reduce((n, m) => n + (m.status === 'new' ? m.remoteImages.length : 0), 0);
  const unchanged = plan.filter((m) => m.status === 'identical').length;
  const parts = [`created ${created.length}${created.length ? ` (${created.join(', ')})` : ''}`, `${unchanged} unchanged`, `${differing.length} differ${differing.length ? ' (shown as diffs, not written)' : ''}`];
  if (images) parts.push(`${images} image${images === 1 ? '' : 's'} still on the pad's host`);
  void vscode.window.showInformationMessage(`Minutes: imported ${plan.length} meeting${plan.length === 1 ? '' : 's'} into ${series}/: ${parts.join(', ')}.`);
}

interface PadProposal {
  url: string;
  why: string;
}

/** The pads to offer first: the one the series' calendar event names, then the one imported last time. */
async function padProposals(client: LanguageClient, rootUri: string, folder: string, lastImport: string | undefined): Promise<PadProposal[]> {
  const calendar = await run(client, SERVER_COMMANDS.seriesPad, { rootUri, folder }).catch(() => null);
  const proposals = calendar ? [{ url: calendar.url, why: `the pad of "${calendar.event}" in the calendar` }] : [];
  if (lastImport && lastImport !== calendar?.url) proposals.push({ url: lastImport, why: `imported into ${folder}/ last time` });
  return proposals;
}

/** The pad's Markdown: fetched from its URL, from a file (a pad's download), or the clipboard (copied from the pad). */
async function padText(proposals: PadProposal[]): Promise<{ text: string; url?: string } | undefined> {
  const from = await vscode.window.showQuickPick(
    [
      ...proposals.map((p) => ({ label: `$(cloud-download) ${p.url}`, detail: p.why, url: p.url, source: 'url' as const })),
      { label: "$(link) From a pad's URL…", detail: 'HedgeDoc, CodiMD or HackMD: the note must be readable without a login', source: 'ask' as const },
      { label: '$(file) From a Markdown file…', source: 'file' as const },
      { label: '$(clippy) From the clipboard', detail: 'Copy the whole pad (Ctrl+A, Ctrl+C) first', source: 'clipboard' as const },
    ],
    { placeHolder: 'Where is the pad?' },
  );
  if (!from) return undefined;
  if (from.source === 'url' || from.source === 'ask') {
    const url =
      'url' in from
        ? from.url
        : await vscode.window.showInputBox({ prompt: "The pad's URL", value: proposals[0]?.url, validateInput: (v) => (/^https?:\/\/\S+$/iu.test(v.trim()) ? undefined : 'an http(s) URL') });
    return url ? fromUrl(url.trim()) : undefined;
  }
  if (from.source === 'clipboard') {
    const text = await vscode.env.clipboard.readText();
    if (!text.trim()) void vscode.window.showWarningMessage('Minutes: the clipboard is empty; copy the pad first.');
    return text.trim() ? { text } : undefined;
  }
  const [file] = (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { Markdown: ['md', 'markdown', 'txt'] }, openLabel: 'Import' })) ?? [];
  return file && { text: new TextDecoder().decode(await vscode.workspace.fs.readFile(file)) };
}

/** The note's Markdown from its server (`<note>/download`); a private note, an HTML page or an error is shown, not imported. */
async function fromUrl(url: string): Promise<{ text: string; url: string } | undefined> {
  try {
    const bytes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Minutes: reading the pad ${url}` }, () => fetchPad(url));
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), url };
  } catch (error) {
    const why = error instanceof TypeError ? `${url}: not UTF-8 text` : (error as Error).message;
    return void vscode.window.showErrorMessage(`Minutes: ${why}; nothing was imported.`);
  }
}

async function showDiff(meeting: ImportPlanEntry): Promise<void> {
  const file = vscode.Uri.parse(meeting.uri);
  const pad = vscode.Uri.from({ scheme: PAD_SCHEME, path: file.path, query: meeting.date });
  padTexts.set(pad.toString(), meeting.text);
  await vscode.commands.executeCommand('vscode.diff', file, pad, `${vscode.workspace.asRelativePath(file)} ↔ pad (${meeting.title})`, { preview: false });
}
