import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { actionRows, type ActionRow } from '../../cli/src/actions';
import { calendarFor, DEFAULT_CONFIG, newTeamMinutes, openItems, parseMinutes } from '../../server/src/core';
import { actionItemsOf } from '../../server/src/core/model/actionItems';
import { parseMinutesOutline } from '../../server/src/core/model/parse';
import { fileWorkspace, listMarkdownFiles } from '../../server/src/node/fileWorkspace';
import { CORPUS, requireCorpus } from './corpusPath';

// A week after the newest SCS minutes here (2026-06-04).
const TODAY = { year: 2026, month: 6, day: 11 };

describe('action items of the real SCS minutes', function () {
  let rows: ActionRow[] = [];

  before(function () {
    requireCorpus(this);
    this.timeout(120_000);
    rows = actionRows(listMarkdownFiles(CORPUS).map((f) => join(CORPUS, f)), CORPUS, DEFAULT_CONFIG, TODAY);
  });

  const at = (file: string, line: number) => rows.find((r) => r.file === file && r.line === line);

  // Series are read from the files' headings alone (parseMinutesOutline): it must find what a full parse finds.
  it('reads the same action items from a file\'s headings alone as from a full parse, for every file', () => {
    let compared = 0;
    for (const path of listMarkdownFiles(CORPUS)) {
      const doc = { uri: `file:///corpus/${path}`, version: 0, text: readFileSync(join(CORPUS, path), 'utf8') };
      assert.deepEqual(actionItemsOf(parseMinutesOutline(doc, DEFAULT_CONFIG)), actionItemsOf(parseMinutes(doc, DEFAULT_CONFIG)), path);
      compared++;
    }
    assert.ok(compared > 700);
  });

  it('reads a sample checked by hand: owners, text and state across the series', () => {
    const sample: Array<[string, number, string[], string, ActionRow['status']]> = [
      // `_AI @fzakfeld: ..._` under "Pending action items", with "ongoing, see standards#1020" below.
      ['sig-standardization/20260604.md', 14, ['fzakfeld'], 'create issue and draft a standard on IPv6 networking for IaaS', 'open'],
      // The text as a label shows it: no backticks, link text.
      ['sig-standardization/20260604.md', 61, ['mbuechse'], 'implement oldgeneric in image manager', 'open'],
      // A sub-bullet "DONE", and "done: [calendar/#313](...)"; assigned to @garloff, not to those it mentions.
      ['sig-standardization/20231019.md', 20, ['garloff'], 'ensure that @maxwolfs has the latest revision from @alexander-diab for PR docs/#76', 'done'],
      ['sig-standardization/20240919.md', 25, ['mbuechse'], 'switch to weekly with (many) exceptions', 'done'],
      // `AI @fkr to ...` (the task without the "to"), and a trailing `(AI: @specterj)`; the next meetings do not mention them.
      ['project-board/20260202.md', 36, ['fkr'], 'further investigate', 'dropped'],
      ['iam/20240828.md', 60, ['specterj'], 'KaaS with trivy, trivy-operator', 'dropped'],
    ];
    for (const [file, line, owners, text, status] of sample) {
      const row = at(file, line);
      assert.ok(row, `${file}:${line} is an action item`);
      assert.deepEqual([row.owners, row.text, row.status], [owners, text, status], `${file}:${line}`);
    }
    assert.equal(at('sig-standardization/20260604.md', 14)!.raised.date, '2025-11-25', 'carried since it was raised');
  });

  it('finds action items where the teams write them, and only items', () => {
    const perFolder: Record<string, number> = {};
    for (const r of rows) perFolder[r.file.split('/')[0]] = (perFolder[r.file.split('/')[0]] ?? 0) + 1;
    // Counted after reading a sample of each folder's items, each item once however often it was
    // carried (iam with the two ToDo items of iam/20230419.md, a meeting whose title is a line of
    // text, read as minutes since the series work).
    assert.deepEqual(perFolder, { container: 80, iaas: 88, iam: 55, openops: 3, ops: 29, 'ops-iam': 3, 'product-board': 40, 'project-board': 31, 'sig-central-api': 3, 'sig-community': 8, 'sig-documentation': 8, 'sig-monitoring': 3, 'sig-release': 1, 'sig-standardization': 151 });
    assert.equal(new Set(rows.map((r) => `${r.raised.file}:${r.raised.line}`)).size, rows.length, 'one row per item, not one per meeting that carried it');
    assert.deepEqual(rows.filter((r) => !r.text.trim() || r.text === '(no text)'), []);
    assert.deepEqual(rows.filter((r) => r.file.startsWith('community-call/')), [], 'the roll-ups report, they raise no items of their own');
  });

  it('lists the same open items as the Action Items view', () => {
    const view = openItems(fileWorkspace(CORPUS, DEFAULT_CONFIG), TODAY).map((l) => [`${l.tracked.file.path}:${l.tracked.item.line + 1}`, l.seriesEnded]);
    assert.deepEqual(rows.filter((r) => r.status === 'open').map((r) => [`${r.file}:${r.line}`, r.seriesEnded]).sort(), view.sort());
    assert.ok(view.length > 5);
  });

  it('starts the minutes of sig-standardization of 2026-06-11 with the items 2026-06-04 left open', () => {
    const file = newTeamMinutes(fileWorkspace(CORPUS, DEFAULT_CONFIG), 'sig-standardization', calendarFor(DEFAULT_CONFIG.holidays), { year: 2026, month: 6, day: 11 });
    assert.match(file.text, /## Pending action items\n\n- _AI @fzakfeld: create issue and draft a standard on IPv6 networking for IaaS_\n {2}- status: \n- _AI @mbuechse: implement `oldgeneric` in image manager_\n/u);
  });
});
