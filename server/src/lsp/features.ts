import { ErrorCodes, ResponseError, type Connection, type Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, completions, dateCodeActions, documentLinks, documentSymbols, featureContext, formatDate, hover, INSERT_KIND, meetingDate, teamOverview, type FeatureContext, today, openItems, documentInfo } from '../core';
import { ActionItemsRequest, DocumentInfoRequest, TeamsRequest } from '../protocol';
import type { Analysis } from './analysis';
import type { Readiness } from './ready';
import type { Repositories } from './repositories';
import type { OutlineModel, RequestModel } from './requestModel';

export interface FeatureDeps {
  repositories: Repositories;
  analysis: Analysis;
  ready: Readiness;
  parsed: RequestModel;
  /** The same once the repository's files are listed and read, before its roll-ups are (see WorkspaceLoader): for what no check needs. */
  parsedOnceListed: RequestModel;
  /** The same, with the headings alone when the model is late (an outline the editor would otherwise keep empty). */
  outlined: OutlineModel;
  /** Whether the client applies file renames in workspace edits (a fix may rename a misnamed file). */
  canRename: () => boolean;
}

/** The requests answered from one document's model (and its repository): each answer comes from the core. */
export function registerFeatures(connection: Connection, { repositories, analysis, ready, parsed, parsedOnceListed, outlined, canRename }: FeatureDeps): void {
  /** What the features read besides a document: its repository's config and files, the calendar, today. */
  const contextOf = (uri: string): FeatureContext => featureContext(repositories.configOf(uri), repositories.of(uri)?.workspace, today());

  connection.onDocumentSymbol(async ({ textDocument }, token) => {
    const model = await outlined(textDocument.uri, token);
    return model ? documentSymbols(model) : null;
  });

  connection.onCompletion(async ({ textDocument, position: given }, token) => {
    const found = await parsed(textDocument.uri, token);
    return found ? completions(found.model, clamp(found.document, given), contextOf(textDocument.uri)) : null;
  });

  connection.onCodeAction(async ({ textDocument, range: given, context }, token) => {
    const found = await parsed(textDocument.uri, token);
    if (!found) return null;
    const range = { start: clamp(found.document, given.start), end: clamp(found.document, given.end) };
    const fixes = codeActions(textDocument.uri, analysis.findingsOf(found.model), range, context.only, { canRename: canRename() });
    const asked = context.only?.some((k) => INSERT_KIND.startsWith(k));
    const inserts = context.only && !asked ? [] : dateCodeActions(found.model, range.start, contextOf(textDocument.uri), asked);
    return [...fixes, ...inserts];
  });

  connection.onHover(async ({ textDocument, position: given }, token) => {
    const found = await parsedOnceListed(textDocument.uri, token);
    return found ? hover(found.model, clamp(found.document, given), contextOf(textDocument.uri)) : null;
  });

  connection.onDocumentLinks(async ({ textDocument }, token) => {
    const found = await parsedOnceListed(textDocument.uri, token);
    return found ? documentLinks(found.model, repositories.of(textDocument.uri)?.workspace) : null;
  });

  connection.onRequest(TeamsRequest, async ({ uri }, token) => {
    const found = await parsed(uri, token);
    if (!found) return null;
    const meeting = meetingDate(found.model, repositories.configOf(uri), repositories.of(uri)?.workspace, today());
    return teamOverview(found.model, analysis.findingsOf(found.model), { meetingDate: meeting });
  });

  connection.onRequest(ActionItemsRequest, async (params, token) => {
    await ready.wait(token);
    const day = today();
    const quietDays = params.olderAfterDays ?? undefined;
    return repositories.all().flatMap((state) =>
      openItems(state.workspace, day, quietDays).map(({ tracked: { item, file, raised }, series, label, ageDays, seriesEnded }) => ({
        owners: item.owners,
        text: label,
        series,
        raised: formatDate(raised.file.date!),
        ageDays,
        uri: state.workspace.uriOf(file.path),
        line: item.line,
        older: seriesEnded,
      })),
    );
  });

  connection.onRequest(DocumentInfoRequest, async ({ uri }, token) => {
    const found = await parsed(uri, token);
    return found ? documentInfo(found.model, repositories.configOf(uri), repositories.of(uri)?.workspace.relativePath(uri)) : null;
  });
}

/** A position inside the document: editors may send stale ones, answers must not point outside. */
function clamp(document: TextDocument, position: Position): Position {
  if (position.line < 0 || position.character < 0) throw new ResponseError(ErrorCodes.InvalidParams, 'positions cannot be negative');
  return document.positionAt(document.offsetAt(position));
}
