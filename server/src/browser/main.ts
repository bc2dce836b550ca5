// The language server in the browser (vscode.dev, github.dev): a web worker started by the browser
// client (client/src/browser/extension.ts), talking over postMessage. The same LSP glue and core as
// on the desktop (node/main.ts); only the repository is read differently, through the client.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from '../lsp/server';
import { clientAccess } from './clientAccess';

// The worker's global scope; the root tsconfig has no WebWorker library, and nothing else needs it.
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const codeLoaded = performance.now();
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(self), new BrowserMessageWriter(self));

// LSP lets a server send requests only once the client has its InitializeResult, and the VS Code
// client installs its handlers (ours for the files among them) only then: the glue starts reading
// the repository while it initializes, so the reads wait for `initialized`.
let markInitialized = () => {};
const initialized = new Promise<void>((resolve) => (markInitialized = resolve));
const onInitialized = connection.onInitialized.bind(connection);
connection.onInitialized = (handler) =>
  onInitialized((params) => {
    markInitialized();
    return handler(params);
  });

startServer(connection, {
  access: clientAccess(connection, initialized, (uri, reason) => connection.console.info(`Minutes: ${uri}: ${reason}`)),
  // A worker's clock starts with the worker.
  started: 0,
  codeLoaded,
  runtime: 'web worker',
});
