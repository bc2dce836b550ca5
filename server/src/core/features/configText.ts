/** An inferred configuration written as `.minutes.json` text, each value with what it was inferred from. */
import type { InferredConfig } from './inferConfig';

/** The inferred configuration as `.minutes.json` text: JSON with a comment above each value (and each series). */
export function configText(inferred: InferredConfig, header: string): string {
  const lines = ['{', `  // ${header}`];
  const json = (value: unknown, indent: string) => compactJson(value).replace(/\n/gu, `\n${indent}`);
  const values = inferred.values.filter((v) => v.value !== undefined);
  values.forEach((v, i) => {
    // A comma after every value but the last, proposals too: the config allows a trailing comma, so
    // taking a proposal up (deleting its slashes) leaves valid text wherever it stands.
    const comma = i < values.length - 1 ? ',' : '';
    if (v.commentedOut) {
      lines.push(`  // ${v.why}`, `  // ${JSON.stringify(v.key)}: ${json(v.value, '  // ')}${comma}`);
      return;
    }
    lines.push(`  // ${v.why}`);
    if (v.itemWhy && Array.isArray(v.value)) {
      lines.push(`  ${JSON.stringify(v.key)}: [`);
      v.value.forEach((item, j, items) => {
        if (v.itemWhy![j]) lines.push(`    // ${v.itemWhy![j]}`);
        lines.push(`    ${json(item, '    ')}${j < items.length - 1 ? ',' : ''}`);
      });
      lines.push(`  ]${comma}`);
    } else {
      lines.push(`  ${JSON.stringify(v.key)}: ${json(v.value, '  ')}${comma}`);
    }
  });
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/** JSON as people write it by hand: what fits on a line stays on one. */
function compactJson(value: unknown, indent = ''): string {
  const flat = oneLine(value);
  if (flat.length + indent.length <= 100 || typeof value !== 'object' || value === null) return flat;
  const inner = `${indent}  `;
  const items = Array.isArray(value)
    ? value.map((item) => `${inner}${compactJson(item, inner)}`)
    : Object.entries(value).map(([key, item]) => `${inner}${JSON.stringify(key)}: ${compactJson(item, inner)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  return `${open}\n${items.join(',\n')}\n${indent}${close}`;
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, item]) => `${JSON.stringify(key)}: ${oneLine(item)}`);
    return entries.length ? `{ ${entries.join(', ')} }` : '{}';
  }
  return JSON.stringify(value);
}
