import { CodeActionKind, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind, type ClientCapabilities, type Connection, type InitializeParams } from 'vscode-languageserver';
import { COMPLETION_TRIGGERS, FIX_ALL_KIND, INSERT_KIND, type CalendarParser } from '../core';
import { Analysis } from './analysis';
import { ChangeQueue } from './changeQueue';
import { registerCommands } from './commands';
import { Diagnostics } from './diagnostics';
import { registerFeatures } from './features';
import { registerSeriesRequest } from './seriesRequest';
import { WorkspaceLoader } from './loading';
import { rejectInvalidParams } from './params';
import { pendingEdits } from './pendingEdits';
import { Readiness } from './ready';
import { Repositories } from './repositories';
import type { RepositoryAccess } from './repositoryAccess';
import { outlineModel, requestModel } from './requestModel';
import { since } from './timing';

/** What the platform tells the server about itself: its process, for the log. */
export interface ServerHost {
  /**
   * Where the repository's files come from. An access that asks the client must wait for
   * `initialized`: LSP lets a server send requests only once the client has its InitializeResult,
   * and the glue starts reading the repository while it initializes.
   */
  access: (initialized: Promise<void>) => RepositoryAccess;
  /** `performance.now()` when the process (or worker) started, and when the server's code was loaded. */
  started: number;
  codeLoaded: number;
  /** One line about the runtime for the log (`pid 123, Node v20`). */
  runtime: string;
  /** Reads calendar files (core/calendars.ts): bundled on the desktop, loaded on demand in the browser. */
  parseCalendar: CalendarParser;
}

// LSP glue only, and here only the wiring: each piece of state has one owner. The repositories own
// the files' texts, the index and the editors' models in it (repositories.ts); the loader owns the
// folders and their settings (loading.ts); the analysis owns one model per document version
// (analysis.ts); diagnostics are pushed or pulled in diagnostics.ts; every answer comes from the core.
// Platform-independent: `node/main.ts` starts it over IPC or stdio, `browser/main.ts` in a web worker.
export function startServer(connection: Connection, host: ServerHost): void {
  // Before any handler is registered: each then gets only params of its shape.
  rejectInvalidParams(connection);
  const documents = new TextDocuments(pendingEdits);
  let markInitialized = () => {};
  const initialized = new Promise<void>((resolve) => (markInitialized = resolve));
  const repositories = new Repositories(host.access(initialized));
  const analysis = new Analysis(repositories, (uri) => documents.get(uri));
  // Requests that need the repository wait for its first load instead of answering from nothing.
  const ready = new Readiness();
  const parsed = requestModel(ready, documents, analysis);
  // Hovers, the outline and links need the files listed, not the roll-ups read: a big repository answers them sooner.
  const listed = new Readiness();
  const parsedOnceListed = requestModel(listed, documents, analysis);
  const outlined = outlineModel(parsedOnceListed, documents, analysis);
  const diagnostics = new Diagnostics(connection, documents, repositories, analysis, ready, parsed, host.started);
  analysis.firstLookTaken = (model) => diagnostics.firstLookTaken(model);
  const loader = new WorkspaceLoader(connection, repositories, analysis, { loaded: () => diagnostics.loaded(), indexed: () => listed.markDone(), cachedFindingsRead: () => diagnostics.cachedFindingsRead() });
  const commands = registerCommands(connection, repositories, documents, analysis, ready, host.parseCalendar);
  let capabilities: ClientCapabilities = {};
  registerFeatures(connection, { repositories, analysis, ready, parsed, parsedOnceListed, outlined, canRename: () => capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('rename') ?? false });
  registerSeriesRequest(connection, repositories, ready, host.parseCalendar);
  diagnostics.listen();

  connection.onInitialize((params: InitializeParams) => {
    connection.console.info(
      `Minutes: language server started (${host.runtime}, ${params.clientInfo?.name ?? 'unknown editor'}) in ${since(host.started)}; its code was loaded after ${Math.round(host.codeLoaded - host.started)} ms`,
    );
    capabilities = params.capabilities;
    loader.initialize(params);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Minutes' },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, INSERT_KIND] },
        hoverProvider: true,
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands },
        ...diagnostics.initialize(params.capabilities),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'minutes-language-server' },
    };
  });

  connection.onInitialized(async () => {
    markInitialized();
    // The index first: the squiggles wait for it, the registration below is a round trip to a busy editor.
    // Ready as soon as the repository is read (not after the registration round trip below), and every
    // document opened meanwhile is checked then.
    const loaded = loader.loadFirst().then(() => {
      listed.markDone();
      ready.markDone();
      diagnostics.relintAll(undefined, 0);
    });
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'minutes' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => loader.foldersChanged(added, removed));
    }
    await loaded;
  });

  connection.onDidChangeConfiguration(({ settings }) => loader.settingsChanged(settings));

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const { configChanged, reread } = repositories.filesChanged(changes);
    if (configChanged.size) loader.reload(configChanged);
    else void reread.then(() => diagnostics.relintAll());
  });

  // Only the newest version of a document is worked on, once a burst of changes is taken in (see ChangeQueue).
  const changes = new ChangeQueue(async (uri) => {
    const document = documents.get(uri);
    if (document) await diagnostics.documentChanged(document).catch((error: unknown) => connection.console.error(`Minutes: checking ${uri} failed: ${String(error)}`));
  });
  documents.onDidChangeContent(({ document }) => changes.changed(document.uri));

  // Editors that send no file events (Neovim) still tell us about files they save: index those.
  documents.onDidSave(({ document }) => {
    if (repositories.editorSaved(document.uri, document.getText())) diagnostics.relintAll();
  });

  documents.onDidClose(({ document }) => {
    analysis.forget(document.uri);
    // Its unsaved text is gone: others now read the file on disk.
    void repositories.editorClosed(document.uri).then((inRepository) => inRepository && diagnostics.relintAll(document.uri));
    diagnostics.closed(document.uri);
  });

  documents.listen(connection);
  connection.listen();
}
