import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { CONFIG_FILE_NAME, configFileOf, DEFAULT_CONFIG, MinutesWorkspace, parseSuppressions, readConfigText, resolveConfig, SUPPRESSIONS_FILE_NAME, today, type ConfigFile, type Finding, type LoadedConfig, type MinutesConfig, type MinutesModel, type SeverityOverrides, type Suppressions } from '../core';
import type { RepositoryAccess } from './repositoryAccess';

/** Settings from the editor that override `.minutes.json`; unset ones are null. */
export type SettingsOverrides = Partial<Record<keyof MinutesConfig, unknown>>;

/** A workspace folder as a minutes repository: its files as the core sees them (`workspace`), its config. */
export interface Repository {
  rootUri: string;
  workspace: MinutesWorkspace;
  config: MinutesConfig;
  configFile: ConfigFile;
  /** Why the config file or the settings were not used (the defaults are then in force). */
  errors: string[];
  /** The folder's `minutes.rules` settings. */
  severities: SeverityOverrides;
  /** The findings recorded in `minutes-suppressions.json` (as `minutes-lint --suppress-all` wrote it): shown as hints. */
  suppressions: Suppressions;
  /** Why that file was not used, if it is not a suppressions file. */
  suppressionsError?: string;
  /** Counts the readings of that file: findings computed before the last one are stale. */
  suppressionsRead: number;
  /** The `minutes.showSuppressed` setting: false leaves suppressed findings out. */
  showSuppressed: boolean;
  /** Resolves once what `minutes-lint --cache` found is read (hashing the repository takes a while), if it is to be used. */
  cliFindingsRead?: Promise<void>;
}

interface LoadedRepository extends Repository {
  /** The texts of the repository's Markdown files as last read, by path: what the core reads (open editors aside). */
  texts: Map<string, string>;
  /** What `minutes-lint --cache` found that still holds for the files as read, by path, once read (see cachedFindings). */
  cliFindings?: Record<string, Finding[]>;
}

/**
 * The minutes repositories open in the editor, one per workspace folder, each with its config
 * (`.minutes.json`, then the editor's settings) and its index, kept current from file events and
 * the editor's documents. The texts read from disk and the index move together, here only: every
 * change of one goes through a method below that updates the other.
 */
export class Repositories {
  private readonly states = new Map<string, LoadedRepository>();

  constructor(readonly access: RepositoryAccess) {}

  /**
   * (Re)reads a folder: its config file, the list of its Markdown files and their texts, all
   * asynchronously. The core then reads those texts from memory; the text of a file open in an
   * editor comes as the editor's model, once it is parsed (see `MinutesWorkspace.fileChanged`).
   */
  async load(rootUri: string, settings: SettingsOverrides, severities: SeverityOverrides = {}, showSuppressed = true, reuseCliCache = false): Promise<Repository> {
    const root = URI.parse(rootUri);
    const configLocation = Utils.joinPath(root, CONFIG_FILE_NAME);
    const configUri = configLocation.toString();
    const suppressionsUri = Utils.joinPath(root, SUPPRESSIONS_FILE_NAME).toString();
    const [paths, [configText, suppressionsText]] = await Promise.all([this.access.listMarkdownFiles(rootUri), this.access.readTexts([configUri, suppressionsUri])]);
    const configFile = configFileOf(root.scheme === 'file' ? configLocation.fsPath : configUri, configText);
    const merged = mergeSettings(configFile, settings);
    const texts = new Map<string, string>();
    const reading = this.access.readTexts(paths.map((p) => Utils.joinPath(root, ...p.split('/')).toString()));
    // Indexed by name while the texts are read (nothing asks it before they are).
    const workspace = new MinutesWorkspace(rootUri, { readFile: (path) => texts.get(path) }, merged.config, paths);
    const read = await reading;
    paths.forEach((path, i) => read[i] !== undefined && texts.set(path, read[i]));
    const state: LoadedRepository = { rootUri: workspace.rootUri, workspace, config: merged.config, configFile, errors: merged.errors, severities, texts, suppressions: {}, suppressionsRead: 0, showSuppressed };
    useSuppressions(state, suppressionsText);
    // The CLI's findings are of `.minutes.json` alone: settings that change the config or the rules' severities make others.
    if (reuseCliCache && this.access.cachedFindings && merged === configFile && !Object.keys(severities).length) {
      state.cliFindingsRead = this.access.cachedFindings(rootUri, configFile, today()).then(
        (found) => void (state.cliFindings = found),
        () => undefined,
      );
    }
    this.states.set(state.rootUri, state);
    return state;
  }

