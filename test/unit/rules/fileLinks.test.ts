import * as assert from 'node:assert/strict';
import { codeActions, parseMinutesForLint, DEFAULT_CONFIG, lint } from '../../../server/src/core';
import { BASE, fixed, joinLines, lintDoc, MEETING_PATH, modelOf, offered, rangeOf, REPO, rollup, shown, TEAM, workspaceOf, type Files } from './ruleHelpers';

const CODES = ['link-not-found', 'link-anchor-not-found'];
const linkFindings = (text: string, path: string, files?: Files) => lintDoc(text, path, files).findings.filter((f) => CODES.includes(f.code));

/** A team folder with last week's minutes, which this week's link to. */
const FILES: Files = {
  'iaas/20220921.md': joinLines('# Team IaaS 2022-09-21', '', '## Decisions', '', '- Use Keycloak', '', '## Action items', '', '## Action items', ''),
  'iaas/notes/design.md': joinLines('# Design notes', '', '## Why (not) OVN?', ''),
  'README.md': '# IaaS minutes\n',
};
const PATH = 'iaas/20220928.md';
const doc = (...body: string[]) => joinLines('# Team IaaS 2022-09-28', '', '## Notes', '', ...body, '');

describe('rule link-not-found', () => {
  it('reports a relative link to a missing file on its destination, and relinks the one file of that folder on that date', () => {
    const text = doc('- See [last week](2022-09-21.md#decisions).');
    const [f, ...rest] = linkFindings(text, PATH, FILES);
    assert.deepEqual(rest, []);
    assert.deepEqual(shown(f), {
      code: 'link-not-found',
      severity: 'warning',
      message: 'iaas/2022-09-21.md does not exist in this repository; iaas/20220921.md is the file meant.',
      range: rangeOf(text, '2022-09-21.md#decisions'),
    });
    assert.deepEqual(f.related, [{ uri: 'file:///repo/iaas/20220921.md', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: 'the file meant' }]);
    // The path is replaced, the anchor kept.
    assert.equal(fixed(text, f), doc('- See [last week](20220921.md#decisions).'));
  });

  it('offers, without preferring, the files a few days off when none is of that date', () => {
    const text = doc('- See [last week](../iaas/20220920.md).');
    const [f] = linkFindings(text, PATH, FILES);
    assert.equal(f.message, 'iaas/20220920.md does not exist in this repository; perhaps iaas/20220921.md.');
    assert.deepEqual(f.range, rangeOf(text, '../iaas/20220920.md'));
    assert.equal(f.fixes?.some((x) => x.preferred), false);
    assert.equal(offered(text, f), doc('- See [last week](20220921.md).'));
  });

  it('checks links into this repository by URL, and edits only their path', () => {
    const url = `${BASE}iaas/2022-09-21.md`;
    const text = doc(`- Last week: ${url}`);
    const [f] = linkFindings(text, PATH, FILES);
    assert.deepEqual(f.range, rangeOf(text, url));
    assert.equal(fixed(text, f), doc(`- Last week: ${BASE}iaas/20220921.md`));
  });

  it("never takes the linking file, or a file whose name shares no word with the link's, for the one meant", () => {
    // An agenda linking the minutes of its meeting, not written yet.
    const text = joinLines('# Agenda 2022-09-28', '', 'Minutes: [here](20220928-iam-minutes.md)', '');
    const [f] = linkFindings(text, 'iaas/20220928-iam-agenda.md', { ...FILES, 'iaas/20220928-notes.md': '# Notes 2022-09-28\n' });
    assert.deepEqual([f.message, f.range, f.fixes], ['iaas/20220928-iam-minutes.md does not exist in this repository.', rangeOf(text, '20220928-iam-minutes.md'), undefined]);
  });

  it('reports a link without a file of its name or date elsewhere with no fix, and reads links in nested lists and reference definitions', () => {
    const text = doc('- Topics', '  - [the design](notes/desing.md)', '', '[plan]: ./plan.md');
    assert.deepEqual(
      linkFindings(text, PATH, FILES).map((f) => [f.message, f.range, f.fixes]),
      [
        ['iaas/notes/desing.md does not exist in this repository.', rangeOf(text, 'notes/desing.md'), undefined],
        ['iaas/plan.md does not exist in this repository.', rangeOf(text, './plan.md'), undefined],
      ],
    );
  });

  it('stays quiet on correct links, links to other repositories and sites, folders it cannot see, and links that are no Markdown files', () => {
    const text = doc(
      '- [last week](20220921.md), [root](/README.md), [up](../README.md), [design](notes/design.md#why-not-ovn)',
      `- ${BASE}iaas/20220921.md and [tree](https://github.com/SovereignCloudStack/minutes/tree/main/iaas/20220921.md)`,
      '- [docs](https://github.com/SovereignCloudStack/docs/blob/main/missing.md), https://github.com/SovereignCloudStack/minutes-old/blob/main/x.md',
      '- [as it was](https://github.com/SovereignCloudStack/minutes/blob/8e1aa24feb0497374cc72b8aaa7dea4e5adb0f71/iaas/deleted.md)',
      '- [site](https://scs.community/x.md), [mail](mailto:a@b.c), [image](diagram.png), [folder](../container/)',
      '- [hackathon](../hackathons/2022/notes.md), [outside](../../elsewhere.md)',
      '- `[code](missing.md)`',
    );
    assert.deepEqual(linkFindings(text, PATH, FILES), []);
  });

  it('leaves the minutes lines of a roll-up to minutes-link-not-found, and checks its other links', () => {
    const text = rollup([[...TEAM.iaas.slice(0, 2), `Minutes: ${BASE}iaas/20220927.md`], ['### Team Container', '', `Minutes: ${BASE}container/20220926.md`, '', `- Notes: ${BASE}container/20220925.md`]]);
    const codes = lintDoc(text, MEETING_PATH, REPO).findings.filter((f) => f.code.includes('not-found')).map((f) => [f.code, f.range]);
    assert.deepEqual(codes, [
      ['minutes-link-not-found', rangeOf(text, `${BASE}iaas/20220927.md`)],
      ['link-not-found', rangeOf(text, `${BASE}container/20220925.md`)],
    ]);
  });

  it('needs the repository: without one, only anchors in the document itself are checked', () => {
    assert.deepEqual(linkFindings(doc('- [x](missing.md)', '- [notes](#notes) [nope](#nope)'), PATH).map((f) => f.code), ['link-anchor-not-found']);
  });
});

