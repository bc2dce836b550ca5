// The language server on the desktop: started by the VS Code client over IPC, or by any editor
// with `--stdio`; the repository is read from the local disk.
import { createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection } from 'vscode-languageserver/node';
import { parseCalendar } from '../core/calendars';
import { startServer } from '../lsp/server';
import { nodeAccess } from './nodeAccess';

/**
 * Over stdio, a frame the server cannot read (no Content-Length) leaves the reader waiting for a
 * header that never comes: deaf, though alive. Ending the process instead lets the client see it
 * and start a new server.
 */
function stdioConnection(): Connection {
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError((error) => {
    // A body that is not JSON is skipped and the next frame read; a header without a length is not.
    if (!/Content-Length/u.test(error.message)) return;
    process.stderr.write(`Minutes: unreadable message from the client, stopping: ${error.message.split('\n')[0]}\n`);
    process.exit(1);
  });
  reader.onClose(() => process.exit(0));
  return createConnection(ProposedFeatures.all, reader, writer);
}

const connection = process.argv.includes('--stdio') ? stdioConnection() : createConnection(ProposedFeatures.all);
startServer(connection, {
  // The disk is read at once, initialized or not.
  access: () => nodeAccess((path, reason) => connection.console.info(`Minutes: ${path}: ${reason}`)),
  started: performance.now() - process.uptime() * 1000,
  codeLoaded: performance.now(),
  runtime: `pid ${process.pid}, Node ${process.version}`,
  parseCalendar,
});

// A bug must cost one answer, never the whole server (and with it every feature).
process.on('uncaughtException', (error) => connection.console.error(`Minutes: unexpected error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`Minutes: unexpected error: ${String(error)}`));
