import type { ClientCapabilities, Connection, InitializeParams, WorkDoneProgressServerReporter, WorkspaceFolder } from 'vscode-languageserver';
import type { Analysis } from './analysis';
import { configDiagnostics } from './convert';
import type { Repositories, Repository } from './repositories';
import { readSettings, settingsFromInitialization, type EditorSettings } from './settings';
import { runInSlices } from './slices';
import { since } from './timing';

/** What the rest of the server hears of a load. */
export interface LoadListeners {
  /** After every load: the open documents are checked again. */
  loaded(): void;
  /** Once the folders of a load are listed and read, before their roll-ups are parsed (see loadFolders). */
  indexed(): void;
  /** Once what `minutes-lint --cache` found in a folder is read, before the load ends (see Repositories.cachedFindings). */
  cachedFindingsRead(): void;
}

/**
 * The workspace folders and the settings they were loaded with: loads them (settings, config file,
 * file list and texts, then the roll-ups parsed in slices), again when the settings, the folders or
 * a config file change. Loads run one after another: a settings change and a folder change must not
 * interleave.
 */
export class WorkspaceLoader {
  private folders: WorkspaceFolder[] = [];
  private capabilities: ClientCapabilities = {};
  /** The settings last pushed with `workspace/didChangeConfiguration`, for clients that cannot be asked. */
  private pushedSettings: unknown;
  /** The settings each folder was last loaded with: an unchanged announcement reloads nothing. */
  private readonly loadedSettings = new Map<string, string>();
  /** The config files whose diagnostics were sent: a deleted one gets its diagnostics cleared. */
  private readonly configsDiagnosed = new Set<string>();
  private loading: Promise<void> = Promise.resolve();
  /** Whether a load has finished: the repository has been checked since. */
  private loadedOnce = false;
  private preloaded: Promise<void> | undefined;
  private announceReady!: () => void;
  /** Resolved once the client is initialized (see loadFirst): requests to it may be sent from then on. */
  private readonly clientReady = new Promise<void>((resolve) => (this.announceReady = resolve));

  constructor(
    private readonly connection: Connection,
    private readonly repositories: Repositories,
    private readonly analysis: Analysis,
    private readonly heard: LoadListeners,
  ) {}

  /**
   * Takes the folders and capabilities. Settings the editor sent along (the VS Code client does) spare
   * a round trip: the index is built now, before the first document arrives, and its first check has
   * the whole repository.
   */
  initialize(params: InitializeParams): void {
    this.capabilities = params.capabilities;
    this.folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    const given = settingsFromInitialization(params.initializationOptions);
    if (given && this.folders.every((f) => given.has(f.uri))) this.preloaded = this.load(this.folders, given);
  }

  /** The first load, once the client is initialized: the one started at `initialize`, else one started now. */
  loadFirst(): Promise<void> {
    this.announceReady();
    return this.preloaded ?? this.load(this.folders);
  }

  foldersChanged(added: WorkspaceFolder[], removed: WorkspaceFolder[]): void {
    removed.forEach((f) => this.repositories.remove(f.uri));
    this.folders = [...this.folders.filter((f) => !removed.some((r) => r.uri === f.uri)), ...added];
    void this.load(added);
  }

  /** VS Code announces the settings once right after start: a reload then would index everything twice. */
  async settingsChanged(settings: unknown): Promise<void> {
    this.pushedSettings = (settings as { minutes?: unknown } | undefined)?.minutes;
    if (!this.folders.length) return this.load(this.folders);
    const changed: WorkspaceFolder[] = [];
    for (const folder of this.folders) {
      const now = await readSettings(this.connection, this.capabilities, folder.uri, this.pushedSettings).catch(() => undefined);
      if (!now || JSON.stringify(now) !== this.loadedSettings.get(folder.uri) || !this.repositories.forRoot(folder.uri)) changed.push(folder);
    }
    return changed.length ? this.load(changed) : undefined;
  }

  /** Loads again the folders of these repositories (their config file changed). */
  reload(rootUris: Set<string>): void {
    void this.load(this.folders.filter((f) => rootUris.has(this.repositories.forRoot(f.uri)?.rootUri ?? '')));
  }

