// Rewrites the rule table in README.md from the rule catalog (`npx tsx scripts/rules-table.ts`);
// a unit test fails when the README and the catalog disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../server/src/core';

export function rulesTable(): string {
  return [
    '| code | default severity | when | example |',
    '|---|---|---|---|',
    ...RULES.map((r) => `| \`${r.code}\` | ${r.defaultSeverity} | ${r.description} | ${r.example} |`),
  ].join('\n');
}

if (process.argv[1]?.endsWith('rules-table.ts')) {
  const readme = readFileSync('README.md', 'utf8');
  const [before, rest] = readme.split('<!-- rules:start -->');
  const after = rest.split('<!-- rules:end -->')[1];
  writeFileSync('README.md', `${before}<!-- rules:start -->\n${rulesTable()}\n<!-- rules:end -->${after}`);
}
