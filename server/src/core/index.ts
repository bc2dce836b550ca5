// The pure minutes language service: no `vscode`, no LSP connection. Used by the server and the CLI.
export { DEFAULT_CONFIG } from './config/defaults';
export { parseConfigText, resolveConfig, type LoadedConfig } from './config/load';
export { CONFIG_SCHEMA } from './config/schema';
export type { MinutesConfig, TeamConfig } from './config/types';
export { documentSymbols } from './features/documentSymbols';
export { parseMinutes, type SourceDocument } from './model/parse';
export type * from './model/types';
export { ModelCache } from './modelCache';
export { RULES } from './rules/catalog';
export { lint, type SeverityOverrides } from './rules/lint';
export type { Finding, Fix, Severity } from './rules/types';
export { codeActions, FIX_ALL_KIND, nonOverlapping, preferredEdits } from './features/codeActions';
export { DIAGNOSTIC_SOURCE, toDiagnostic } from './features/diagnostics';
export { LineIndex } from './text/lineIndex';
export { teamOverview } from './features/teamOverview';
