import { URI } from 'vscode-uri';
import { DEFAULT_CONFIG, resolveConfig, type LoadedConfig, type MinutesConfig, type MinutesWorkspace } from '../core';
import { CONFIG_FILE_NAME, loadConfigFile, type ConfigFile } from './configFile';
import { fileWorkspace, type SkipReporter } from './fileWorkspace';

/** Settings from the editor that override `.minutes.json`; unset ones are null. */
export type SettingsOverrides = Partial<Record<keyof MinutesConfig, unknown>>;

export interface WorkspaceState {
  rootUri: string;
  workspace: MinutesWorkspace;
  config: MinutesConfig;
  configFile: ConfigFile;
  /** Why the config file or the settings were not used (the defaults are then in force). */
  errors: string[];
}

/**
 * The minutes repositories open in the editor, one per workspace folder, each with its config
 * (`.minutes.json`, then the editor's settings) and its index, kept current from file events.
 */
export class Workspaces {
  private readonly states = new Map<string, WorkspaceState>();

  constructor(
    private readonly openText: (uri: string) => string | undefined,
    private readonly skipped: SkipReporter,
  ) {}

  /** (Re)reads a folder: its config file and its files. */
  load(rootUri: string, settings: SettingsOverrides): WorkspaceState {
    const root = URI.parse(rootUri).fsPath;
    const configFile = loadConfigFile(root);
    const merged = mergeSettings(configFile, settings);
    const workspace = fileWorkspace(root, merged.config, (path) => this.openText(workspaceUri(rootUri, path)), this.skipped);
    const state = { rootUri: workspace.rootUri, workspace, config: merged.config, configFile, errors: merged.errors };
    this.states.set(state.rootUri, state);
    return state;
  }

  remove(rootUri: string): void {
    for (const key of this.states.keys()) if (sameFolder(key, rootUri)) this.states.delete(key);
  }

  all(): WorkspaceState[] {
    return [...this.states.values()];
  }

  /** The repository a document belongs to: the innermost folder containing it. */
  of(uri: string): WorkspaceState | undefined {
    let best: WorkspaceState | undefined;
    for (const state of this.states.values()) {
      if (state.workspace.relativePath(uri) !== undefined && (!best || state.rootUri.length > best.rootUri.length)) best = state;
    }
    return best;
  }

  /** The config for a document, also outside any folder. */
  configOf(uri: string): MinutesConfig {
    return this.of(uri)?.config ?? DEFAULT_CONFIG;
  }

  isConfigFile(uri: string): boolean {
    return uri.endsWith(`/${CONFIG_FILE_NAME}`);
  }
}

function mergeSettings(file: LoadedConfig & { text?: string }, settings: SettingsOverrides): LoadedConfig {
  const set = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== null && v !== undefined && !(typeof v === 'object' && !Array.isArray(v) && !Object.keys(v as object).length)));
  if (!Object.keys(set).length) return file;
  const base = file.errors.length ? {} : (file.config as unknown as Record<string, unknown>);
  const merged = resolveConfig({ ...stripDefaults(base), ...set });
  return merged.errors.length ? { ...file, errors: [...file.errors, ...merged.errors.map((e) => `settings: ${e}`)] } : { ...merged, errors: file.errors, problems: file.problems };
}

/** The resolved config carries every default; pass only what validates as given. */
function stripDefaults(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).filter(([k]) => k in DEFAULT_CONFIG));
}

function workspaceUri(rootUri: string, path: string): string {
  return `${rootUri.replace(/\/$/u, '')}/${path.split('/').map(encodeURIComponent).join('/')}`;
}

function sameFolder(a: string, b: string): boolean {
  return a.replace(/\/$/u, '') === b.replace(/\/$/u, '');
}
