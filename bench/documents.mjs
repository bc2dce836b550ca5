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

/**
 * A minutes repository as large as the real SCS one: `weeks` weekly roll-ups, each linking the
 * minutes of `teams` teams of that week, written as files into `dir`. Returns the number of files.
 */
export function writeRepository(dir, { weeks = 100, teams = 8 } = {}, write) {
  const day = (d) => d.toISOString().slice(0, 10);
  const compact = (d) => day(d).replace(/-/gu, '');
  let files = 0;
  const first = Date.UTC(2021, 0, 7); // a Thursday
  for (let w = 0; w < weeks; w++) {
    const thursday = new Date(first + w * 7 * 86_400_000);
    const wednesday = new Date(thursday.getTime() - 86_400_000);
    const sections = [];
    for (let t = 0; t < teams; t++) {
      const folder = `team-${t}`;
      write(`${folder}/${compact(wednesday)}.md`, [
        `# Team ${t} ${day(wednesday)}`, '', '## Participants', '', '- @alice', '- @bob', '- @carol', '',
        '## Pending action items', '', `- [ ] @alice: prepare the release notes (since ${day(new Date(wednesday.getTime() - 7 * 86_400_000))})`, '',
        '## Topics', '', ...Array.from({ length: 6 }, (_, i) => [`### Topic ${i + 1}`, '', `- discussed item ${i} of week ${w}, see https://example.com/issues/${w * 10 + i}`, `  - decided to follow up on ${day(thursday)}`, '']).flat(),
        '## Action items', '', `- _AI @bob: review the pull request of week ${w}_`, '',
      ].join('\n'));
      files++;
      sections.push(`### Team ${t}`, '', `Minutes: ${BASE}${folder}/${compact(wednesday)}.md`, '', `- Week ${w}: progress on the roadmap`, '- Image manager', '');
    }
    write(`community-call/${compact(thursday)}.md`, [`# SCS Tech Weekly ${day(thursday)}`, '', '## Meta', '', '- Minutes: Jonas', '', '## Team Updates', '', ...sections, '## AOB', '', '## Project Updates', ''].join('\n'));
    files++;
  }
  return files;
}