  /** Whether a document's text is its file's as read (one outside any repository counts as such). */
  asRead(uri: string, text: string): boolean {
    const located = this.locateLoaded(uri);
    return !located || located.state.texts.get(located.path) === text;
  }

  /**
   * What `minutes-lint --cache` found in a document at start-up, while its text is the file's as read
   * and the cache still holds for it: the findings a check would give, before the repository's first
   * check is possible (its roll-ups parsed).
   */
  cachedFindings(uri: string, text: string): Finding[] | undefined {
    const located = this.locateLoaded(uri);
    const found = located?.state.cliFindings?.[located.path];
    return found && this.asRead(uri, text) ? found : undefined;
  }

  /**
   * Files created, changed or deleted outside the editor (`workspace/didChangeWatchedFiles`): each
   * new text is read first, and the index learns of the file once it can be read from memory. Gives
   * the repositories whose config file changed (to be loaded again) and when the rereads are done.
   */
  filesChanged(changes: FileEvent[]): { configChanged: Set<string>; reread: Promise<void> } {
    const configChanged = new Set<string>();
    const rereads: Array<Promise<void>> = [];
    for (const change of changes) {
      const located = this.locateLoaded(change.uri);
      if (!located) continue;
      const { state, path } = located;
      // The CLI's findings held for the files as they were read.
      state.cliFindings = undefined;
      if (this.isConfigFile(change.uri) && !path.includes('/')) configChanged.add(state.rootUri);
      else if (this.isSuppressionsFile(change.uri) && !path.includes('/')) rereads.push(this.rereadSuppressions(state));
      else if (change.type === FileChangeType.Deleted) {
        state.texts.delete(path);
        state.workspace.fileDeleted(path);
      } else {
        const created = change.type === FileChangeType.Created;
        rereads.push(this.reread(state, path).then(() => (created ? state.workspace.fileCreated(path) : state.workspace.fileChanged(path))));
      }
    }
    return { configChanged, reread: Promise.all(rereads).then(() => undefined) };
  }

  /** An open document's new model: the repository reads it (parsed once) instead of the file; true when that changes what other documents read. */
  editorChanged(model: MinutesModel): boolean {
    const located = this.locate(model.uri);
    if (!located?.state.workspace.index.has(located.path)) return false;
    const before = located.state.workspace.generation;
    located.state.workspace.fileChanged(located.path, model);
    return located.state.workspace.generation !== before;
  }

  /** A document the editor saved: a file the index lacks (editors that send no file events, Neovim) is indexed; true if so. */
  editorSaved(uri: string, text: string): boolean {
    const located = this.locateLoaded(uri);
    if (!located || located.state.workspace.index.has(located.path)) return false;
    located.state.texts.set(located.path, text);
    located.state.workspace.fileCreated(located.path);
    return true;
  }

  /** A document closed: its unsaved text is gone, and the file on disk is read again. Resolves true if it is in a repository. */
  async editorClosed(uri: string): Promise<boolean> {
    const located = this.locateLoaded(uri);
    if (!located) return false;
    await this.reread(located.state, located.path);
    located.state.workspace.fileChanged(located.path);
    return true;
  }

