// Helpers for suites that run inside a real VS Code extension host.
// Rule of thumb: wait for a condition (waitFor), never for a fixed time: the
// language server starts at its own pace and fixed sleeps are slow and flaky.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MinutesApi } from '../../../client/src/activation';

export const EXTENSION_ID = 'minutes-tools.minutes';

/**
 * Polls `probe` until it returns a truthy value (which is returned) or the time is up. The time is
 * generous on purpose: on a busy machine the editor and the server take their time, and a wait
 * that succeeds returns as soon as the condition holds.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (err) {
      lastError = err; // a probe may throw while the server is still starting
    }
    if (Date.now() > deadline) {
      const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The single workspace folder the runner opened (a fresh copy of fixture-workspace/). */
export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder is open');
  return folder.uri;
}

export function fixtureUri(relPath: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relPath.split('/'));
}

/** Opens a workspace file in an editor, as a user clicking it in the Explorer would. */
export async function openFixture(relPath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relPath));
  return vscode.window.showTextDocument(doc);
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function getExtension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed`);
  return ext;
}

/** Waits until the extension is active (activation is triggered by opening Markdown). */
export async function waitForActivation(timeoutMs = 20_000): Promise<vscode.Extension<unknown>> {
  const ext = getExtension();
  await waitFor(() => ext.isActive, timeoutMs, `${EXTENSION_ID} to activate`);
  return ext;
}

/** A diagnostic's code as text (VS Code gives `{ value, target }` when the code has a link). */
export function diagnosticCode(d: vscode.Diagnostic): string {
  return String((typeof d.code === 'object' ? d.code.value : d.code) ?? '');
}

/** Waits until the diagnostics of `uri` satisfy `predicate`; returns them. */
export async function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 20_000,
): Promise<readonly vscode.Diagnostic[]> {
  let last: readonly vscode.Diagnostic[] = [];
  try {
    return await waitFor(() => {
      last = vscode.languages.getDiagnostics(uri);
      return predicate(last) && last;
    }, timeoutMs, `diagnostics of ${uri.path}`);
  } catch (err) {
    const seen = last.map((d) => `  ${d.range.start.line + 1}: [${diagnosticCode(d)}] ${d.message}`).join('\n');
    throw new Error(`${(err as Error).message}; last seen:\n${seen || '  (none)'}`);
  }
}

/** Document symbols as VS Code merges them from every provider (ours and built-in ones). */
export async function documentSymbols(uri: vscode.Uri): Promise<vscode.DocumentSymbol[]> {
  const result = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
    'vscode.executeDocumentSymbolProvider', uri);
  return (result ?? []).filter((s): s is vscode.DocumentSymbol => 'children' in s);
}

/** Finds a symbol by the chain of names from a top-level symbol down, e.g. ('Team Updates', 'Team IaaS'). */
export function findSymbol(symbols: readonly vscode.DocumentSymbol[], ...names: string[]): vscode.DocumentSymbol | undefined {
  const [first, ...rest] = names;
  for (const symbol of symbols) {
    if (symbol.name === first) {
      const found = rest.length === 0 ? symbol : findSymbol(symbol.children, ...rest);
      if (found) return found;
    }
  }
  // Also look deeper: the chain need not start at the top level.
  for (const symbol of symbols) {
    const found = findSymbol(symbol.children, ...names);
    if (found) return found;
  }
  return undefined;
}

/** Names of a symbol tree, indented, for readable assertion messages. */
export function describeSymbols(symbols: readonly vscode.DocumentSymbol[], indent = ''): string {
  return symbols.map((s) => `${indent}${s.name}\n${describeSymbols(s.children, `${indent}  `)}`).join('');
}

/**
 * Runs a command that asks with a quick pick, answering with `answer` (a workbench command such as
 * `workbench.action.acceptSelectedQuickOpenItem` or `workbench.action.closeQuickOpen`) until it returns.
 */
export async function answeringQuickPick(run: Thenable<unknown>, answer: string, timeoutMs = 20_000): Promise<void> {
  let done = false;
  let failed: unknown;
  void Promise.resolve(run).then(
    () => (done = true),
    (error: unknown) => ((failed = error), (done = true)),
  );
  await waitFor(async () => {
    if (!done) await vscode.commands.executeCommand(answer);
    return done;
  }, timeoutMs, `the command to finish after ${answer}`);
  if (failed) throw failed instanceof Error ? failed : new Error(JSON.stringify(failed));
}

/** What the extension's activate() returns (client/src/activation.ts), once it is active. */
export async function api(): Promise<MinutesApi> {
  await waitForActivation();
  return getExtension().exports as MinutesApi;
}

/** Whether a file or folder exists, through the editor's file system (desktop and web alike). */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}
