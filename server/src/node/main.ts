// The language server on the desktop: started by the VS Code client over IPC, or by any editor
// with `--stdio`; the repository is read from the local disk.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from '../lsp/server';
import { nodeAccess } from './nodeAccess';

const connection = createConnection(ProposedFeatures.all);
startServer(connection, {
  // The disk is read at once, initialized or not.
  access: () => nodeAccess((path, reason) => connection.console.info(`Minutes: ${path}: ${reason}`)),
  started: performance.now() - process.uptime() * 1000,
  codeLoaded: performance.now(),
  runtime: `pid ${process.pid}, Node ${process.version}`,
});

// A bug must cost one answer, never the whole server (and with it every feature).
process.on('uncaughtException', (error) => connection.console.error(`Minutes: unexpected error: ${error.stack ?? String(error)}`));
process.on('unhandledRejection', (error) => connection.console.error(`Minutes: unexpected error: ${String(error)}`));