  /** Reads `minutes-suppressions.json` again after it changed on disk. */
  async rereadSuppressions(state: Repository): Promise<void> {
    const [text] = await this.access.readTexts([state.workspace.uriOf(SUPPRESSIONS_FILE_NAME)]);
    useSuppressions(state, text);
  }

  isSuppressionsFile(uri: string): boolean {
    return uri.endsWith(`/${SUPPRESSIONS_FILE_NAME}`);
  }

  /** Reads a file again after it was created or changed on disk; its text is then what the core sees. */
  private async reread(state: LoadedRepository, path: string): Promise<void> {
    const [text] = await this.access.readTexts([state.workspace.uriOf(path)]);
    if (text === undefined) state.texts.delete(path);
    else state.texts.set(path, text);
  }

  remove(rootUri: string): void {
    const state = this.forRoot(rootUri);
    if (state) this.states.delete(state.rootUri);
  }

  all(): Repository[] {
    return [...this.states.values()];
  }

  /** The repository a document belongs to: the innermost folder containing it. */
  of(uri: string): Repository | undefined {
    return this.loadedOf(uri);
  }

  private loadedOf(uri: string): LoadedRepository | undefined {
    let best: LoadedRepository | undefined;
    for (const state of this.states.values()) {
      if (state.workspace.relativePath(uri) !== undefined && (!best || state.rootUri.length > best.rootUri.length)) best = state;
    }
    return best;
  }

  /** The repository a document belongs to, and the document's path in it (`/`-separated, relative to its root). */
  locate(uri: string): { state: Repository; path: string } | undefined {
    return this.locateLoaded(uri);
  }

  private locateLoaded(uri: string): { state: LoadedRepository; path: string } | undefined {
    const state = this.loadedOf(uri);
    const path = state?.workspace.relativePath(uri);
    return state && path !== undefined ? { state, path } : undefined;
  }

  /** The repository of a workspace folder, by the folder's URI in any encoding. */
  forRoot(rootUri: string): Repository | undefined {
    return this.all().find((s) => s.workspace.relativePath(rootUri) === '' || s.workspace.relativePath(`${rootUri.replace(/\/$/u, '')}/`) === '');
  }

  /** The config for a document, also outside any folder. */
  configOf(uri: string): MinutesConfig {
    return this.of(uri)?.config ?? DEFAULT_CONFIG;
  }

  isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE_NAME}`);
  }
}

/** A suppressions file's text (none: no suppressions); one that is not one is reported and not used. */
function useSuppressions(state: Repository, text: string | undefined): void {
  const parsed = text === undefined ? { suppressions: {} } : parseSuppressions(text);
  state.suppressions = 'error' in parsed ? {} : parsed.suppressions;
  state.suppressionsError = 'error' in parsed ? `${SUPPRESSIONS_FILE_NAME}: not a suppressions file: ${parsed.error}` : undefined;
  state.suppressionsRead++;
}

function mergeSettings(file: ConfigFile, settings: SettingsOverrides): LoadedConfig {
  const set = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'object' && !Array.isArray(v) && !Object.keys(v).length)));
  if (!Object.keys(set).length) return file;
  const given = file.errors.length ? {} : givenIn(file);
  // The roll-ups' folder set in the editor says where the roll-ups are: the file's path patterns for them no longer do.
  if ('weeklyFolder' in set) delete given.weeklyPaths;
  const merged = resolveConfig({ ...given, ...set });
  return merged.errors.length ? { ...file, errors: [...file.errors, ...merged.errors.map((e) => `settings: ${e}`)] } : { ...merged, errors: file.errors, problems: file.problems };
}

/** What `.minutes.json` itself says (not the defaults and derived values its resolved config carries). */
function givenIn(file: ConfigFile): Record<string, unknown> {
  const json = file.text === undefined ? undefined : readConfigText(file.text).json;
  return json && typeof json === 'object' && !Array.isArray(json) ? { ...(json as Record<string, unknown>) } : {};
}
