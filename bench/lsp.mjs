// A minimal LSP client for the benchmarks: the shipped server over stdio, as an editor runs it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

/**
 * `options.capabilities` are added to the client's; `options.args` go to Node (`--cpu-prof`);
 * `progress` lists the work-done progress the server reported (`{ token, value, at }`).
 */
export async function startServer(serverPath, rootUri, options = {}) {
  const child = spawn(process.execPath, [...(options.args ?? []), serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  const listeners = new Set();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    for (const listener of listeners) listener(params);
    const key = `${params.uri}@${params.version}`;
    waiting.get(key)?.(params);
    waiting.delete(key);
  });
  connection.onNotification('window/logMessage', () => undefined);
  connection.onRequest('workspace/configuration', (p) => p.items.map(() => ({})));
  const progress = [];
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', ({ token, value }) => progress.push({ token, value, at: performance.now() }));
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: rootUri ? [{ uri: rootUri, name: 'root' }] : null,
    capabilities: { workspace: { configuration: true }, ...options.capabilities },
  });
  await connection.sendNotification('initialized', {});
  const diagnosticsWhere = (uri, wanted) =>
    new Promise((resolve) => {
      const listener = (params) => {
        if (params.uri !== uri || !wanted(params.diagnostics)) return;
        listeners.delete(listener);
        resolve(params);
      };
      listeners.add(listener);
    });
  return {
    connection,
    /** Resolves when diagnostics for exactly this version arrive. */
    diagnosticsFor: (uri, version) => new Promise((resolve) => waiting.set(`${uri}@${version}`, resolve)),
    /** Resolves with the diagnostics of `uri` once it is read whole (a big document's first ones are of its first part). */
    readWhole: (uri) => diagnosticsWhere(uri, (d) => !d.some((x) => x.code === 'not-fully-checked' && / on are read\)/u.test(x.message))),
    /** Resolves with the first diagnostics of `uri` that `wanted` accepts. */
    diagnosticsWhere,
    pid: child.pid,
    progress,
    async stop() {
      await Promise.race([connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]).catch(() => undefined);
      // `exit` lets the server end itself (a profiled one, `--cpu-prof`, then writes its profile); killed if it does not.
      const exited = new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
      await connection.sendNotification('exit').catch(() => undefined);
      const timer = setTimeout(() => child.kill(), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
