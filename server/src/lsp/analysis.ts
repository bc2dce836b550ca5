import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ChunkCache, formatDate, isIgnored, lint, markSuppressed, parseMinutesInSteps, parseMinutesOutline, prepareLint, type Finding, type CheckedModel, type MinutesConfig, type MinutesModel, type SeverityOverrides, today } from '../core';
import { runInSlices } from './slices';
import type { Repositories, Repository } from './repositories';

interface Parse {
  version: number;
  config: MinutesConfig;
  model: Promise<MinutesModel | undefined>;
  cancelled: boolean;
  /** The model of the first part of a big document (see QUICK_READ_CHARS), while the rest is read. */
  firstLook?: MinutesModel;
}

/**
 * A document opened with more text than this is first read this far (what follows for its headings
 * alone), checked and shown, then read whole: its first findings come within a second or two (a 5 MB
 * document takes many seconds to read), with a `not-fully-checked` finding that says how far. Ten
 * times the largest real minutes (see hostileInput's MAX_PIECE).
 */
const QUICK_READ_CHARS = 256 * 1024;
/**
 * How much of a document is ever read whole: two hundred times the largest real minutes. What
 * follows is read for its headings alone and not checked (`not-fully-checked` says so): reading
 * 20 MB would take minutes and keep hundreds of megabytes.
 */
const MAX_READ_CHARS = 5 * 1024 * 1024;

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
  private readonly computedFindings = new WeakMap<MinutesModel, { key: string; findings: Finding[] }>();
  /** For documents outside any workspace folder. */
  severities: SeverityOverrides = {};
  /** Told of the model of a big document's first part (see QUICK_READ_CHARS); awaited before the rest is read. */
  firstLookTaken: (model: MinutesModel) => Promise<void> = () => Promise.resolve();

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
    const source = { uri: document.uri, version: document.version, text: document.getText() };
    const cancelled = () => parse.cancelled;
    const read = async () => {
      // Only a document with no model yet (just opened): once read, the pieces of a version are reused by the next.
      if (!entry.model && source.text.length > QUICK_READ_CHARS) {
        const first = await runInSlices(parseMinutesInSteps(source, config, entry.chunks, QUICK_READ_CHARS), cancelled);
        if (!first || parse.cancelled) return undefined;
        parse.firstLook = first;
        await this.firstLookTaken(first);
      }
      return runInSlices(parseMinutesInSteps(source, config, entry.chunks, MAX_READ_CHARS), cancelled);
    };
    parse.model = read().then((model) => {
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

  /** While a big document's current version is being read (see QUICK_READ_CHARS), the model of its first part. */
  firstLook(document: TextDocument): MinutesModel | undefined {
    const parse = this.entries.get(document.uri)?.parse;
    return parse?.version === document.version && parse.config === this.repositories.configOf(document.uri) ? parse.firstLook : undefined;
  }

  /**
   * The headings of a document's current version, read now (cheap, without its repository): what the
   * outline shows when the model is not ready in time, rather than nothing, which the editor would
   * keep until the next edit.
   */
  outline(document: TextDocument): CheckedModel {
    return parseMinutesOutline({ uri: document.uri, version: document.version, text: document.getText() }, this.repositories.configOf(document.uri));
  }

  /** `findingsOf`, with what takes long on a big document (its links) read in slices first. */
  async findings(model: MinutesModel): Promise<Finding[]> {
    const state = this.repositories.of(model.uri);
    await runInSlices(prepareLint(model, state?.config ?? this.repositories.configOf(model.uri), state?.workspace));
    return this.findingsOf(model);
  }

  /** The findings of a parsed model (they depend on the repository too, so they may be recomputed). */
  findingsOf(model: MinutesModel): Finding[] {
    const state = this.repositories.of(model.uri);
    const severities = state?.severities ?? this.severities;
    const day = today();
    const key = `${state?.workspace.generation ?? 'none'}|${state?.suppressionsRead}|${state?.showSuppressed}|${JSON.stringify(severities)}|${formatDate(day)}`;
    const cached = this.computedFindings.get(model);
    if (cached?.key === key) return cached.findings;
    const config = state?.config ?? this.repositories.configOf(model.uri);
    const path = state?.workspace.relativePath(model.uri);
    const ignored = path !== undefined && isIgnored(config, path);
    const found = ignored ? [] : lint(model, config, { workspace: state?.workspace, severities, today: day });
    const findings = shown(found, state, path);
    this.computedFindings.set(model, { key, findings });
    return findings;
  }

  /** What `minutes-lint --cache` found in the document, as shown, while it holds (see Repositories.cachedFindings). */
  cachedFindings(document: TextDocument): Finding[] | undefined {
    const found = this.repositories.cachedFindings(document.uri, document.getText());
    const located = this.repositories.locate(document.uri);
    return found && located && shown(found, located.state, located.path);
  }

  forget(uri: string): void {
    const parse = this.entries.get(uri)?.parse;
    if (parse) parse.cancelled = true;
    this.entries.delete(uri);
  }
}

/** Findings recorded in the suppressions file show as hints (see toDiagnostic), or not at all. */
function shown(found: Finding[], state: Repository | undefined, path: string | undefined): Finding[] {
  const marked = state && path !== undefined ? markSuppressed(path, found, state.suppressions) : found;
  return state?.showSuppressed === false ? marked.filter((f) => !f.suppressed) : marked;
}
