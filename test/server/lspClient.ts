import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export const SERVER = resolve(__dirname, '../../dist/server.js');

/** The real server, spawned as an editor would (`node dist/server.js --stdio`), spoken to over LSP. */
export class LspSession {
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  private readonly waiters: Array<() => void> = [];
  private readonly process: ChildProcess;
  stderr = '';
  /** Texts of `window/showMessage` and `window/showMessageRequest`, in order. */
  readonly messages: string[] = [];

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.waiters.splice(0).forEach((wake) => wake());
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    const shown = ({ message }: { message: string }) => {
      this.messages.push(message);
      this.waiters.splice(0).forEach((wake) => wake());
    };
    this.connection.onNotification('window/showMessage', shown);
    this.connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      shown(params);
      return null;
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.listen();
  }

  /** What the client answers to `workspace/configuration` for the `minutes` section. */
  settings: Record<string, unknown> = {};

  async initialize(rootUri: string | null = null, capabilities: Record<string, unknown> = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
      capabilities: { textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } }, ...capabilities },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Waits for a condition on what the server sent; wakes on every notification. */
  async until<T>(probe: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = probe();
      if (value !== undefined && value !== false) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, Math.min(left, 200));
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  published(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri)?.diagnostics;
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, text: string, version: number): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Waits until the server has published diagnostics for `uri` that satisfy `accept`. */
  async diagnosticsFor(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const published = this.diagnostics.get(uri);
      if (published && accept(published.diagnostics)) return published.diagnostics;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(published?.diagnostics)}`);
      await new Promise<void>((wake) => {
        const timer = setTimeout(wake, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          wake();
        });
      });
    }
  }

  async dispose(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; killing it below is enough.
    }
    this.connection.dispose();
    this.process.kill();
  }
}
