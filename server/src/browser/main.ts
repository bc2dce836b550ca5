// The language server in the browser (vscode.dev, github.dev): a web worker started by the browser
// client (client/src/browser/extension.ts), talking over postMessage. The same LSP glue and core as
// on the desktop (node/main.ts); only the repository is read differently, through the client.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { clientAccess } from './clientAccess';
import { lazyCalendarParser } from './loadCalendars';

// The worker's global scope; the root tsconfig has no WebWorker library, and nothing else needs it.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const codeLoaded = performance.now();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));

startServer(connection, {
  // The VS Code client installs its handlers (ours for the files among them) only once initialized.
  access: (initialized) => clientAccess(connection, initialized, (uri, reason) => connection.console.info(`Minutes: ${uri}: ${reason}`)),
  // A worker's clock starts with the worker.
  started: 0,
  codeLoaded,
  runtime: 'web worker',
  parseCalendar: lazyCalendarParser((message) => connection.console.error(message)),
});
