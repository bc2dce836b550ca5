import type { ClientCapabilities, Connection } from 'vscode-languageserver';
import { isRuleSetting, RULE_CODES, type SeverityOverrides } from '../core';
import { OVERRIDABLE_SETTINGS } from '../protocol';
import type { SettingsOverrides } from './repositories';

export interface EditorSettings {
  overrides: SettingsOverrides;
  severities: SeverityOverrides;
  /** `minutes.showSuppressed`: whether findings recorded in `minutes-suppressions.json` show (as hints). */
  showSuppressed: boolean;
}

/**
 * The editor's `minutes` settings for a folder: asked for with `workspace/configuration`, or, from
 * editors that cannot answer that (Neovim 0.7), as last pushed with `workspace/didChangeConfiguration`.
 */
export async function readSettings(connection: Connection, capabilities: ClientCapabilities, scopeUri: string, pushed: unknown): Promise<EditorSettings> {
  const asked: unknown = capabilities.workspace?.configuration ? await connection.workspace.getConfiguration({ scopeUri, section: 'minutes' }) : pushed;
  const raw = asked ?? {};
  return parseSettings(typeof raw === 'object' ? (raw as Record<string, unknown>) : {});
}

/**
 * `initializationOptions.settings` ({ [folderUri]: the folder's `minutes` settings }), as the VS Code
 * client sends them: the same values `workspace/configuration` would answer, one round trip earlier.
 */
export function settingsFromInitialization(options: unknown): Map<string, EditorSettings> | undefined {
  const raw = (options as { settings?: unknown } | undefined)?.settings;
  if (!raw || typeof raw !== 'object') return undefined;
  const map = new Map<string, EditorSettings>();
  for (const [uri, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value && typeof value === 'object') map.set(uri, parseSettings(value as Record<string, unknown>));
  }
  return map;
}

function parseSettings(raw: Record<string, unknown>): EditorSettings {
  const overrides: SettingsOverrides = {};
  for (const key of OVERRIDABLE_SETTINGS) overrides[key] = raw[key];
  const severities: SeverityOverrides = {};
  for (const [code, severity] of Object.entries((raw.rules as Record<string, unknown>) ?? {})) {
    if (RULE_CODES.includes(code) && isRuleSetting(severity)) severities[code] = severity;
  }
  return { overrides, severities, showSuppressed: raw.showSuppressed !== false };
}
