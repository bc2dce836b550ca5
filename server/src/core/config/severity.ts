/** How serious a finding is: the one list behind the config schema, the settings and the LSP mapping. */
export const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** What a rule can be set to in `rules` (`.minutes.json`) and `minutes.rules` (VS Code). */
export const RULE_SETTINGS = [...SEVERITIES, 'off'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

export type SeverityOverrides = Record<string, RuleSetting>;

export function isRuleSetting(value: unknown): value is RuleSetting {
  return typeof value === 'string' && (RULE_SETTINGS as readonly string[]).includes(value);
}
