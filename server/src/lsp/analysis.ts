import type { TextDocument } from 'vscode-languageserver-textdocument';
import { formatDate, isIgnored, lint, parseMinutes, type ChunkCache, type Finding, type MinutesConfig, type MinutesModel, type SeverityOverrides } from '../core';
import { today } from '../core/calendar/today';
import type { Workspaces } from './workspaces';

/**
 * Model and findings of each open document version, computed once and shared by every request.
 * Findings also depend on the repository (other files, config), so they are keyed on its generation.
 */
export class Analysis {
  private readonly models = new Map<string, { config: MinutesConfig; model: MinutesModel; chunks: ChunkCache }>();
  private readonly findings = new WeakMap<MinutesModel, { key: string; findings: Finding[] }>();
  /** For documents outside any workspace folder. */
  severities: SeverityOverrides = {};

  constructor(private readonly workspaces: Workspaces) {}

  /** One parse per document version (and config: a new config changes how documents read). */
  model(document: TextDocument): MinutesModel {
    const config = this.workspaces.configOf(document.uri);
    const cached = this.models.get(document.uri);
    if (cached && cached.config === config && cached.model.version === document.version) return cached.model;
    const chunks = cached?.chunks ?? (new Map() as ChunkCache);
    const model = parseMinutes({ uri: document.uri, version: document.version, text: document.getText() }, config, chunks);
    this.models.set(document.uri, { config, model, chunks });
    return model;
  }

  findingsOf(document: TextDocument): Finding[] {
    const model = this.model(document);
    const state = this.workspaces.of(document.uri);
    const severities = state?.severities ?? this.severities;
    const day = today();
    const key = `${state?.workspace.generation ?? 'none'}|${JSON.stringify(severities)}|${formatDate(day)}`;
    const cached = this.findings.get(model);
    if (cached?.key === key) return cached.findings;
    const config = state?.config ?? this.workspaces.configOf(document.uri);
    const path = state?.workspace.relativePath(document.uri);
    const ignored = path !== undefined && isIgnored(config, path);
    const findings = ignored ? [] : lint(model, config, { workspace: state?.workspace, severities, today: day });
    this.findings.set(model, { key, findings });
    return findings;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }
}
