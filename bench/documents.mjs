// Generated documents for the typing and parser benchmarks (the corpus has no large files).
const BASE = 'https://github.com/SovereignCloudStack/minutes/blob/main/';

/** A weekly roll-up of about `lines` lines, in the corpus' shape. */
export function weeklyRollUp(lines) {
  const out = ['# SCS Tech Weekly 2022-09-29', '', '## Meta', '', '- Minutes: Jonas', '', '## Team Updates', ''];
  for (let team = 0; out.length < lines - 6; team++) {
    out.push(`### Team T${team}`, '', `Minutes: ${BASE}t${team}/20220928.md`, '', '- Discussed the roadmap', '  - next steps for 2022-10-06', '- Image manager', '');
  }
  out.push('## AOB', '', '## Project Updates', '', '### Hiring', '');
  return out.join('\n');
}

/** About `bytes` of minutes: many sections with nested lists (what a huge pad dump looks like). */
export function hugeMinutes(bytes) {
  const out = ['# SCS Tech Weekly 2022-09-29', '', '## Team Updates', ''];
  let size = 0;
  for (let section = 0; size < bytes; section++) {
    const lines = [`### Team S${section}`, '', `Minutes: ${BASE}s${section}/20220928.md`, ''];
    for (let item = 0; item < 12; item++) lines.push(`- item ${item} of section ${section} with some words`, `  - detail ${item} on 2022-10-0${(item % 9) + 1}`, `    - more @someone`);
    lines.push('');
    size += lines.join('\n').length + 1;
    out.push(...lines);
  }
  return out.join('\n');
}

/** A list-heavy document without headings: the case micromark 4.0.3 parses in quadratic time. */
export function listHeavy(bytes) {
  const out = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `${'  '.repeat(i % 6)}- item ${i} with a [link](https://example.org/${i}) and \`code\``;
    out.push(line);
    size += line.length + 1;
  }
  return out.join('\n');
}
