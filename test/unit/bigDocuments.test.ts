import * as assert from 'node:assert/strict';
import { ChunkCache, DEFAULT_CONFIG, lint, parseMinutes, parseMinutesInSteps, type Finding, type MinutesModel } from '../../server/src/core';
import { readLinks } from '../../server/src/core/model/links';
import { finish, parseMarkdown, parseMarkdownInSteps, parseWhole } from '../../server/src/core/model/markdown';
import { flatten } from '../../server/src/core/model/parse';
import { BASE, MEETING_PATH, REPO, rollup, shown, TEAM, TODAY, workspaceOf } from './rules/ruleHelpers';

// A big document is read in parts (the server shows the findings of its first part while it reads
// the rest, and reads no more than a limit whole): what it finds must be what one reading finds.

/** A roll-up of `count` team sections, each with something to find: a link to a missing file, a placeholder. */
function bigRollUp(count: number): string {
  const sections = Array.from({ length: count }, (_, i) => [
    `### Team T${i}`,
    '',
    `Minutes: ${BASE}t${i}/20220928.md`,
    '',
    `- see [the notes](../iaas/2022090${(i % 9) + 1}.md) and [last week](#team-t${i + 1000})`,
    `  - @github-handle to follow up on 2022-10-0${(i % 9) + 1}`,
  ]);
  return rollup([TEAM.iaas, ...sections]);
}

const uri = `file:///repo/${MEETING_PATH}`;
const config = DEFAULT_CONFIG;
const text = bigRollUp(60);
const workspace = workspaceOf({ ...REPO, [MEETING_PATH]: text }, config);
const findingsOf = (model: MinutesModel): Finding[] => lint(model, config, { workspace, today: TODAY });
const readTo = Math.floor(text.length / 3);

describe('a big document read in parts', () => {
  it('has, read first in part and then whole, the model and findings of one reading', () => {
    const cache = new ChunkCache();
    const first = finish(parseMinutesInSteps({ uri, version: 1, text }, config, cache, readTo));
    assert.ok(first.readTo !== undefined && first.readTo >= readTo, 'the first reading stops early');
    const whole = finish(parseMinutesInSteps({ uri, version: 1, text }, config, cache));
    const once = parseMinutes({ uri, version: 1, text }, config);
    assert.equal(whole.readTo, undefined);
    assert.deepEqual(JSON.parse(JSON.stringify(whole.sections)), JSON.parse(JSON.stringify(once.sections)));
    assert.deepEqual(JSON.parse(JSON.stringify(whole.updates)), JSON.parse(JSON.stringify(once.updates)));
    assert.deepEqual(findingsOf(whole).map(shown), findingsOf(once).map(shown));
  });

  it('keeps the headings of the part not read, judges nothing there, and says from which line', () => {
    const partial = finish(parseMinutesInSteps({ uri, version: 1, text }, config, new ChunkCache(), readTo));
    const once = parseMinutes({ uri, version: 1, text }, config);
    assert.deepEqual(flatten(partial.sections).map((s) => s.title), flatten(once.sections).map((s) => s.title), 'the outline is whole');
    const cut = partial.lines.positionAt(partial.readTo!).line;
    const all = findingsOf(once);
    assert.ok(all.some((f) => f.code !== 'not-fully-checked' && f.range.start.line >= cut), 'read whole, the rest has findings');
    const found = findingsOf(partial);
    assert.deepEqual(found.filter((f) => f.range.start.line >= cut), [], 'nothing found where it was not read');
    const note = found.filter((f) => f.code === 'not-fully-checked');
    assert.equal(note.length, 1);
    assert.match(note[0].message, new RegExp(`only the headings from line ${cut + 1} on are read\\): nothing there is checked`, 'u'));
    // What stands before the cut is found as in one reading.
    const before = (findings: Finding[]) => findings.filter((f) => f.code !== 'not-fully-checked' && f.range.start.line < cut).map(shown);
    assert.deepEqual(before(found), before(all));
  });
});

describe('a reading dropped before its end (a newer version came)', () => {
  it('leaves the pieces it parsed to the next reading, which gives the tree of one reading', () => {
    const big = bigRollUp(400);
    const cache = new ChunkCache();
    const dropped = parseMarkdownInSteps(big, cache);
    for (let i = 0; i < 5; i++) dropped.next();
    const parsedSoFar = cache.unfinished.map((p) => p.parsed);
    assert.ok(parsedSoFar.length > 0 && cache.pieces.length === 0, 'dropped midway');
    const edited = big.replace('Team T399', 'Team T399b');
    const root = finish(parseMarkdownInSteps(edited, cache));
    assert.deepEqual(JSON.parse(JSON.stringify(root)), JSON.parse(JSON.stringify(parseWhole(edited))));
    assert.ok(parsedSoFar.every((p) => cache.pieces.some((kept) => kept.parsed === p)), 'every piece parsed before is taken over');
    assert.deepEqual(cache.unfinished, [], 'a reading of the whole leaves nothing unfinished');
  });
});

describe('the links of a document read with its parse', () => {
  it('stand where the text has them, in every piece of the document', () => {
    // A text no other test parses: its pieces' links come from this parse.
    const doc = ['# Notes 2022-09-29 (links)', '', '[a](../iaas/20220914.md) and <https://example.org/x.md>', '', '## B', '', '- see [b](sig/20220101.md#Top) and https://example.org/y.md', '', '## C', '', 'text [c](#b)'].join('\n');
    parseMarkdown(doc, new ChunkCache());
    const links = readLinks(doc, ['https://example.org/']);
    assert.deepEqual(
      links.map((l) => l.url),
      ['../iaas/20220914.md', 'https://example.org/x.md', 'sig/20220101.md#Top', 'https://example.org/y.md', '#b'],
    );
    for (const link of links) assert.equal(doc.slice(link.start, link.end), link.url);
  });
});
