import { URI } from 'vscode-uri';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, DEFAULT_CONFIG, documentSymbols, FIX_ALL_KIND, lint, ModelCache, teamOverview, toDiagnostic, type Finding, type MinutesConfig, type MinutesModel } from './core';
import { TEAMS_REQUEST, type TeamRow, type TeamsParams } from './protocol';
import { loadConfigFile } from './node/configFile';

// LSP glue only: every answer comes from the core, on the one model of the document's version.
// Started by the VS Code client over IPC, or by any editor with `--stdio`.
const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let config: MinutesConfig = DEFAULT_CONFIG;
const models = new ModelCache(config);

const modelOf = (uri: string) => {
  const doc = documents.get(uri);
  return doc && models.get({ uri, version: doc.version, text: doc.getText() });
};
// Findings belong to a model, so they too are computed once per document version.
const findingsByModel = new WeakMap<MinutesModel, Finding[]>();
const findingsOf = (uri: string): Finding[] => {
  const model = modelOf(uri);
  if (!model) return [];
  let findings = findingsByModel.get(model);
  if (!findings) findingsByModel.set(model, (findings = lint(model, config)));
  return findings;
};

connection.onInitialize((params: InitializeParams) => {
  const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
  if (root) {
    const loaded = loadConfigFile(URI.parse(root).fsPath);
    for (const error of loaded.errors) connection.console.error(`Minutes: ${loaded.path}: ${error}; using the defaults.`);
    config = loaded.config;
    models.setConfig(config);
  }
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      documentSymbolProvider: { label: 'Minutes' },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
    },
    serverInfo: { name: 'minutes-language-server' },
  };
});

connection.onDocumentSymbol(({ textDocument }) => {
  const model = modelOf(textDocument.uri);
  return model ? documentSymbols(model) : null;
});

connection.onCodeAction(({ textDocument, range, context }) => codeActions(textDocument.uri, findingsOf(textDocument.uri), range, context.only));

connection.onRequest(TEAMS_REQUEST, ({ uri }: TeamsParams): TeamRow[] | null => {
  const model = modelOf(uri);
  return model ? teamOverview(model, findingsOf(uri)) : null;
});

documents.onDidChangeContent(({ document }) => {
  connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: findingsOf(document.uri).map(toDiagnostic) });
});

documents.onDidClose(({ document }) => {
  models.forget(document.uri);
  connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
