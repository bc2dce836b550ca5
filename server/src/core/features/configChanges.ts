import { DEFAULT_CONFIG } from '../config/defaults';
import type { InferredValue } from './inferConfig';
import type { MinutesConfig } from '../config/types';
import { RULES } from '../rules/catalog';

/** One setting of an inferred `.minutes.json` that differs from what holds without the file. */
export interface ConfigChange {
  /** `requiredSections`, or `rules.missing-minute-taker` for one rule. */
  key: string;
  /** The default and the inferred value, as short JSON. */
  from: string;
  to: string;
  /** Fewer checks than by default: a rule turned down or off, a required section dropped. */
  weakens: boolean;
}

const SEVERITY_ORDER = ['off', 'hint', 'information', 'warning', 'error'];

/**
 * What writing the inferred values would change against the defaults, so that the user sees it
 * (above all what it turns off) before the file is written.
 */
export function configChanges(values: InferredValue[], defaults: MinutesConfig = DEFAULT_CONFIG): ConfigChange[] {
  const changes: ConfigChange[] = [];
  for (const { key, value, commentedOut } of values) {
    // A proposal written as a comment changes nothing until its slashes are removed.
    if (value === undefined || commentedOut) continue;
    if (key === 'rules' && typeof value === 'object' && value !== null) {
      for (const [code, severity] of Object.entries(value as Record<string, string>)) {
        const before = defaults.rules[code] ?? RULES.find((r) => r.code === code)?.defaultSeverity;
        if (before === severity) continue;
        changes.push({ key: `rules.${code}`, from: short(before), to: short(severity), weakens: SEVERITY_ORDER.indexOf(severity) < SEVERITY_ORDER.indexOf(before ?? 'off') });
      }
      continue;
    }
    if (key === 'series' && Array.isArray(value)) {
      changes.push(...seriesChanges(value as SeriesEntry[], defaults));
      continue;
    }
    const before = (defaults as unknown as Record<string, unknown>)[key];
    if (JSON.stringify(before) === JSON.stringify(value)) continue;
    const dropped = key === 'requiredSections' && Array.isArray(before) && Array.isArray(value) && before.some((s) => !value.includes(s));
    changes.push({ key, from: short(before), to: short(value), weakens: dropped });
  }
  // What weakens the checks first: that is what a user must not miss.
  return [...changes.filter((c) => c.weakens), ...changes.filter((c) => !c.weakens)];
}

type SeriesEntry = Partial<Pick<MinutesConfig['series'][number], 'kind' | 'paths' | 'requiredSections'>>;

/**
 * The series against the defaults' (a roll-up and the team series): one row per file pattern added
 * or dropped (a whole list on one row is cut where it differs), and each series that requires fewer
 * sections than the defaults' series of its kind.
 */
function seriesChanges(entries: SeriesEntry[], defaults: MinutesConfig): ConfigChange[] {
  const changes: ConfigChange[] = [];
  const before = defaults.series.flatMap((s) => s.paths);
  const after = entries.flatMap((e) => e.paths ?? []);
  for (const path of before.filter((p) => !after.includes(p))) changes.push({ key: 'series', from: short(path), to: '(none)', weakens: false });
  for (const path of after.filter((p) => !before.includes(p))) changes.push({ key: 'series', from: '(none)', to: short(path), weakens: false });
  for (const entry of entries) {
    const kind = entry.kind ?? 'minutes';
    const required = defaults.series.find((s) => s.kind === kind)?.requiredSections ?? [];
    const now = entry.requiredSections ?? [];
    if (required.some((s) => !now.includes(s))) changes.push({ key: `requiredSections of ${entry.paths?.[0] ?? 'a series'}`, from: short(required), to: short(now), weakens: true });
  }
  return changes;
}

/** JSON on one line (a pattern as it is), cut to what a quick pick row shows. */
function short(value: unknown): string {
  const json = value === undefined ? '(unset)' : typeof value === 'string' && value.includes('{') ? value : JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 59)}…` : json;
}
