import * as assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { calendarFor, completions, DEFAULT_CONFIG, MinutesWorkspace, resolveConfig } from '../../server/src/core';
import { BASE, joinLines, modelOf } from './helpers';

const previous = joinLines('# SCS Tech Weekly 2022-09-22', '## Meta', '- Minutes: Jonas', '## Team Updates', '### Team IaaS', `Minutes: ${BASE}iaas/20220921.md`, '### Team Container', `Minutes: ${BASE}container/20220919.md`, '## AOB');
const files: Record<string, string> = {
  'community-call/20220922.md': previous,
  'community-call/20220915.md': previous.replace('2022-09-22', '2022-09-15').replace('Jonas', 'Max'),
  'iaas/20220921.md': '# 2022-09-21\n\n## Participants\n\n- @garloff\n- @fkr\n',
  'iaas/20220928.md': '# 2022-09-28\n\n## Participants\n\n- @fkr\n\n## Agenda\n\n- Image manager\n',
  'iaas/20221005.md': '# 2022-10-05\n',
  'container/20220919.md': '# 2022-09-19\n',
  'container/20220926.md': '# 2022-09-26\n',
};
const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => files[p] }, DEFAULT_CONFIG, Object.keys(files));
const env = { config: DEFAULT_CONFIG, workspace, calendar: calendarFor(DEFAULT_CONFIG.holidays), today: { year: 2022, month: 9, day: 29 } };
const newText = (item: CompletionItem) => (item.textEdit as TextEdit).newText;

function complete(lines: string[], path = 'community-call/20220929.md') {
  const text = joinLines(...lines);
  const line = lines.findIndex((l) => l.includes('|'));
  const character = lines[line].indexOf('|');
  return completions(modelOf(text.replace('|', ''), path), { line, character }, env);
}

describe('completion', () => {
  it("offers the team's minutes after `Minutes:`, newest on or before the meeting first, as full links", () => {
    const items = complete(['# SCS Tech Weekly 2022-09-29', '## Team Updates', '### Team IaaS', 'Minutes: |']);
    // iaas/20221005.md is dated after the meeting: not a link for it.
    assert.deepEqual(items.filter((i) => String(i.label).endsWith('.md')).map((i) => i.label), ['iaas/20220928.md', 'iaas/20220921.md']);
    assert.equal(newText(items[0]), `${BASE}iaas/20220928.md`);
    assert.equal(items[0].preselect, true);
    assert.match(JSON.stringify(items[0].documentation), /Image manager/u, 'documents the linked file');
    assert.ok(items.some((i) => newText(i) === 'none yet'));
    assert.ok(items.some((i) => newText(i) === 'not available yet: https://github.com/SovereignCloudStack/minutes/tree/main/iaas'));
  });

  it('replaces what was typed of the link, and works inside `[Minutes](`', () => {
    const [item] = complete(['# SCS Tech Weekly 2022-09-29', '## Team Updates', '### Team IaaS', '[Minutes](https://git|']);
    assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: 3, character: 10 }, end: { line: 3, character: 21 } });
    assert.equal(newText(item), `${BASE}iaas/20220928.md`);
  });

  it('offers the expected teams that are not there yet on a new heading in the group', () => {
    const items = complete(['# SCS Tech Weekly 2022-09-29', '## Team Updates', '### Team IaaS', `Minutes: ${BASE}iaas/20220928.md`, '### |', '## AOB']);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Team Container'],
    );
    assert.equal(newText(items[0]), `Team Container\n\nMinutes: ${BASE}container/20220926.md\n\n$0`);
  });

  it('offers meeting dates, holidays and today for a partial date, each with its weekday', () => {
    const items = complete(['# SCS Tech Weekly 2022-09-29', '## AOB', '- next call on 2022-1|']);
    const labels = items.map((i) => `${i.label} ${i.labelDetails?.description}`);
    assert.ok(labels.includes('2022-10-06 Thursday, next meeting'), labels.join('\n'));
    assert.ok(labels.some((l) => l.startsWith('2022-10-03 Monday')), 'the next public holiday');
    assert.equal((items[0].textEdit as TextEdit).range.start.character, 15);
  });

  it("offers the handles of the folder's earlier minutes, most frequent first", () => {
    const items = complete(['# 2022-10-05', '## Participants', '- @|'], 'iaas/20221005.md');
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['@fkr', 'in 2 of the last 2 meetings'],
        ['@garloff', 'in 1 of the last 2 meetings'],
      ],
    );
  });

  it('ranks the handles not yet among the participants first (issue 14)', () => {
    const items = complete(['# 2022-10-05', '## Participants', '- @fkr', '- @|', '## Agenda', '- ask @garloff'], 'iaas/20221005.md');
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['@garloff', 'in 1 of the last 2 meetings'],
        ['@fkr', 'listed already; in 2 of the last 2 meetings'],
      ],
    );
  });

  it('offers the teams of the previous roll-up on a new heading even when none is expected (issue 14)', () => {
    const items = complete(['# SCS Tech Weekly 2022-10-20', '## Team Updates', '### Team IaaS', `Minutes: ${BASE}iaas/20221005.md`, '### |', '## AOB'], 'community-call/20221020.md');
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['Team Container', 'in the previous roll-up, no minutes since']]);
  });

  it("offers the series' own headings on a new heading in its minutes, the ones kept most first, none written already", () => {
    const items = complete(['# 2022-10-05', '## Participants', '- @fkr', '## |'], 'iaas/20221005.md');
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [['Agenda', 'in 1 of the series\' last 2 meetings']],
    );
    assert.deepEqual(complete(['# 2022-10-05', '### |'], 'iaas/20221005.md'), [], 'no heading of the series is at that level');
  });

  it('offers the sections its series requires first', () => {
    const config = resolveConfig({ series: [{ paths: ['{series}/{YYYY}{MM}{DD}.md'], requiredSections: ['Present', 'Decisions'] }] }).config;
    const own = new MinutesWorkspace('file:///repo', { readFile: (p) => files[p] }, config, Object.keys(files));
    const text = joinLines('# 2022-10-05', '## Present', '## ');
    const items = completions(modelOf(text, 'iaas/20221005.md', config), { line: 2, character: 3 }, { ...env, config, workspace: own });
    assert.deepEqual(items.map((i) => i.label), ['Decisions', 'Participants', 'Agenda']);
    assert.equal(items[0].detail, 'required by the series');
  });

  it('offers recent minute takers in Meta', () => {
    const items = complete(['# SCS Tech Weekly 2022-09-29', '## Meta', '- Minutes: |']);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Jonas', 'Max'],
    );
  });

  it('offers nothing in prose, or in documents that are not minutes', () => {
    assert.deepEqual(complete(['# SCS Tech Weekly 2022-09-29', '## AOB', '- we talked about |']), []);
    assert.deepEqual(complete(['# Readme', 'Minutes: |'], 'README.md'), []);
  });
});
