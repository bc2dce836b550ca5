import type { MinutesConfig } from '../config/types';
import type { MinutesModel } from '../model/types';
import { RULES } from './catalog';
import type { Finding, Severity } from './types';

export type SeverityOverrides = Record<string, Severity | 'off'>;

/** Runs every enabled rule on a model, findings in document order. */
export function lint(model: MinutesModel, config: MinutesConfig, overrides: SeverityOverrides = {}): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = overrides[rule.code] ?? rule.defaultSeverity;
    if (severity === 'off') continue;
    for (const found of rule.check({ model, config })) findings.push({ ...found, code: rule.code, severity });
  }
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
