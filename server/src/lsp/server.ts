import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  FileChangeType,
  TextDocuments,
  TextDocumentSyncKind,
  ErrorCodes,
  ResponseError,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type Position,
  type InitializeParams,
  type WorkspaceFolder,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analysis } from './analysis';
import { runInSlices, within } from './slices';
import type { RepositoryAccess } from './repositoryAccess';
import { formatDate, codeActions, COMPLETION_TRIGGERS, completions, dateCodeActions, documentLinks, documentSymbols, FIX_ALL_KIND, hover, INSERT_KIND, meetingDate, teamOverview, featureContext, type FeatureContext, type MinutesModel } from '../core';
import { registerCommands } from './commands';
import { Readiness } from './ready';
import { rejectInvalidParams } from './params';
import { today } from '../core/calendar/today';
import { configDiagnostics, toLspDiagnostic } from './convert';
import { readSettings, settingsFromInitialization, type EditorSettings } from './settings';
import { Repositories } from './repositories';
import { ActionItemsRequest, DocumentInfoRequest, TeamsRequest } from '../protocol';
import { openItems } from '../core/workspace/actionSeries';
import { documentInfo } from '../core/features/documentInfo';

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
}

// LSP glue only: every answer comes from the core, on the one model of each document version.
// Platform-independent: `node/main.ts` starts it over IPC or stdio, `browser/main.ts` in a web worker.
export function startServer(connection: Connection, host: ServerHost): void {
  rejectInvalidParams(connection);
  // Timings for the output channel: how long the server took to be of use (see README "Performance").
  // How long after its arrival a request is answered at the latest when its document is still being
  // parsed (see `parsed`); only the first load of the repository may hold it longer.
  const ANSWER_DEADLINE_MS = 900;
  const since = (t: number) => `${Math.round(performance.now() - t)} ms`;
  const processStart = host.started;
  let firstLint: number | undefined = performance.now();
  const documents = new TextDocuments(TextDocument);
  let markInitialized = () => {};
  const initialized = new Promise<void>((resolve) => (markInitialized = resolve));
  const repositories = new Repositories(host.access(initialized));
  const analysis = new Analysis(repositories, (uri) => documents.get(uri));
  // Requests that need the repository wait for its first load instead of answering from nothing.
  const ready = new Readiness();
  const commands = registerCommands(connection, repositories, documents, analysis, ready);
  let capabilities: ClientCapabilities = {};
  let folders: WorkspaceFolder[] = [];
  let pushedSettings: unknown;

  connection.onInitialize((params: InitializeParams) => {
    connection.console.info(
      `Minutes: language server started (${host.runtime}, ${params.clientInfo?.name ?? 'unknown editor'}) in ${since(processStart)}; its code was loaded after ${Math.round(host.codeLoaded - processStart)} ms`,
    );
    capabilities = params.capabilities;
    folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    // Settings the editor sent along (the VS Code client does) spare a round trip: the index is
    // built now, before the first document arrives, and its first check has the whole repository.
    const given = settingsFromInitialization(params.initializationOptions);
    if (given && folders.every((f) => given.has(f.uri))) preloaded = loadWorkspaces(folders, given);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        documentSymbolProvider: { label: 'Minutes' },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, INSERT_KIND] },
        hoverProvider: true,
        documentLinkProvider: { resolveProvider: false },
        executeCommandProvider: { commands },
        ...(pulled() ? { diagnosticProvider: { identifier: 'minutes', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
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
    const loaded = (preloaded ?? loadWorkspaces(folders)).then(() => {
      ready.markDone();
      relintAll(undefined, 0);
    });
    if (capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await connection.client.register(DidChangeConfigurationNotification.type, { section: 'minutes' });
    }
    if (capabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        removed.forEach((f) => repositories.remove(f.uri));
        folders = [...folders.filter((f) => !removed.some((r) => r.uri === f.uri)), ...added];
        void loadWorkspaces(added);
      });
    }
    await loaded;
  });

  // Loads run one after another: a settings change and a folder change must not interleave.
  let preloaded: Promise<void> | undefined;
  /** The settings each folder was last loaded with: an unchanged announcement reloads nothing. */
  const loadedSettings = new Map<string, string>();
  let loading: Promise<void> = Promise.resolve();

  /** Reads settings, config files and file lists; reports config problems once, where they are. */
  function loadWorkspaces(which: WorkspaceFolder[], given?: Map<string, EditorSettings>): Promise<void> {
    loading = loading.then(() => loadNow(which, given)).catch((error) => connection.console.error(`Minutes: loading the workspace failed: ${String(error)}`));
    return loading;
  }

  async function loadNow(which: WorkspaceFolder[], given?: Map<string, EditorSettings>): Promise<void> {
    for (const folder of which) {
      if (!folders.some((f) => f.uri === folder.uri)) continue; // removed while waiting
      const settings = given?.get(folder.uri) ?? (await readSettings(connection, capabilities, folder.uri, pushedSettings));
      if (!folders.some((f) => f.uri === folder.uri)) continue;
      loadedSettings.set(folder.uri, JSON.stringify(settings));
      const loadStart = performance.now();
      const state = await repositories.load(folder.uri, settings.overrides, settings.severities);
      // The roll-ups every check reads, parsed now in slices rather than all at once in the first check.
      await runInSlices(state.workspace.prepare());
      const files = state.workspace.index.datedFolders().reduce((n, f) => n + state.workspace.index.filesIn(f).length, 0);
      connection.console.info(
        `Minutes: ${folder.name}: indexed ${files} dated minutes files in ${since(loadStart)}; ` +
          `config: ${state.configFile.text === undefined ? 'defaults (no .minutes.json)' : '.minutes.json'}${state.errors.length ? ` (not valid, defaults used: ${state.errors.join('; ')})` : ''}` +
          `; weekly roll-ups in ${state.config.weeklyFolder}/, meeting on weekday ${state.config.meetingWeekday}`,
      );
      void connection.sendDiagnostics({ uri: state.workspace.uriOf('.minutes.json'), diagnostics: configDiagnostics(state.configFile) });
      if (state.errors.length) {
        void connection.window.showWarningMessage(`Minutes: the configuration is not valid and the defaults are used: ${state.errors.join('; ')}`);
      }
    }
    if (!folders.length) analysis.severities = (await readSettings(connection, capabilities, '', pushedSettings).catch(() => undefined))?.severities ?? {};
    // The first load checks the open documents at once: nothing to wait for, squiggles are awaited.
    relintAll(undefined, firstLint !== undefined ? 0 : 150);
  }

  // VS Code announces the settings once right after start: a reload then would index everything twice.
  connection.onDidChangeConfiguration(async ({ settings }) => {
    pushedSettings = (settings as { minutes?: unknown } | undefined)?.minutes;
    if (!folders.length) return loadWorkspaces(folders);
    const changed: WorkspaceFolder[] = [];
    for (const folder of folders) {
      const now = await readSettings(connection, capabilities, folder.uri, pushedSettings).catch(() => undefined);
      if (!now || JSON.stringify(now) !== loadedSettings.get(folder.uri) || !repositories.forRoot(folder.uri)) changed.push(folder);
    }
    return changed.length ? loadWorkspaces(changed) : undefined;
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    const reload = new Set<string>();
    const rereads: Array<Promise<void>> = [];
    for (const change of changes) {
      const located = repositories.locate(change.uri);
      if (!located) continue;
      const { state, path } = located;
      if (repositories.isConfigFile(change.uri) && !path.includes('/')) reload.add(state.rootUri);
      else if (change.type === FileChangeType.Deleted) {
        state.texts.delete(path);
        state.workspace.fileDeleted(path);
      } else {
        // The new text is read first; the index learns of the file once it can be read from memory.
        const created = change.type === FileChangeType.Created;
        rereads.push(
          repositories.reread(state, path).then(() => {
            if (created) state.workspace.fileCreated(path);
            else state.workspace.fileChanged(path);
          }),
        );
      }
    }
    if (reload.size) void loadWorkspaces(folders.filter((f) => reload.has(repositories.forRoot(f.uri)?.rootUri ?? '')));
    else void Promise.all(rereads).then(() => relintAll());
  });

  /**
   * A document and the model of its current version for a request, if that model is ready by
   * ANSWER_DEADLINE_MS after the request came: a huge document is parsed in slices meanwhile, and the
   * request gets no answer rather than wait (diagnostics are refreshed once it is ready).
   */
  async function parsed(uri: string, token?: CancellationToken): Promise<{ document: TextDocument; model: MinutesModel } | undefined> {
    // How a document reads depends on its repository's config: nothing is parsed before that is loaded,
    // and the deadline counts from then (a busy machine's first load may take long; it is waited for).
    await ready.wait(token);
    const arrived = performance.now();
    const document = documents.get(uri);
    if (!document) return undefined;
    const left = Math.max(50, ANSWER_DEADLINE_MS - (performance.now() - arrived));
    const model = analysis.ready(document) ?? (await within(analysis.model(document), left));
    const now = documents.get(uri);
    return model && now && !token?.isCancellationRequested ? { document: now, model } : undefined;
  }

  connection.onDocumentSymbol(async ({ textDocument }, token) => {
    const found = await parsed(textDocument.uri, token);
    return found ? documentSymbols(found.model) : null;
  });

  /** What the features read besides a document: its repository's config and files, the calendar, today. */
  function contextOf(uri: string): FeatureContext {
    return featureContext(repositories.configOf(uri), repositories.of(uri)?.workspace, today());
  }

  /** A position inside the document: editors may send stale ones, answers must not point outside. */
  function clamp(document: TextDocument, position: Position): Position {
    if (position.line < 0 || position.character < 0) throw new ResponseError(ErrorCodes.InvalidParams, 'positions cannot be negative');
    return document.positionAt(document.offsetAt(position));
  }

  connection.onCompletion(async ({ textDocument, position: given }, token) => {
    const found = await parsed(textDocument.uri, token);
    if (!found) return null;
    const position = clamp(found.document, given);
    return completions(found.model, position, contextOf(textDocument.uri));
  });

  connection.onCodeAction(async ({ textDocument, range: given, context }, token) => {
    const found = await parsed(textDocument.uri, token);
    if (!found) return null;
    const range = { start: clamp(found.document, given.start), end: clamp(found.document, given.end) };
    const canRename = capabilities.workspace?.workspaceEdit?.resourceOperations?.includes('rename') ?? false;
    const fixes = codeActions(textDocument.uri, analysis.findingsOf(found.model), range, context.only, { canRename });
    const asked = context.only?.some((k) => INSERT_KIND.startsWith(k));
    const inserts = context.only && !asked ? [] : dateCodeActions(found.model, range.start, contextOf(textDocument.uri), asked);
    return [...fixes, ...inserts];
  });

  connection.onHover(async ({ textDocument, position: given }, token) => {
    const found = await parsed(textDocument.uri, token);
    if (!found) return null;
    const position = clamp(found.document, given);
    return hover(found.model, position, contextOf(textDocument.uri));
  });

  connection.onDocumentLinks(async ({ textDocument }, token) => {
    const found = await parsed(textDocument.uri, token);
    return found ? documentLinks(found.model, repositories.of(textDocument.uri)?.workspace) : null;
  });

  connection.onRequest(TeamsRequest, async ({ uri }, token) => {
    const found = await parsed(uri, token);
    if (!found) return null;
    const meeting = meetingDate(found.model, repositories.configOf(uri), repositories.of(uri)?.workspace, today());
    return teamOverview(found.model, analysis.findingsOf(found.model), { meetingDate: meeting });
  });

  connection.onRequest(ActionItemsRequest, async (token) => {
    await ready.wait(token);
    const day = today();
    return repositories.all().flatMap((state) =>
      openItems(state.workspace, day).map((o) => ({ owners: o.item.owners, text: o.item.text, series: o.series, raised: formatDate(o.raised), ageDays: o.ageDays, uri: state.workspace.uriOf(o.file.path), line: o.item.line })),
    );
  });

  connection.onRequest(DocumentInfoRequest, async ({ uri }, token) => {
    const found = await parsed(uri, token);
    return found ? documentInfo(found.model, repositories.configOf(uri), repositories.of(uri)?.workspace.relativePath(uri)) : null;
  });

  /** The diagnostics of a parsed model, as the client shows them. */
  function diagnosticsOf(model: MinutesModel): Diagnostic[] {
    const related = capabilities.textDocument?.publishDiagnostics?.relatedInformation ?? capabilities.textDocument?.diagnostic?.relatedInformation ?? false;
    const lintStart = performance.now();
    const pathOf = (uri: string) => repositories.of(uri)?.workspace.relativePath(uri);
    const diagnostics = analysis.findingsOf(model).map((f) => toLspDiagnostic(f, related, model.uri, pathOf));
    if (firstLint !== undefined && repositories.of(model.uri)) {
      connection.console.info(`Minutes: first check (${diagnostics.length} findings) in ${since(lintStart)}; ${since(processStart)} after the server process started`);
      firstLint = undefined;
    }
    return diagnostics;
  }

  // Pull diagnostics (LSP 3.17) where the editor asks for them and can be told to ask again; else pushed.
  const pulled = () => capabilities.textDocument?.diagnostic !== undefined && capabilities.workspace?.diagnostics?.refreshSupport === true;

  /** Pushes the diagnostics of a document's current version, once it is parsed (not at all when pulled). */
  async function publish(document: TextDocument): Promise<void> {
    if (pulled()) return;
    const model = await analysis.model(document);
    // A newer version came meanwhile: its own publication follows.
    if (!model || documents.get(document.uri)?.version !== model.version) return;
    if (useEditorModel(model)) relintAll(document.uri);
    void connection.sendDiagnostics({ uri: document.uri, version: model.version, diagnostics: diagnosticsOf(model) });
  }

  connection.languages.diagnostics.on(async ({ textDocument }, token) => {
    await ready.wait(token);
    const document = documents.get(textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const found = await parsed(textDocument.uri, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    if (!found) {
      // Still being parsed: the editor asks again when it is done.
      void analysis.model(document).then(() => connection.languages.diagnostics.refresh());
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document is still being read', { retriggerRequest: false });
    }
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnosticsOf(found.model) };
  });

  // Other open documents depend on this one (an earlier roll-up, linked minutes): re-check them soon.
  let relintTimer: ReturnType<typeof setTimeout> | undefined;
  function relintAll(except?: string, delay = 150): void {
    clearTimeout(relintTimer);
    relintTimer = setTimeout(() => void relintNow(except), delay);
  }

  async function relintNow(except?: string): Promise<void> {
    // Roll-ups changed on disk are parsed again in slices here, not at once in the first check that reads them.
    for (const state of repositories.all()) await runInSlices(state.workspace.prepare());
    if (pulled()) {
      void connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of documents.all()) {
      if (document.uri === except) continue;
      publish(document).catch((error: unknown) => connection.console.error(`Minutes: checking ${document.uri} failed: ${String(error)}`));
    }
  }

  documents.onDidChangeContent(({ document }) => void documentChanged(document));

  async function documentChanged(document: TextDocument): Promise<void> {
    await ready.wait();
    const model = await analysis.model(document);
    // A newer version came meanwhile: its own change does what follows.
    if (!model || model.version !== document.version) return;
    // The repository sees the new text as the editor's model (parsed once); then it is checked.
    const changed = useEditorModel(model);
    void publish(document);
    if (changed) relintAll(document.uri);
  }

  /** Gives the repository an open document's model; true when that changes what other documents read. */
  function useEditorModel(model: MinutesModel): boolean {
    const located = repositories.locate(model.uri);
    if (!located?.state.workspace.index.has(located.path)) return false;
    const before = located.state.workspace.generation;
    located.state.workspace.fileChanged(located.path, model);
    return located.state.workspace.generation !== before;
  }

  // Editors that send no file events (Neovim) still tell us about files they save: index those.
  documents.onDidSave(({ document }) => {
    const located = repositories.locate(document.uri);
    if (located && !located.state.workspace.index.has(located.path)) {
      located.state.texts.set(located.path, document.getText());
      located.state.workspace.fileCreated(located.path);
      relintAll();
    }
  });

  documents.onDidClose(({ document }) => {
    analysis.forget(document.uri);
    const located = repositories.locate(document.uri);
    if (located) {
      // Its unsaved text is gone: others now read the file on disk.
      const { state, path } = located;
      void repositories.reread(state, path).then(() => {
        state.workspace.fileChanged(path);
        relintAll(document.uri);
      });
    }
    void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  documents.listen(connection);
  connection.listen();
}
