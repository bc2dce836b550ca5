import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CheckedModel, MinutesModel } from '../core';
import type { Analysis } from './analysis';
import type { Readiness } from './ready';
import { within } from './slices';

/**
 * How long after its arrival a request is answered at the latest when its document is still being
 * parsed; only the repository's first load, which is waited for, may hold it longer.
 */
export const ANSWER_DEADLINE_MS = 900;

/** A document and the model of its current version, for a request about it. */
export type RequestModel = (uri: string, token?: CancellationToken) => Promise<{ document: TextDocument; model: MinutesModel } | undefined>;

/**
 * The model of a request's document if it is ready by ANSWER_DEADLINE_MS: a huge document is parsed
 * in slices meanwhile, and the request gets no answer rather than wait (diagnostics are refreshed once
 * it is ready). Undefined too when the document is not open or the request was cancelled.
 */
export function requestModel(ready: Readiness, documents: TextDocuments<TextDocument>, analysis: Analysis): RequestModel {
  return async (uri, token) => {
    const arrived = performance.now();
    // How a document reads depends on its repository's config: nothing is parsed before that is loaded.
    await ready.wait(token);
    const document = documents.get(uri);
    if (!document) return undefined;
    const left = Math.max(50, ANSWER_DEADLINE_MS - (performance.now() - arrived));
    // A big document still being read answers from its first part (see Analysis.firstLook).
    const model = analysis.ready(document) ?? (await within(analysis.model(document), left)) ?? analysis.firstLook(document);
    const now = documents.get(uri);
    return model && now && !token?.isCancellationRequested ? { document: now, model } : undefined;
  };
}

/** The model an outline is made of: partial (its headings alone) when the whole one is late. */
export type OutlineModel = (uri: string, token?: CancellationToken) => Promise<CheckedModel | undefined>;

/**
 * The request's model, or when it is not ready in time (a busy start) the headings of the document
 * read now: an outline answered with nothing stays empty in the editor until the next edit.
 */
export function outlineModel(model: RequestModel, documents: TextDocuments<TextDocument>, analysis: Analysis): OutlineModel {
  return async (uri, token) => {
    const found = await model(uri, token);
    if (found || token?.isCancellationRequested) return found?.model;
    const document = documents.get(uri);
    return document && analysis.outline(document);
  };
}
