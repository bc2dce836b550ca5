// Documents no one writes on purpose but editors get anyway, each hard for a Markdown parser in its
// own way (see docs/ARCHITECTURE.md "Never blocking"). Shared by the robustness tests and `npm run bench`.
import { randomBytes } from 'node:crypto';
import { BASE } from '../unit/rules/ruleHelpers';

const TITLE = '# SCS Tech Weekly 2022-12-08\n\n';
const logLine = (i: number) => `2022-09-29T10:${String(i % 60).padStart(2, '0')}:00Z INFO GET https://example.com/api/${i} 200`;

export const HOSTILE_DOCUMENTS: Record<string, () => string> = {
  // A log pasted after a bullet without indenting it: 20,000 lazy continuation lines.
  'a 1 MB log pasted under a bullet': () => `${TITLE}## Team Updates\n\n### Team IaaS\n\n- The log of the failed deployment:\n${Array.from({ length: 20_000 }, (_, i) => logLine(i)).join('\n')}\n`,
  '600 nested list levels, one per line': () => `${TITLE}${Array.from({ length: 600 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`).join('\n')}\n`,
  '2,000 nested quotes, one more > per line': () => `${TITLE}${Array.from({ length: 2000 }, (_, i) => `${'>'.repeat(i + 1)} quoted`).join('\n')}\n`,
  'a roll-up of 10,000 team sections, each linking its own folder': () =>
    `${TITLE}## Meta\n\n- Minutes: Jonas\n\n## Team Updates\n\n${Array.from({ length: 10_000 }, (_, i) => `### Team ${i}\n\nMinutes: ${BASE}team-${i}/20221207.md\n`).join('\n')}`,
  '5 MB on one line with *emphasis* runs': () => `${TITLE}${'*a* **b** _c_ '.repeat(Math.ceil((5 * 1024 * 1024) / 14))}\n`,
  '1 MB of random bytes': () => randomBytes(1024 * 1024).toString('utf8'),
};