  /** Reads settings, config files and file lists; reports config problems once, where they are. */
  private load(which: WorkspaceFolder[], given?: Map<string, EditorSettings>): Promise<void> {
    this.loading = this.loading.then(() => this.loadNow(which, given)).catch((error) => this.connection.console.error(`Minutes: loading the workspace failed: ${String(error)}`));
    return this.loading;
  }

  private async loadNow(which: WorkspaceFolder[], given?: Map<string, EditorSettings>): Promise<void> {
    let finished = false;
    // No request to the client before it has the initialize result: a load started at initialize shows its progress once the client is ready.
    const progress = which.length ? this.clientReady.then(() => (finished ? undefined : this.showProgress(which))) : undefined;
    try {
      await this.loadFolders(which, given);
    } finally {
      finished = true;
      void progress?.then((reporter) => reporter?.done());
    }
  }

  /**
   * A work-done progress in the editor while folders are read, where the client shows one. Not
   * awaited by the load: a client slow to answer must not delay it.
   */
  private showProgress(which: WorkspaceFolder[]): Promise<WorkDoneProgressServerReporter | undefined> {
    return this.connection.window.createWorkDoneProgress().then(
      (reporter) => {
        reporter.begin('Minutes', undefined, `reading ${which.map((f) => f.name).join(', ')}`);
        return reporter;
      },
      () => undefined,
    );
  }

  private async loadFolders(which: WorkspaceFolder[], given?: Map<string, EditorSettings>): Promise<void> {
    const present = (folder: WorkspaceFolder) => this.folders.some((f) => f.uri === folder.uri);
    const listed: Array<{ folder: WorkspaceFolder; state: Repository; loadStart: number }> = [];
    for (const folder of which) {
      if (!present(folder)) continue; // removed while waiting
      const settings = given?.get(folder.uri) ?? (await readSettings(this.connection, this.capabilities, folder.uri, this.pushedSettings));
      if (!present(folder)) continue;
      this.loadedSettings.set(folder.uri, JSON.stringify(settings));
      const loadStart = performance.now();
      // What `minutes-lint --cache` found is of use before the first check only.
      listed.push({ folder, state: await this.repositories.load(folder.uri, settings.overrides, settings.severities, settings.showSuppressed, !this.loadedOnce), loadStart });
    }
    // Every folder's files are known now: what needs no check (hovers, the outline) can be answered.
    this.heard.indexed();
    for (const { folder, state, loadStart } of listed) {
      // The roll-ups every check reads, parsed now in slices rather than all at once in the first check;
      // meanwhile the reading thread hashes the repository for the CLI's cache, shown once read, before the first check.
      await Promise.all([runInSlices(state.workspace.prepare()), state.cliFindingsRead?.then(() => this.heard.cachedFindingsRead())]);
      const files = state.workspace.index.datedFolders().reduce((n, f) => n + state.workspace.index.filesIn(f).length, 0);
      this.connection.console.info(
        `Minutes: ${folder.name}: indexed ${files} dated minutes files in ${since(loadStart)}; ` +
          `config: ${state.configFile.text === undefined ? 'defaults (no .minutes.json)' : '.minutes.json'}${state.errors.length ? ` (not valid, defaults used: ${state.errors.join('; ')})` : ''}` +
          `; weekly roll-ups in ${state.config.weeklyFolder}/, meeting on weekday ${state.config.meetingWeekday}`,
      );
      // Diagnostics of a config file that exists (or existed): none for one the folder never had.
      const configUri = state.workspace.uriOf('.minutes.json');
      if (state.configFile.text !== undefined || this.configsDiagnosed.delete(configUri)) {
        void this.connection.sendDiagnostics({ uri: configUri, diagnostics: configDiagnostics(state.configFile) });
        if (state.configFile.text !== undefined) this.configsDiagnosed.add(configUri);
      }
      if (state.suppressionsError) void this.connection.window.showWarningMessage(`Minutes: ${state.suppressionsError}; no findings are suppressed until it is fixed.`);
      if (state.errors.length) {
        void this.connection.window.showWarningMessage(`Minutes: the configuration is not valid and the defaults are used: ${state.errors.join('; ')}`);
      }
    }
    if (!this.folders.length) this.analysis.severities = (await readSettings(this.connection, this.capabilities, '', this.pushedSettings).catch(() => undefined))?.severities ?? {};
    this.loadedOnce = true;
    this.heard.loaded();
  }
}
