// Parses and lints one pathological document (named on the command line) and prints one JSON line:
// its size, how long parsing and linting took, and the error if one was thrown. Run by fuzz.test.ts
// in a child process, so that a document that takes minutes can be stopped at the bound.
import { randomBytes } from 'node:crypto';
import { DEFAULT_CONFIG, documentSymbols, lint, parseMinutes } from '../../server/src/core';
import { BASE, GOOD, REPO, workspaceOf } from '../unit/rules/ruleHelpers';

const TITLE = '# SCS Tech Weekly 2022-09-29\n\n';

const CASES: Record<string, () => string> = {
  // `- - - ... x`: every `- ` opens a list inside the previous item.
  'nested-lists': () => `${TITLE}${'- '.repeat(10_000)}x\n`,
  'nested-lists-100': () => `${TITLE}${Array.from({ length: 100 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n`,
  'long-line-data-uri': () => `${TITLE}## Meta\n\n- Minutes: Jonas\n\n![screenshot](data:image/png;base64,${randomBytes(Math.ceil((5 * 1024 * 1024 * 3) / 4)).toString('base64')})\n`,
  'long-line-links': () => `${TITLE}## Team Updates\n\n### Team IaaS\n\nMinutes: ${'see https://example.com/a '.repeat(Math.ceil((5 * 1024 * 1024) / 26))}\n`,
  // A 1 MB log pasted after a bullet without indenting it: one paragraph of lazy continuation lines.
  'pasted-log-in-list': () => {
    const line = (i: number) => `2022-09-29T10:${String(i % 60).padStart(2, '0')}:00Z INFO GET https://example.com/api/${i} 200`;
    return `${TITLE}## Team Updates\n\n### Team IaaS\n\n- The log of the failed deployment:\n${Array.from({ length: Math.ceil((1024 * 1024) / 60) }, (_, i) => line(i)).join('\n')}\n`;
  },
  // Nesting written one level per line: a list indented two more spaces each line, quotes one more `>`.
  'nested-lists-indented': () => `${TITLE}${Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n`,
  'nested-quotes': () => `${TITLE}${Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i + 1)} quoted`).join('\n')}\n`,
  // 5,000 headings: 1,000 team sections, each with its minutes line and four topics.
  headings: () =>
    `${TITLE}## Team Updates\n\n${Array.from({ length: 1000 }, (_, i) => [`### Team ${i}`, '', `Minutes: ${BASE}team-${i}/20220928.md`, '', ...[1, 2, 3, 4].flatMap((t) => [`#### Topic ${t}`, '', '- noted']), ''].join('\n')).join('\n')}`,
  // 10,000 team sections, each linking a folder of its own.
  'team-sections': () => `${TITLE}## Team Updates\n\n${Array.from({ length: 10_000 }, (_, i) => `### Team ${i}\n\nMinutes: ${BASE}team-${i}/20220928.md\n`).join('\n')}`,
  'one-megabyte': () => {
    // One roll-up whose team updates go on for a megabyte: notes, dates, links, handles.
    const [head, tail] = GOOD.split('## AOB');
    let body = '';
    for (let i = 0; body.length < 1024 * 1024; i++) {
      body += `### Team ${i % 40}\n\nMinutes: https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20220928.md\n\n- Discussed 2022-10-03 with @garloff and @fkr, see https://github.com/SovereignCloudStack/issues/issues/${i}\n- Next: 2022-10-06\n\n`;
    }
    return `${head}${body}## AOB${tail}`;
  },
};

const name = process.argv[2];
const make = CASES[name];
if (!make) throw new Error(`unknown case ${name}`);
const path = 'community-call/20220929.md';
const text = make();
const result: Record<string, unknown> = { chars: text.length };
try {
  let t = performance.now();
  const model = parseMinutes({ uri: `file:///repo/${path}`, version: 1, text }, DEFAULT_CONFIG);
  result.parseMs = Math.round(performance.now() - t);
  t = performance.now();
  const findings = lint(model, DEFAULT_CONFIG, { workspace: workspaceOf({ ...REPO, [path]: text }) });
  result.lintMs = Math.round(performance.now() - t);
  result.findings = findings.length;
  result.symbols = documentSymbols(model).length;
} catch (error) {
  result.error = String((error as Error).stack ?? error).split('\n').slice(0, 4).join(' | ');
}
console.log(JSON.stringify(result));
