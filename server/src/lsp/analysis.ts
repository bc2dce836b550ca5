import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkCache, formatDate, isIgnored, lint, markSuppressed, parseMinutesInSteps, type Finding, type MinutesConfig, type MinutesModel, type SeverityOverrides, today } from '../core';
import { runInSlices } from './slices';
import type { Repositories } from './repositories';

interface Parse {
  version: number;
  config: MinutesConfig;
  model: Promise<MinutesModel | undefined>;
  cancelled: boolean;
}

interface Entry {
  /** The last complete model, of whatever version. */
  model?: MinutesModel;
  config?: MinutesConfig;
  chunks: ChunkCache;
  parse?: Parse;
}

/**
 * Model and findings of each open document version, computed once and shared by every request.
 * A model is parsed in slices between which other requests are answered; a newer version of the
 * document drops the parse of an older one (newest version wins). Findings also depend on the
 * repository (other files, config), so they are keyed on its generation.
 */
export class Analysis {
  private readonly entries = new Map<string, Entry>();
  private readonly findings = new WeakMap<MinutesModel, { key: string; findings: Finding[] }>();
  /** For documents outside any workspace folder. */
  severities: SeverityOverrides = {};

  constructor(
    private readonly repositories: Repositories,
    private readonly documentOf: (uri: string) => TextDocument | undefined,
  ) {}

  /** The model of the document's version if it is parsed already (with the config now in force). */
  ready(document: TextDocument): MinutesModel | undefined {
    const entry = this.entries.get(document.uri);
    return entry?.model?.version === document.version && entry.config === this.repositories.configOf(document.uri) ? entry.model : undefined;
  }

  /**
   * The model of the document's current version: one parse per version (and config: a new config
   * changes how documents read). Undefined when the document was closed meanwhile; when a newer
   * version came meanwhile, the model of that one.
   */
  model(document: TextDocument): Promise<MinutesModel | undefined> {
    const done = this.ready(document);
    if (done) return Promise.resolve(done);
    const config = this.repositories.configOf(document.uri);
    const entry = this.entries.get(document.uri) ?? { chunks: new ChunkCache() };
    this.entries.set(document.uri, entry);
    if (entry.parse && entry.parse.version === document.version && entry.parse.config === config) return entry.parse.model;
    if (entry.parse) entry.parse.cancelled = true;
    const parse: Parse = { version: document.version, config, cancelled: false, model: Promise.resolve(undefined) };
    const steps = parseMinutesInSteps({ uri: document.uri, version: document.version, text: document.getText() }, config, entry.chunks);
    parse.model = runInSlices(steps, () => parse.cancelled).then((model) => {
      if (model === undefined || parse.cancelled) {
        const now = this.documentOf(document.uri);
        return now && this.entries.get(document.uri) ? this.model(now) : undefined;
      }
      entry.model = model;
      entry.config = config;
      entry.parse = undefined;
      return model;
    });
    entry.parse = parse;
    return parse.model;
  }

  /** The findings of a parsed model (they depend on the repository too, so they may be recomputed). */
  findingsOf(model: MinutesModel): Finding[] {
    const state = this.repositories.of(model.uri);
    const severities = state?.severities ?? this.severities;
    const day = today();
    const key = `${state?.workspace.generation ?? 'none'}|${state?.suppressionsRead}|${state?.showSuppressed}|${JSON.stringify(severities)}|${formatDate(day)}`;
    const cached = this.findings.get(model);
    if (cached?.key === key) return cached.findings;
    const config = state?.config ?? this.repositories.configOf(model.uri);
    const path = state?.workspace.relativePath(model.uri);
    const ignored = path !== undefined && isIgnored(config, path);
    const found = ignored ? [] : lint(model, config, { workspace: state?.workspace, severities, today: day });
    // Findings recorded in the suppressions file show as hints (see toDiagnostic), or not at all.
    const marked = state && path !== undefined ? markSuppressed(path, found, state.suppressions) : found;
    const findings = state?.showSuppressed === false ? marked.filter((f) => !f.suppressed) : marked;
    this.findings.set(model, { key, findings });
    return findings;
  }

  forget(uri: string): void {
    const parse = this.entries.get(uri)?.parse;
    if (parse) parse.cancelled = true;
    this.entries.delete(uri);
  }
}
