// The one LSP test client: the built server (`node dist/server.js --stdio`) spawned as an editor
// runs it, spoken to over JSON-RPC. What the server sends is recorded (diagnostics, messages shown,
// log lines); the process is exposed (pid, memory, whether it is alive) and so is its stdin, for
// bytes that are not a JSON-RPC message.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

/** The built server; MINUTES_TEST_SERVER names another bundle (e.g. one broken on purpose, to see a test fail). */
export const SERVER = resolve(process.env.MINUTES_TEST_SERVER ?? resolve(__dirname, '../../dist/server.js'));

export interface Memory {
  /** Resident set size now, in MB. */
  rssMb: number;
  /** Peak resident set size so far, in MB. */
  peakMb: number;
}

export interface SessionOptions {
  /** Options for node before the server script, e.g. `['--require', hook]`. */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
}

/** A request's outcome: its result, or the error response the server sent. */
export interface Answer {
  result?: unknown;
  error?: { code: number; message: string };
}

export class LspSession {
  readonly connection: MessageConnection;
  readonly process: ChildProcess;
  /** The last diagnostics published for each URI. */
  readonly diagnostics = new Map<string, PublishDiagnosticsParams>();
  /** Every publication of diagnostics, in order. */
  readonly publications: PublishDiagnosticsParams[] = [];
  /** Texts of `window/showMessage` and `window/showMessageRequest`, in order. */
  readonly messages: string[] = [];
  /** Texts of `window/logMessage`, in order. */
  readonly logs: string[] = [];
  stderr = '';
  exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  /** What the client answers to `workspace/configuration` for the `minutes` section. */
  settings: Record<string, unknown> = {};
  private readonly waiters: Array<() => void> = [];

  constructor({ nodeArgs = [], env = process.env }: SessionOptions = {}) {
    this.process = spawn(process.execPath, [...nodeArgs, SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.process.stderr!.on('data', (chunk) => (this.stderr += chunk));
    this.process.on('exit', (code, signal) => {
      this.exit = { code, signal };
      this.wake();
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      this.diagnostics.set(params.uri, params);
      this.publications.push(params);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
      this.logs.push(message);
      this.wake();
    });
    this.connection.onNotification('window/showMessage', ({ message }: { message: string }) => {
      this.messages.push(message);
      this.wake();
    });
    this.connection.onRequest('window/showMessageRequest', ({ message }: { message: string }) => {
      this.messages.push(message);
      this.wake();
      return null;
    });
    this.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    this.connection.onRequest('client/registerCapability', () => null);
    // A broken pipe after the server died is reported by the exit, not as an unhandled error.
    this.connection.onError(() => undefined);
    this.process.stdin!.on('error', () => undefined);
    this.connection.listen();
  }

  get pid(): number {
    return this.process.pid!;
  }

  get alive(): boolean {
    return this.exit === undefined;
  }

  /** VmRSS and VmHWM of the server process, from /proc (Linux). */
  memory(): Memory {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'mu').exec(status)?.[1] ?? NaN);
    return { rssMb: Math.round(kb('VmRSS') / 1024), peakMb: Math.round(kb('VmHWM') / 1024) };
  }

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

  /** Sends a request and gives its outcome: the result, or the error response (any other failure throws). */
  async request(method: string, params?: unknown, timeoutMs = 10_000): Promise<Answer> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, fail) => (timer = setTimeout(() => fail(new Error(`${method}: no answer within ${timeoutMs} ms`)), timeoutMs)));
    try {
      const result = await Promise.race([params === undefined ? this.connection.sendRequest(method) : this.connection.sendRequest(method, params), timeout]);
      return { result };
    } catch (error) {
      const e = error as { code?: unknown; message: string };
      if (typeof e.code === 'number') return { error: { code: e.code, message: e.message } };
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  notify(method: string, params?: unknown): Promise<void> {
    return params === undefined ? this.connection.sendNotification(method) : this.connection.sendNotification(method, params);
  }

  /** Writes bytes to the server's stdin as they are, bypassing the JSON-RPC writer. */
  writeRaw(data: string): void {
    this.process.stdin!.write(data);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
  }

  change(uri: string, text: string, version: number): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** The diagnostics last published for `uri`, if any were. */
  published(uri: string): Diagnostic[] | undefined {
    return this.diagnostics.get(uri)?.diagnostics;
  }

  /** Waits until the server has published diagnostics for `uri` that satisfy `accept`. */
  async diagnosticsFor(uri: string, accept: (d: Diagnostic[]) => boolean = () => true, timeoutMs = 10_000): Promise<Diagnostic[]> {
    try {
      return await this.until(() => {
        const published = this.published(uri);
        return published && accept(published) ? published : undefined;
      }, `diagnostics of ${uri}`, timeoutMs);
    } catch {
      throw new Error(`no matching diagnostics for ${uri}; last: ${JSON.stringify(this.published(uri))}`);
    }
  }

  /** Waits until `probe` gives a value (not undefined, false or 0); asks again on every message from the server, and every 200 ms. */
  async until<T>(probe: () => T | undefined | false | 0 | Promise<T | undefined | false | 0>, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined && value !== false && value !== 0) return value;
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

  async dispose(): Promise<void> {
    if (this.alive) {
      try {
        await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
        await this.connection.sendNotification('exit');
      } catch {
        // Already gone: the kill below is enough.
      }
    }
    this.connection.dispose();
    if (this.alive) this.process.kill();
  }

  private wake(): void {
    this.waiters.splice(0).forEach((wake) => wake());
  }
}
