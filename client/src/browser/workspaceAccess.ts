import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ListCalendarFilesRequest, ListMarkdownFilesRequest, notMinutesText, ReadTextsRequest, SKIPPED_FOLDERS, type ReadTextsResult } from '../../../server/src/protocol';

// Folders that hold no minutes (the desktop server skips the same ones while walking the disk).
const EXCLUDE = `**/{${SKIPPED_FOLDERS.join(',')}}/**`;

/**
 * Answers the worker server's requests for the repository's files (server/src/browser/clientAccess.ts):
 * in the browser only the editor reaches them, through `findFiles` and `workspace.fs`, whatever the
 * file system behind them (github.dev's, vscode.dev's, code-server's).
 */
export function serveWorkspaceFiles(client: BaseLanguageClient): vscode.Disposable[] {
  return [
    client.onRequest(ListMarkdownFilesRequest, ({ rootUri }) => listFiles(rootUri, '**/*.md')),
    // As many as the desktop looks at (server/src/node/findCalendars.ts).
    client.onRequest(ListCalendarFilesRequest, ({ rootUri }) => listFiles(rootUri, '**/*.{ics,yml,yaml}', 2000)),
    client.onRequest(ReadTextsRequest, async ({ uris }) => {
      const skipped: ReadTextsResult['skipped'] = [];
      const texts = await Promise.all(uris.map((uri) => readText(uri, (reason) => skipped.push({ uri, reason }))));
      return { texts, skipped };
    }),
  ];
}

/** The files below a folder matching a glob, as `/`-separated paths relative to it, sorted. */
async function listFiles(rootUri: string, glob: string, maxResults?: number): Promise<string[]> {
  const root = vscode.Uri.parse(rootUri);
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(root, glob), EXCLUDE, maxResults);
  const prefix = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return found
    .filter((uri) => uri.scheme === root.scheme && uri.authority === root.authority && uri.path.startsWith(prefix))
    .map((uri) => uri.path.slice(prefix.length))
    .sort();
}

const decoder = new TextDecoder('utf-8');

/** A file's text, or null if it is missing, binary or too large to be minutes (with the reason, but for a missing file). */
async function readText(uri: string, skip: (reason: string) => void): Promise<string | null> {
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(vscode.Uri.parse(uri));
  } catch (error) {
    // Gone since it was listed, or an optional file (`.minutes.json`): nothing to report.
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) skip(`cannot be read: ${String(error)}`);
    return null;
  }
  const problem = notMinutesText(bytes.byteLength, bytes);
  if (problem) {
    skip(problem);
    return null;
  }
  return decoder.decode(bytes);
}