describe('rule link-anchor-not-found', () => {
  it('reports an anchor no heading of the linked file has, on the fragment, without a fix when no heading is meant', () => {
    const text = doc('- [actions](20220921.md#action-item)');
    const [f, ...rest] = linkFindings(text, PATH, FILES);
    assert.deepEqual(rest, []);
    assert.deepEqual(shown(f), {
      code: 'link-anchor-not-found',
      severity: 'warning',
      message: 'iaas/20220921.md has no heading with the anchor #action-item.',
      range: rangeOf(text, '#action-item'),
    });
    assert.equal(f.fixes, undefined);
  });

  it("prefers the one heading whose anchor differs in punctuation alone, as GitHub's slugger makes it", () => {
    const text = doc('- [design](notes/design.md#why-not_ovn)');
    const [f] = linkFindings(text, PATH, FILES);
    assert.equal(f.message, "iaas/notes/design.md has no heading with the anchor #why-not_ovn; the heading's anchor is #why-not-ovn.");
    assert.equal(fixed(text, f), doc('- [design](notes/design.md#why-not-ovn)'));
  });

  it('knows repeated headings (`-1`), HTML anchors, line anchors, and that GitHub finds anchors whatever their case', () => {
    const text = doc('- [second](20220921.md#action-items-1) [case](20220921.md#Decisions) [line](20220921.md#L3-L5) [top](#top)', '- <a name="here"></a>[here](#here) [third](20220921.md#action-items-2)');
    assert.deepEqual(linkFindings(text, PATH, FILES).map((f) => textOf(text, f.range)), ['#action-items-2']);
  });

  it("follows the linked file's headings as it changes (the repository's outline of it is read again)", () => {
    const text = doc('- [risks](20220921.md#risks)');
    const files: Files = { ...FILES, [PATH]: text };
    const workspace = workspaceOf(files);
    const anchorFindings = () => lint(modelOf(text, PATH), DEFAULT_CONFIG, { workspace }).filter((f) => f.code === 'link-anchor-not-found');
    assert.equal(anchorFindings().length, 1);
    files['iaas/20220921.md'] += '\n## Risks\n';
    workspace.fileChanged('iaas/20220921.md');
    assert.deepEqual(anchorFindings(), []);
  });

  it('checks anchors within the document, also when the checks read only its title', () => {
    const text = doc('- [notes](#notes), [decision](#Notes_), [nothing](#nothing)');
    const model = parseMinutesForLint({ uri: `file:///repo/${PATH}`, version: 1, text }, DEFAULT_CONFIG);
    const findings = lint(model, DEFAULT_CONFIG, { workspace: workspaceOf({ ...FILES, [PATH]: text }) }).filter((f) => f.code === 'link-anchor-not-found');
    assert.deepEqual(
      findings.map((f) => [f.message, textOf(text, f.range)]),
      [
        ["this file has no heading with the anchor #Notes_; the heading's anchor is #notes.", '#Notes_'],
        ['this file has no heading with the anchor #nothing.', '#nothing'],
      ],
    );
    // In the editor, Ctrl+. offers the preferred fix first.
    const [action] = codeActions(model.uri, findings, findings[0].range);
    assert.equal(action.title, 'Link #notes');
    assert.equal(action.isPreferred, true);
  });
});

function textOf(text: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  return lines[range.start.line].slice(range.start.character, range.start.line === range.end.line ? range.end.character : undefined);
}
