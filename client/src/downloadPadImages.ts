import * as vscode from 'vscode';
import type { BaseLanguageClient as LanguageClient } from 'vscode-languageclient';
import { fetchUpload } from '../../server/src/feeds/fetchUpload';
import { SERVER_COMMANDS, type PadImage, type PadImagesResult } from '../../server/src/protocol';
import { inside, run } from './commands';

/**
 * Minutes: Download Pad Images. The images the active minutes still show from a pad's server are
 * saved where the server says (next to the file, or in `assetsFolder`), never over another file (one
 * with the same bytes is simply linked), and their URLs replaced by relative links in one edit the
 * user can undo or save. The server plans; only this client fetches, and only in a trusted workspace.
 */
export async function downloadPadImages(client: LanguageClient): Promise<void> {
  const document = vscode.window.activeTextEditor?.document;
  if (document?.languageId !== 'markdown') return void vscode.window.showWarningMessage('Minutes: open the minutes whose pad images to download first.');
  if (!vscode.workspace.isTrusted) {
    return void vscode.window.showInformationMessage('Minutes: pad images are downloaded in trusted workspaces only (a repository from a stranger could make the editor fetch any address); trust this folder to download them.');
  }
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return void vscode.window.showWarningMessage('Minutes: the document lies in no workspace folder; nothing was downloaded.');
  const name = vscode.workspace.asRelativePath(document.uri);
  let planned: PadImagesResult;
  try {
    planned = await run(client, SERVER_COMMANDS.padImages, { uri: document.uri.toString() });
  } catch (error) {
    return void vscode.window.showErrorMessage(`Minutes: ${(error as Error).message}; nothing was downloaded.`);
  }
  if (!planned.images.length) return void vscode.window.showInformationMessage(`Minutes: ${name} shows no images from a pad's server.`);
  const saved: PadImage[] = [];
  const failed: string[] = [];
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Minutes: downloading the pad images of ${name}` }, async () => {
    for (const image of planned.images) {
      const problem = await saveImage(folder, image);
      if (problem) failed.push(`${image.url}: ${problem}`);
      else saved.push(image);
    }
  });
  const linked = saved.length ? await linkSaved(client, document, planned, saved) : 0;
  if (saved.length) {
    const files = saved.map((image) => vscode.workspace.asRelativePath(vscode.Uri.parse(image.uri))).join(', ');
    void vscode.window.showInformationMessage(`Minutes: ${saved.length} image${saved.length === 1 ? '' : 's'} in the repository (${files}); ${linked} link${linked === 1 ? '' : 's'} rewritten in ${name}: save it to keep them.`);
  }
  if (failed.length) void vscode.window.showWarningMessage(`Minutes: ${failed.length} image${failed.length === 1 ? '' : 's'} not saved, ${failed.length === 1 ? 'its link left as it was' : 'their links left as they were'}: ${failed.join('; ')}`);
}

/** Replaces the URLs of the saved images with their links in one edit; how many were replaced. */
async function linkSaved(client: LanguageClient, document: vscode.TextDocument, planned: PadImagesResult, saved: PadImage[]): Promise<number> {
  // Edited while the images came: the server, told of every change before this request, has the new places.
  const current = document.version === planned.version ? planned : await run(client, SERVER_COMMANDS.padImages, { uri: document.uri.toString() }).catch(() => undefined);
  const edit = new vscode.WorkspaceEdit();
  let count = 0;
  for (const image of current?.images ?? []) {
    if (!saved.some((s) => s.url === image.url && s.uri === image.uri)) continue;
    for (const { start, end } of image.ranges) {
      const range = new vscode.Range(start.line, start.character, end.line, end.character);
      // Only where the URL still is: an edit never replaces other text.
      if (document.getText(range) !== image.url) continue;
      edit.replace(document.uri, range, image.link);
      count++;
    }
  }
  return count && (await vscode.workspace.applyEdit(edit)) ? count : 0;
}

/** Fetches the image and writes it where `image.uri` says unless a file is there; undefined when it is in the repository, else why not. */
async function saveImage(folder: vscode.WorkspaceFolder, image: PadImage): Promise<string | undefined> {
  const uri = vscode.Uri.parse(image.uri);
  const path = vscode.workspace.asRelativePath(uri);
  if (!inside(folder, uri)) return `${image.uri} lies outside the folder ${folder.name}`;
  const linkedFolder = await linkOnTheWay(folder.uri, uri);
  if (linkedFolder) return `${linkedFolder} is a link, which may lead out of the folder`;
  const answer = await fetchUpload(image.url);
  if ('error' in answer) return answer.error;
  const there = await vscode.workspace.fs.stat(uri).then((stat) => stat, () => undefined);
  if (there) {
    // Never over another file: one with the same bytes is the same image, saved before.
    const same = there.type === vscode.FileType.File && sameBytes(await vscode.workspace.fs.readFile(uri), answer.bytes);
    return same ? undefined : `${path} exists with other content (not overwritten)`;
  }
  // Created in one step that fails if a file appeared meanwhile: a check and a write apart could overwrite it.
  const create = new vscode.WorkspaceEdit();
  create.createFile(uri, { contents: answer.bytes, overwrite: false, ignoreIfExists: false });
  if (await vscode.workspace.applyEdit(create)) return undefined;
  const now = await vscode.workspace.fs.readFile(uri).then((bytes) => bytes, () => undefined);
  return now && sameBytes(now, answer.bytes) ? undefined : `${path} not written (it appeared meanwhile, or the folder cannot be written)`;
}

/** The first folder below the workspace folder, down to the file's own, that is a symbolic link (one not yet there is none). */
async function linkOnTheWay(root: vscode.Uri, file: vscode.Uri): Promise<string | undefined> {
  const parts = file.path.slice(root.path.replace(/\/?$/u, '/').length).split('/').slice(0, -1);
  let current = root;
  for (const part of parts) {
    current = vscode.Uri.joinPath(current, part);
    const stat = await vscode.workspace.fs.stat(current).then((s) => s, () => undefined);
    if (!stat) return undefined;
    if (stat.type & vscode.FileType.SymbolicLink) return vscode.workspace.asRelativePath(current);
  }
  return undefined;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
