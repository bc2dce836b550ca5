import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, lint, resolveConfig } from '../../../server/src/core';
import { BASE, GOOD, joinLines, modelOf, workspaceOf, lintDoc, MEETING_PATH, ofCode, REPO, rollup, single, TEAM } from './ruleHelpers';

describe('rule unrecognised-file', () => {
  it('says why a dated file that no path pattern covers gets no minutes checks, and which pattern would', () => {
    const f = single(lintDoc('# SIG Release 2023-09-14\n\n## Participants\n', 'sig-release/2023-09-14.md', REPO).findings, 'unrecognised-file');
    assert.equal(f.severity, 'information');
    assert.match(f.message, /add "\{series\}\/\{YYYY\}-\{MM\}-\{DD\}\.md" to the "paths" of its series/u);
    assert.equal(lintDoc('# SIG Release 2023-09-14\n', 'sig-release/2023-09-14.md', REPO).findings.length, 1, 'and nothing else');
  });

  it('reports a name that a pattern reads only as a date that does not exist (day-month-year under month-day)', () => {
    const config = resolveConfig({ series: [{ paths: ['{YYYY}/{*}/{MM}-{DD}{suffix}.md'] }] }).config;
    const files = { '2016/03-london/03-29-minutes.md': '# F2F 2016-03-29\n' };
    const f = single(lintDoc('# F2F London 29-03-2016\n', '2016/03-london/29-03-2016-minutes.md', files, config).findings, 'unrecognised-file');
    assert.match(f.message, /matches "\{YYYY\}\/\{\*\}\/\{MM\}-\{DD\}\{suffix\}\.md" only as a date that does not exist/u);
    // What it proposes reads the name as the date it is: day, month, year.
    assert.match(f.message, /add "\{YYYY\}\/03-london\/\{DD\}-\{MM\}-\{YYYY\}\{suffix\}\.md"/u);
    assert.deepEqual(ofCode(lintDoc('# F2F 2016-03-29\n', '2016/03-london/03-29-minutes.md', files, config).findings, 'unrecognised-file'), []);
  });

  it('stays quiet on files without a date in their name, slide decks and templates', () => {
    assert.deepEqual(lintDoc('# Notes\n', 'sig-release/notes.md', REPO).findings, []);
    assert.deepEqual(lintDoc('\n---\ntype: slide\n---\n# Weekly\n', 'slides/2023-09-14.md', REPO).findings, []);
    assert.deepEqual(lintDoc('# Template\n', 'templates/2023-09-14-template.md', REPO).findings, []);
  });
});

describe('rule not-fully-checked', () => {
  it('reads a pasted log under a bullet as plain text, says so once, and still checks the rest', () => {
    const log = Array.from({ length: 2500 }, (_, i) => `2022-09-29T10:00:${String(i % 60).padStart(2, '0')}Z GET /api/${i} 200`).join('\n');
    const text = rollup([TEAM.iaas, [...TEAM.container, '', '- The log of the failed deployment:', log]]).replace('2022-09-29', '2022-09-22');
    const { findings, model } = lintDoc(text, MEETING_PATH, REPO);
    const f = single(findings, 'not-fully-checked');
    assert.match(f.message, /too large to check fully \(2000 lines without a blank line\)/u);
    assert.deepEqual(model.updates?.entries.map((e) => e.name), ['Team IaaS', 'Team Container'], 'its section stays a team section');
    assert.equal(ofCode(findings, 'title-date-mismatch').length, 1, 'the rest is checked');
  });

  it('reads a megabyte line and hundreds of nesting levels as plain text', () => {
    const long = joinLines(GOOD, `![screenshot](data:image/png;base64,${'A'.repeat(120_000)})`);
    assert.match(single(lintDoc(long, MEETING_PATH, REPO).findings, 'not-fully-checked').message, /a line of 120\d+ characters/u);
    const nested = joinLines(GOOD, ...Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}- level ${i}`));
    assert.match(single(lintDoc(nested, MEETING_PATH, REPO).findings, 'not-fully-checked').message, /nesting of 200 levels/u);
  });

  it('shows a thousand findings and says how many more there are', function () {
    this.timeout(30_000);
    // 400 sections of the same team, each linking a file named after a day that does not exist.
    const sections = Array.from({ length: 400 }, () => ['### Team IaaS', '', `Minutes: ${BASE}iaas/20230230.md`]);
    const { findings } = lintDoc(rollup(sections), MEETING_PATH, REPO);
    assert.equal(findings.length, 1001);
    assert.match(findings[1000].message, /^\d+ more findings are not shown; fix these first\.$/u);
    assert.equal(findings[1000].code, 'not-fully-checked');
  });
});

describe('rule duplicate-minutes', () => {
  it('is the one finding about a copied roll-up\'s title, and no other fix on the copy is applied unasked', () => {
    // Last week's roll-up saved as this week's: its title, its links, its teams are last week's.
    const { findings } = lintDoc(REPO['community-call/20220922.md'], MEETING_PATH, REPO);
    assert.equal(findings[0].code, 'duplicate-minutes');
    assert.deepEqual(findings.filter((f) => f.code === 'title-date-mismatch'), []);
    assert.ok(findings.some((f) => f.code === 'minutes-link-outdated'), 'the outdated links are still said');
    // Relinking them one by one would make the copy look like this week's minutes, which nobody wrote.
    assert.deepEqual(findings.filter((f) => f.fixes?.some((x) => x.preferred)).map((f) => f.code), []);
  });

  const minutes = joinLines('# Team IaaS 2022-09-21', '', '## Participants', '', '- @alex', '- @kim', '', '## Topics', '', '- Image manager release', '- Ceph upgrade');

  it('follows the files as they change: a copy made genuine is no copy any more', () => {
    const files: Record<string, string> = { ...REPO, 'iaas/20220921.md': minutes, 'iaas/20220928.md': minutes.replace('\n', '\n\n') };
    const workspace = workspaceOf(files);
    const lintLater = () => lint(modelOf(files['iaas/20220928.md'], 'iaas/20220928.md'), DEFAULT_CONFIG, { workspace }).filter((f) => f.code === 'duplicate-minutes');
    assert.equal(lintLater().length, 1);
    files['iaas/20220921.md'] = `${minutes}\n- one more topic\n`;
    workspace.fileChanged('iaas/20220921.md');
    assert.deepEqual(lintLater(), []);
  });
});
