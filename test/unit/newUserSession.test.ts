// Issue 28, second new-user session: hovers, action item labels and owners, the series list, completion details.
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import type { CompletionItem } from 'vscode-languageserver-types';
import { calendarFor, completions, DEFAULT_CONFIG, hover, latestItems } from '../../server/src/core';
import { readItem } from '../../server/src/core/model/actionItems';
import { joinLines, modelOf } from './helpers';
import { workspaceOf } from './rules/ruleHelpers';

const TREE = 'https://github.com/SovereignCloudStack/minutes/tree/main/';
const BLOB = 'https://github.com/SovereignCloudStack/minutes/blob/main/';
const markdown = (h: ReturnType<typeof hover>) => (h?.contents as MarkupContent | undefined)?.value;

describe('issue 28, new-user session', () => {
  describe('A: link hovers', () => {
    const files: Record<string, string> = {
      'iaas/20221026.md': '# 2022-10-26\n',
      'iaas/20221102.md': '# 2022-11-02\n',
      'iaas/20221109.md': '# 2022-11-09\n',
      'community-call/20221027.md': '# SCS Tech Weekly 2022-10-27\n',
    };
    const workspace = workspaceOf(files);
    const env = { config: DEFAULT_CONFIG, workspace, calendar: calendarFor(DEFAULT_CONFIG.holidays), today: { year: 2022, month: 11, day: 20 } };
    const weekly = (line: string) => modelOf(joinLines('# SCS Tech Weekly 2022-11-03', '## Team Updates', '### Team IaaS', line, '## AOB'), 'community-call/20221103.md');

    it('recognises a GitHub tree link to a folder of the repository and names its newest minutes by the meeting', () => {
      const value = markdown(hover(weekly(`Minutes not available yet: ${TREE}iaas/`), { line: 3, character: 40 }, env)) ?? '';
      assert.doesNotMatch(value, /not in this workspace/u);
      assert.match(value, /\*\*iaas\/\*\*: a folder of 3 minutes files, 2022-10-26 to 2022-11-09/u);
      assert.match(value, /Newest by the meeting \(2022-11-03\): \[iaas\/20221102\.md\]\(file:\/\/\/repo\/iaas\/20221102\.md\)/u);
    });

    it('says a folder holds no minutes only when it holds none', () => {
      const value = markdown(hover(weekly(`Minutes not available yet: ${TREE}container/`), { line: 3, character: 40 }, env));
      assert.equal(value, 'No minutes in `container/` in this workspace.');
    });

    it('leaves a missing file to its finding instead of saying it twice', () => {
      assert.equal(hover(weekly(`Minutes: ${BLOB}iaas/20221101.md`), { line: 3, character: 30 }, env), null);
    });

    it('says a file is missing where no finding says so (the rule is off)', () => {
      const config = { ...DEFAULT_CONFIG, rules: { ...DEFAULT_CONFIG.rules, 'minutes-link-not-found': 'off' as const } };
      const value = markdown(hover(weekly(`Minutes: ${BLOB}iaas/20221101.md`), { line: 3, character: 30 }, { ...env, config }));
      assert.equal(value, '`iaas/20221101.md` is not in this workspace.');
    });
  });

  describe('B: action items: whom they are assigned to, and their labels', () => {
    const owners = (line: string) => readItem(line)?.owners;

    it('takes the handles an item is assigned to, not every handle it mentions', () => {
      assert.deepEqual(owners('AI @garloff: Send proposal to scs-tech, follow up with @matofeder, @jschoone, @arnoschneidunia'), ['garloff']);
      assert.deepEqual(owners('_AI @mbuechse: ask @kgube and @artificial-intelligence_'), ['mbuechse']);
      assert.deepEqual(owners('AI @garloff to ping @berendt'), ['garloff']);
      assert.deepEqual(owners('AI: Prepare Figma Session / Workshop and invite @maxwolfs'), []);
      assert.deepEqual(owners('Patch from @JuanPTM exists, not yet linked from #361 (AI @reqa: find and link)'), ['reqa']);
    });

    it('reads the forms people assign items in', () => {
      assert.deepEqual(owners('AI @o-otte and @fkr: fill this epic with user stories'), ['o-otte', 'fkr']);
      assert.deepEqual(owners('_AI @fkr/@depressiveRobot: check with Lisa_'), ['fkr', 'depressiveRobot']);
      assert.deepEqual(owners('Action Item *@fkr* & *@berendt*: refinement user story'), ['fkr', 'berendt']);
      assert.deepEqual(owners('ToDo (@reqa, @JuanPTM): Document limitation'), ['reqa', 'JuanPTM']);
      assert.deepEqual(owners('action item for @fkr: write up ADR'), ['fkr']);
      assert.deepEqual(owners('Issue to be created (AI: @mbuechse/@anjastrunk/@cah-baum)'), ['mbuechse', 'anjastrunk', 'cah-baum']);
      assert.deepEqual(owners('Untested (AI test: @garloff)'), ['garloff']);
      assert.deepEqual(owners('ToDo: Announce it via announce ML (@fdobrovolny), Comm Call (@garloff)'), ['fdobrovolny', 'garloff']);
      assert.deepEqual(owners('AI: come up with a story for this - @reqa will do this'), ['reqa']);
      assert.deepEqual(owners('TODO: Write user story/stories; @joshmue'), ['joshmue']);
      assert.deepEqual(owners('[ ] @kim: book the room'), ['kim']);
    });

    it('keeps the underscores of names in the text, without emphasis marks', () => {
      assert.equal(readItem('`os_purpose` in images (AI @garloff)')?.text, '`os_purpose` in images');
      assert.equal(readItem('_AI @kim: check **all** snake_case names_')?.text, 'check all snake_case names');
    });

    it('labels an item with link text and no Markdown marks, in the one model of the view and --actions', () => {
      const files: Record<string, string> = {
        'container/20251212.md': joinLines('# 2025-12-12', '## Notes', '- AI @garloff: Create issue to build good solution: [Issue#241](https://github.com/SovereignCloudStack/cluster-stacks/issues/241)', '- AI @kim: rename `os_purpose` in <https://example.org/images>'),
      };
      const workspace = workspaceOf(files);
      const items = latestItems(workspace, { year: 2025, month: 12, day: 15 });
      assert.deepEqual(items.map((i) => [i.tracked.item.owners, i.label]), [
        [['garloff'], 'Create issue to build good solution: Issue#241'],
        [['kim'], 'rename os_purpose in https://example.org/images'],
      ]);
    });
  });

  describe('D: completion after `Minutes:` says when the newest minutes are far older than the meeting', () => {
    const rollUp = (date: string) => joinLines(`# SCS Tech Weekly ${date}`, '## Meta', '- Minutes: Jonas', '## Team Updates', '### Team IaaS', `Minutes: ${BLOB}iaas/20220921.md`, '## AOB');
    const files: Record<string, string> = {
      'community-call/20220922.md': rollUp('2022-09-22'),
      'iaas/20220921.md': '# 2022-09-21\n',
      'iaas/20220928.md': '# 2022-09-28\n',
    };
    const workspace = workspaceOf(files);
    const env = { config: DEFAULT_CONFIG, workspace, calendar: calendarFor(DEFAULT_CONFIG.holidays), today: { year: 2024, month: 10, day: 1 } };
    const offered = (date: string, path: string): CompletionItem[] => {
      const lines = [`# SCS Tech Weekly ${date}`, '## Team Updates', '### Team IaaS', 'Minutes: '];
      return completions(modelOf(joinLines(...lines), path), { line: 3, character: 9 }, env).filter((i) => String(i.label).startsWith('iaas/'));
    };

    it('two years: in the detail and beside the latest', () => {
      const [latest] = offered('2024-10-03', 'community-call/20241003.md');
      assert.equal(latest.label, 'iaas/20220928.md');
      assert.equal(latest.detail, 'Team IaaS minutes of 2022-09-28, 2 years before the meeting (2024-10-03)');
      assert.equal(latest.labelDetails?.description, 'Wednesday, latest: 2 years before the meeting');
    });

    it('years rounded, not cut: 1,449 days (four years less two weeks) are 4 years', () => {
      const [latest] = offered('2026-09-16', 'community-call/20260916.md');
      assert.equal(latest.labelDetails?.description, 'Wednesday, latest: 4 years before the meeting');
    });

    it('the day before: nothing to say (the stale rule of the Teams view)', () => {
      const [latest] = offered('2022-09-29', 'community-call/20220929.md');
      assert.equal(latest.detail, 'Team IaaS minutes of 2022-09-28');
      assert.equal(latest.labelDetails?.description, 'Wednesday, latest');
    });
  });
});
