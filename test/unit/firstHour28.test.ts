// Issue 28: what a new user still trips over in the first hour, where it is core behaviour.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MarkupContent } from 'vscode-languageserver-types';
import { calendarFor, DEFAULT_CONFIG, documentSymbols, hover, MinutesWorkspace } from '../../server/src/core';
import { SNIPPET_PLACEHOLDERS } from '../../server/src/core/rules/placeholders';
import { configChanges } from '../../server/src/core/features/configChanges';
import { inferConfig } from '../../server/src/core';
import { BASE, joinLines, modelOf } from './helpers';
import { lintDoc, ofCode, offered, rangeOf } from './rules/ruleHelpers';

describe('issue 28: the first hour, round two', () => {
  describe('2: Create Configuration says what it changes against the defaults', () => {
    it('lists each differing key with its default and new value, what checks less first', () => {
      const changes = configChanges([
        { key: 'weeklyPaths', value: DEFAULT_CONFIG.weeklyPaths, why: '' },
        { key: 'linkBase', value: 'https://example.org/minutes/', why: '' },
        { key: 'requiredSections', value: [], why: '' },
        { key: 'rules', value: { 'missing-minute-taker': 'off', 'meeting-on-holiday': 'off' }, why: '' },
      ]);
      assert.deepEqual(changes, [
        { key: 'requiredSections', from: '["meta","updates","aob"]', to: '[]', weakens: true },
        { key: 'rules.missing-minute-taker', from: '"information"', to: '"off"', weakens: true },
        { key: 'rules.meeting-on-holiday', from: '"warning"', to: '"off"', weakens: true },
        { key: 'linkBase', from: '"https://github.com/SovereignCloudStack/minutes/blob/main/"', to: '"https://example.org/minutes/"', weakens: false },
      ]);
    });

    it('shows a series that requires fewer sections than the defaults first, then each file pattern added or dropped on a row of its own', () => {
      const paths = ['weekly/{YYYY}{MM}{DD}.md', 'sig-standardization/{YYYY}{MM}{DD}{suffix}.md'];
      const changes = configChanges([{ key: 'series', value: [{ kind: 'rollup', paths, requiredSections: ['Team Updates'] }], why: '' }]);
      assert.deepEqual(changes[0], { key: 'requiredSections of weekly/{YYYY}{MM}{DD}.md', from: '["Meta","Team Updates","AOB"]', to: '["Team Updates"]', weakens: true });
      const rows = changes.slice(1).map((c) => `${c.key}: ${c.from} → ${c.to}`);
      assert.ok(rows.includes('series: (none) → sig-standardization/{YYYY}{MM}{DD}{suffix}.md'), rows.join('\n'));
      assert.ok(rows.includes('series: (none) → weekly/{YYYY}{MM}{DD}.md'), rows.join('\n'));
      assert.ok(rows.every((r) => !r.includes('…')), 'no row cut');
    });

    it("shows a repository's inferred config turning off the minute taker check it does not follow", () => {
      const files: Record<string, string> = {};
      for (const day of ['01', '08', '15', '22']) files[`weekly/202209${day}.md`] = joinLines(`# ACME Weekly 2022-09-${day}`, '## Team Updates', '### Team IaaS', `Minutes: https://github.com/acme/minutes/blob/main/iaas/202209${day}.md`, '### Team Container', `Minutes: https://github.com/acme/minutes/blob/main/container/202209${day}.md`, '## AOB');
      for (const day of ['01', '08', '15', '22']) for (const team of ['iaas', 'container']) files[`${team}/202209${day}.md`] = `# 2022-09-${day}\n`;
      const inferred = inferConfig({ paths: Object.keys(files).sort(), readText: (p) => files[p] });
      const keys = configChanges(inferred.values).map((c) => c.key);
      assert.ok(keys.includes('rules.missing-minute-taker'), keys.join(', '));
      assert.ok(!keys.includes('meetingWeekday'), 'Thursday, as by default');
    });
  });

  describe('3: a configured section nested in the team group is no team', () => {
    const text = joinLines(
      '# SCS Tech Weekly 2022-09-29',
      '## Team Updates',
      '### Team IaaS',
      `Minutes: ${BASE}iaas/20220928.md`,
      '### AOB',
      '- lunch',
      '### SIG Monitoring',
      'Minutes: none yet',
      '## Project Updates',
    );
    const model = modelOf(text);

    it('lists the teams around `### AOB`, not AOB', () => {
      assert.deepEqual(model.updates?.entries.map((e) => e.name), ['Team IaaS', 'SIG Monitoring']);
    });

    it('shows AOB in the outline as a section, without "no minutes line"', () => {
      const group = documentSymbols(model)[0].children!.find((s) => s.name === 'Team Updates')!;
      const aob = group.children!.find((s) => s.name === 'AOB')!;
      assert.equal(aob.detail, undefined);
      assert.equal(group.children!.find((s) => s.name === 'SIG Monitoring')!.detail, 'pending');
    });
  });

  describe('7: snippet placeholders left in place', () => {
    const text = joinLines(
      '# SCS Tech Weekly 2022-09-29',
      '## Meta',
      '- Minutes: name of the minute taker',
      '## Team Updates',
      '### Team name',
      "Minutes: link to the team's minutes",
      '- we chose a team name',
      '- `Minutes: link to the team\'s minutes` is what the snippet writes',
      '## AOB',
    );
    const found = () => ofCode(lintDoc(text, 'community-call/20220929.md').findings, 'snippet-placeholder');

    it('are findings on exactly the placeholder', () => {
      assert.deepEqual(
        found().map((f) => f.range),
        [rangeOf(text, 'name of the minute taker'), rangeOf(text, 'Team name'), rangeOf(text, "link to the team's minutes")],
      );
      assert.match(found()[0].message, /"name of the minute taker" is a snippet's placeholder/u);
    });

    it('offer to remove a value placeholder, leaving the line to fill in', () => {
      const minutes = found().find((f) => f.message.includes('link to'))!;
      assert.ok(offered(text, minutes).includes('\nMinutes: \n'));
      assert.ok(!minutes.fixes!.some((f) => f.preferred), 'never removed unasked (--fix)');
    });

    it('are no findings in team minutes that mention the words in prose, or in code', () => {
      const meeting = joinLines('# 2022-09-28', '## Agenda', '- we need a team name', '```', '### Team name', '```');
      assert.deepEqual(ofCode(lintDoc(meeting, 'iaas/20220928.md').findings, 'snippet-placeholder'), []);
    });

    it('cover every placeholder of the snippets that stands for a value to write', () => {
      const snippets = readFileSync(resolve(__dirname, '../../snippets/minutes.code-snippets'), 'utf8');
      // `${1:default}`, not a transform's `${1:+-}` or `${1:-else}`.
      const defaults = [...snippets.matchAll(/\$\{\d+:(?![-+?])([^$}{]+)\}/gu)].map((m) => m[1]);
      // Placeholders whose default is a real value (kept when the user agrees with it).
      const realValues = new Set(['SCS Tech Weekly', 'Team IaaS', 'Germany', 'Hiring', 'Tenders']);
      // `### Team ${1:name}` leaves "Team name"; `@${3:github-handle}` leaves "@github-handle".
      const covered = (text: string) => SNIPPET_PLACEHOLDERS.some((p) => p.text === text || p.text === `@${text}` || p.text.endsWith(` ${text}`));
      for (const text of defaults) if (!realValues.has(text)) assert.ok(covered(text), `the placeholder "${text}" is no finding`);
      assert.ok(defaults.length > 5);
    });
  });

  describe('11: a link hover shows the file title apart from its headings', () => {
    const files: Record<string, string> = {
      'iaas/20230125.md': joinLines('# 2023-01-25', '', '## Participants', '', '- @kim', '', '## Agenda', '', '- Image manager'),
    };
    const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => files[p] }, DEFAULT_CONFIG, Object.keys(files));
    const env = { config: DEFAULT_CONFIG, workspace, calendar: calendarFor(DEFAULT_CONFIG.holidays), today: { year: 2023, month: 1, day: 30 } };

    it('puts the title beside the path and each heading in a paragraph of its own', () => {
      const weekly = joinLines('# SCS Tech Weekly 2023-01-26', '## Team Updates', '### Team IaaS', `Minutes: ${BASE}iaas/20230125.md`);
      const shown = hover(modelOf(weekly, 'community-call/20230126.md'), { line: 3, character: 20 }, env);
      const value = (shown!.contents as MarkupContent).value;
      const paragraphs = value.split('\n\n');
      assert.equal(paragraphs[0], '**iaas/20230125.md**: 2023-01-25');
      assert.ok(paragraphs.includes('*Participants*'), value);
      assert.ok(paragraphs.includes('*Agenda*'), value);
      assert.ok(!/2023-01-25\*?\n\*?Participants/u.test(value), 'title and first heading are not one line');
    });
  });
});
