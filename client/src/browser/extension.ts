// The extension in the browser (vscode.dev, github.dev, code-server's web worker extension host):
// the language server runs in a web worker and reads the repository through this client
// (workspaceAccess.ts). What both platforms share (middleware, views, commands) is in ../activation.ts.
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient, type MessageTransports } from 'vscode-languageclient/browser';
import { activateMinutes, deactivateMinutes, type MinutesApi } from '../activation';
import type { RecordingChannel } from '../log';
import { serveWorkspaceFiles } from './workspaceAccess';

export type { MinutesApi } from '../activation';

// The browser's globals, which the root tsconfig (Node, no DOM library) does not declare.
interface WebWorker {
  postMessage(message: unknown): void;
  terminate(): void;
}
declare const Worker: new (url: string) => WebWorker;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => unknown;
declare const URL: { createObjectURL(blob: unknown): string; revokeObjectURL(url: string): void };

export function activate(context: vscode.ExtensionContext): MinutesApi {
  const schemes = (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri.scheme);
  const api = activateMinutes(context, {
    // The schemes of the open folders: `vscode-vfs` in github.dev, `vscode-remote` under code-server, ...
    schemes: schemes.length ? schemes : ['file', 'vscode-vfs', 'vscode-remote'],
    createClient(options, output) {
      // Transports made here: the client's own `instanceof Worker` test fails for the worker that
      // VS Code's web-worker extension host hands out (its `Worker` is a wrapper).
      const transports = async (): Promise<MessageTransports> => {
        const worker = await startWorker(context.extensionUri, output);
        return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
      };
      const client = new LanguageClient('minutes', 'Minutes', transports, options);
      context.subscriptions.push(...serveWorkspaceFiles(client));
      return client;
    },
  });
  return api;
}

export function deactivate(): Promise<void> {
  return deactivateMinutes();
}

/**
 * Starts dist/browser/server.js as a web worker. Where the extension is served from another origin
 * than the workbench (code-server: "Creating workers from remote extensions is currently not
 * supported"), the bundle is read through `workspace.fs` and started from a Blob URL instead; so is
 * the calendar reader it loads on demand (server/src/browser/loadCalendars.ts), which a worker
 * started from a Blob cannot find beside itself: the server's copy ends by naming the reader's.
 */
async function startWorker(extensionUri: vscode.Uri, output: RecordingChannel): Promise<WebWorker> {
  const serverUri = vscode.Uri.joinPath(extensionUri, 'dist', 'browser', 'server.js');
  try {
    return new Worker(serverUri.toString(true));
  } catch (error) {
    output.info(`Minutes: starting the language server from a copy of its code (${String(error)})`);
    const code = await vscode.workspace.fs.readFile(serverUri);
    // Kept for the worker's life: it loads the reader when a config first names a calendar.
    const calendars = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', 'browser', 'calendars.js')).then(
      (text) => URL.createObjectURL(new Blob([text], { type: 'application/javascript' })),
      (problem: unknown) => output.info(`Minutes: the calendar reader was not found (${String(problem)}); calendars will not be read`),
    );
    // After the code, not before: its "use strict" stays the first statement.
    const named = calendars ? [new TextEncoder().encode(`\n;self.minutesCalendarsUrl=${JSON.stringify(calendars)};\n`)] : [];
    const url = URL.createObjectURL(new Blob([code, ...named], { type: 'application/javascript' }));
    try {
      return new Worker(url);
    } finally {
      // The worker has fetched its script by the time it runs; revoking later is harmless either way.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    }
  }
}
