// The extension on the desktop: the language server runs as a Node process over IPC.
// What both platforms share (middleware, views, commands) is in activation.ts.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateMinutes, deactivateMinutes, type MinutesApi } from './activation';

export type { MinutesApi } from './activation';

export function activate(context: vscode.ExtensionContext): MinutesApi {
  sayOnceVirtualFoldersAreNotChecked(context);
  return activateMinutes(context, {
    schemes: ['file'],
    createClient(options) {
      const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
      // Node's compile cache (Node 22.1 and later; ignored before) spares the server the parsing of its
      // bundle on every start after the first: a good part of the time to the first squiggles.
      const cache = vscode.Uri.joinPath(context.globalStorageUri, 'compile-cache').fsPath;
      const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc, options: { env: { ...process.env, NODE_COMPILE_CACHE: cache } } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
      };
      return new LanguageClient('minutes', 'Minutes', serverOptions, options);
    },
  });
}

export function deactivate(): Promise<void> {
  return deactivateMinutes();
}

/**
 * A folder without a copy on disk (`vscode-vfs:`, a GitHub repository through Remote Repositories)
 * cannot be read by the Node server: say so once per workspace instead of staying silent
 * (the web build, in vscode.dev or github.dev, reads such folders through the editor).
 */
function sayOnceVirtualFoldersAreNotChecked(context: vscode.ExtensionContext): void {
  const virtual = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme !== 'file');
  const key = 'minutes.virtualFoldersNoticeShown';
  if (!virtual.length || context.workspaceState.get<boolean>(key)) return;
  void context.workspaceState.update(key, true);
  const names = virtual.map((f) => f.name).join(', ');
  void vscode.window.showInformationMessage(
    `Minutes checks folders on disk in desktop VS Code; ${names} has no copy on disk and is not checked. Clone it, or open it in github.dev or vscode.dev, where Minutes reads it through the editor.`,
  );
}
