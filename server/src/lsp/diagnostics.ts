import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type ClientCapabilities, type Connection, type Diagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MinutesModel } from '../core';
import { PULLED_DIAGNOSTICS } from '../protocol';
import type { Analysis } from './analysis';
import { toLspDiagnostic } from './convert';
import type { Readiness } from './ready';
import type { Repositories } from './repositories';
import type { RequestModel } from './requestModel';
import { nextTurn, runInSlices } from './slices';
import { since } from './timing';

/**
 * The diagnostics of the open documents: pulled (LSP 3.17 `textDocument/diagnostic`) where the editor
 * asks for them and can be told to ask again, else pushed; and the re-check of the other open
 * documents when one they depend on changes (an earlier roll-up, linked minutes, the config).
 */
export class Diagnostics {
  private capabilities: ClientCapabilities = {};
  private relintTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the first check with a repository was done (and logged). */
  private checkedOnce = false;
  private markCacheRead!: () => void;
  /** Resolves once what `minutes-lint --cache` found is read (see cachedFindingsRead): pulls waiting for the first check take it. */
  private readonly cacheRead = new Promise<void>((resolve) => (this.markCacheRead = resolve));

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly repositories: Repositories,
    private readonly analysis: Analysis,
    private readonly ready: Readiness,
    private readonly parsed: RequestModel,
    private readonly processStart: number,
  ) {}

  /** Takes the client's capabilities; gives the server capability that announces pull diagnostics, if pulled. */
  initialize(capabilities: ClientCapabilities): { diagnosticProvider?: { identifier: string; interFileDependencies: boolean; workspaceDiagnostics: boolean } } {
    this.capabilities = capabilities;
    return this.pulled() ? { diagnosticProvider: { identifier: PULLED_DIAGNOSTICS, interFileDependencies: true, workspaceDiagnostics: false } } : {};
  }

  private pulled(): boolean {
    return this.capabilities.textDocument?.diagnostic !== undefined && this.capabilities.workspace?.diagnostics?.refreshSupport === true;
  }

  /** Answers `textDocument/diagnostic`. */
  listen(): void {
    this.connection.languages.diagnostics.on(async ({ textDocument }, token) => {
      // What `minutes-lint --cache` found, if that comes first; the editor is asked to pull again once the repository is checked (see relintNow).
      await Promise.race([this.ready.wait(token), this.cacheRead]);
      const opened = this.documents.get(textDocument.uri);
      const cached = opened && this.cachedDiagnostics(opened);
      if (cached) return { kind: DocumentDiagnosticReportKind.Full, items: cached };
      await this.ready.wait(token);
      const document = this.documents.get(textDocument.uri);
      if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const found = await this.parsed(textDocument.uri, token);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      if (!found) {
        // Still being parsed: the editor asks again when it is done; meanwhile a big document's first part is what is known.
        void this.analysis.model(document).then(() => this.connection.languages.diagnostics.refresh());
        const firstLook = this.analysis.firstLook(document);
        if (firstLook) return { kind: DocumentDiagnosticReportKind.Full, items: await this.diagnosticsOf(firstLook) };
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document is still being read', { retriggerRequest: false });
      }
      return { kind: DocumentDiagnosticReportKind.Full, items: await this.diagnosticsOf(found.model) };
    });
  }

  /** A document's new version: the repository sees it as the editor's model (parsed once); then it is checked. */
  async documentChanged(document: TextDocument): Promise<void> {
    if (!this.ready.done && !this.pulled()) this.pushCached(document);
    await this.ready.wait();
    const model = await this.analysis.model(document);
    // Requests that waited for this model are answered first (checking it takes a while, at once).
    if (model) await nextTurn();
    // A newer version came meanwhile: its own change does what follows.
    if (!model || model.version !== document.version) return;
    const changed = this.repositories.editorChanged(model);
    void this.publish(document);
    if (changed) this.relintAll(document.uri);
  }

  /**
   * The first part of a big document is read (see Analysis.firstLookTaken): its findings are shown
   * while the rest is read (pushed, or pulled again), unless its whole model came first.
   */
  async firstLookTaken(model: MinutesModel): Promise<void> {
    if (this.pulled()) return void this.connection.languages.diagnostics.refresh();
    const diagnostics = await this.diagnosticsOf(model);
    const document = this.documents.get(model.uri);
    if (document?.version === model.version && !this.analysis.ready(document)) void this.connection.sendDiagnostics({ uri: model.uri, version: model.version, diagnostics });
  }

  /**
   * What `minutes-lint --cache` found is read (see Repositories.cachedFindings): the open documents it
   * holds for show those findings until the repository's first check, which in a big repository waits
   * seconds for its roll-ups to be parsed. Pulls waiting meanwhile are answered with them.
   */
  cachedFindingsRead(): void {
    this.markCacheRead();
    if (!this.pulled()) for (const document of this.documents.all()) this.pushCached(document);
  }

  private pushCached(document: TextDocument): void {
    const diagnostics = this.cachedDiagnostics(document);
    if (diagnostics) void this.connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  }

  /** A document's diagnostics from `minutes-lint --cache`, before the first check, where they hold for its text (see Analysis.cachedFindings). */
  private cachedDiagnostics(document: TextDocument): Diagnostic[] | undefined {
    // Every pull asks: after the first check, no open document's text is compared.
    if (this.ready.done) return undefined;
    // A document with unsaved text (restored by the editor) is what other documents' checks read, not its file.
    const asRead = this.documents.all().every((d) => this.repositories.asRead(d.uri, d.getText()));
    const findings = asRead ? this.analysis.cachedFindings(document) : undefined;
    if (!findings) return undefined;
    this.connection.console.info(`Minutes: ${findings.length} findings of ${document.uri} from minutes-lint's cache, until the repository is checked`);
    return findings.map((f) => toLspDiagnostic(f, this.relatedSupported(), document.uri, this.pathOf));
  }

  /** A closed document shows no findings. */
  closed(uri: string): void {
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** After a load: the first one checks the open documents at once (squiggles are awaited), later ones soon. */
  loaded(): void {
    this.relintAll(undefined, this.checkedOnce ? 150 : 0);
  }

  /** Other open documents depend on one that changed: re-check them soon (all but `except`). */
  relintAll(except?: string, delay = 150): void {
    clearTimeout(this.relintTimer);
    this.relintTimer = setTimeout(() => void this.relintNow(except), delay);
  }

  private async relintNow(except?: string): Promise<void> {
    // Roll-ups changed on disk are parsed again in slices here, not at once in the first check that reads them.
    for (const state of this.repositories.all()) await runInSlices(state.workspace.prepare());
    if (this.pulled()) {
      void this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const document of this.documents.all()) {
      if (document.uri === except) continue;
      this.publish(document).catch((error: unknown) => this.connection.console.error(`Minutes: checking ${document.uri} failed: ${String(error)}`));
    }
  }

  /** Pushes the diagnostics of a document's current version, once it is parsed (not at all when pulled). */
  private async publish(document: TextDocument): Promise<void> {
    if (this.pulled()) return;
    const model = await this.analysis.model(document);
    // A newer version came meanwhile: its own publication follows.
    if (!model || this.documents.get(document.uri)?.version !== model.version) return;
    if (this.repositories.editorChanged(model)) this.relintAll(document.uri);
    const diagnostics = await this.diagnosticsOf(model);
    // A newer version came while it was checked: its own publication follows.
    if (this.documents.get(document.uri)?.version !== model.version) return;
    void this.connection.sendDiagnostics({ uri: document.uri, version: model.version, diagnostics });
  }

  /** The diagnostics of a parsed model, as the client shows them. */
  private async diagnosticsOf(model: MinutesModel): Promise<Diagnostic[]> {
    const lintStart = performance.now();
    const related = this.relatedSupported();
    const diagnostics = (await this.analysis.findings(model)).map((f) => toLspDiagnostic(f, related, model.uri, this.pathOf));
    if (!this.checkedOnce && this.repositories.of(model.uri)) {
      this.connection.console.info(`Minutes: first check (${diagnostics.length} findings) in ${since(lintStart)}; ${since(this.processStart)} after the server process started`);
      this.checkedOnce = true;
    }
    return diagnostics;
  }

  private relatedSupported(): boolean {
    return this.capabilities.textDocument?.publishDiagnostics?.relatedInformation ?? this.capabilities.textDocument?.diagnostic?.relatedInformation ?? false;
  }

  private readonly pathOf = (uri: string) => this.repositories.of(uri)?.workspace.relativePath(uri);
}
