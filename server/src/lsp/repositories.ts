import { URI, Utils } from 'vscode-uri';
import { CONFIG_FILE_NAME, configFileOf, DEFAULT_CONFIG, MinutesWorkspace, readConfigText, resolveConfig, type ConfigFile, type LoadedConfig, type MinutesConfig, type SeverityOverrides } from '../core';
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
  /** The texts of the repository's Markdown files as last read, by path: what the core reads (open editors aside). */
  texts: Map<string, string>;
}

/**
 * The minutes repositories open in the editor, one per workspace folder, each with its config
 * (`.minutes.json`, then the editor's settings) and its index, kept current from file events.
 */
export class Repositories {
  private readonly states = new Map<string, Repository>();

  constructor(readonly access: RepositoryAccess) {}

  /**
   * (Re)reads a folder: its config file, the list of its Markdown files and their texts, all
   * asynchronously. The core then reads those texts from memory; the text of a file open in an
   * editor comes as the editor's model, once it is parsed (see `MinutesWorkspace.fileChanged`).
   */
  async load(rootUri: string, settings: SettingsOverrides, severities: SeverityOverrides = {}): Promise<Repository> {
    const root = URI.parse(rootUri);
    const configLocation = Utils.joinPath(root, CONFIG_FILE_NAME);
    const configUri = configLocation.toString();
    const [paths, [configText]] = await Promise.all([this.access.listMarkdownFiles(rootUri), this.access.readTexts([configUri])]);
    const configFile = configFileOf(root.scheme === 'file' ? configLocation.fsPath : configUri, configText);
    const merged = mergeSettings(configFile, settings);
    const texts = new Map<string, string>();
    const read = await this.access.readTexts(paths.map((p) => Utils.joinPath(root, ...p.split('/')).toString()));
    paths.forEach((path, i) => read[i] !== undefined && texts.set(path, read[i]));
    const workspace = new MinutesWorkspace(rootUri, { readFile: (path) => texts.get(path) }, merged.config, paths);
    const state = { rootUri: workspace.rootUri, workspace, config: merged.config, configFile, errors: merged.errors, severities, texts };
    this.states.set(state.rootUri, state);
    return state;
  }

  /** Reads a file again after it was created or changed on disk; its text is then what the core sees. */
  async reread(state: Repository, path: string): Promise<void> {
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
    let best: Repository | undefined;
    for (const state of this.states.values()) {
      if (state.workspace.relativePath(uri) !== undefined && (!best || state.rootUri.length > best.rootUri.length)) best = state;
    }
    return best;
  }

  /** The repository a document belongs to, and the document's path in it (`/`-separated, relative to its root). */
  locate(uri: string): { state: Repository; path: string } | undefined {
    const state = this.of(uri);
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
