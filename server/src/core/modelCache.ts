import type { MinutesConfig } from './config/types';
import { parseMinutes, type SourceDocument } from './model/parse';
import type { MinutesModel } from './model/types';

/**
 * One model per document version: every feature asks here, so a version is parsed once no matter
 * how many requests (outline, diagnostics, ...) arrive for it.
 */
export class ModelCache {
  private readonly models = new Map<string, MinutesModel>();

  constructor(private config: MinutesConfig) {}

  get(doc: SourceDocument): MinutesModel {
    const cached = this.models.get(doc.uri);
    if (cached && cached.version === doc.version && cached.text.length === doc.text.length) return cached;
    const model = parseMinutes(doc, this.config);
    this.models.set(doc.uri, model);
    return model;
  }

  forget(uri: string): void {
    this.models.delete(uri);
  }

  /** A new configuration changes how documents read, so every model is recomputed. */
  setConfig(config: MinutesConfig): void {
    this.config = config;
    this.models.clear();
  }
}
