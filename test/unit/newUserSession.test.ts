// Issue 28, second new-user session: hovers, action item labels and owners, the series list, completion details.
import * as assert from 'node:assert/strict';
import type { MarkupContent } from 'vscode-languageserver-types';
import { calendarFor, DEFAULT_CONFIG, hover, MinutesWorkspace } from '../../server/src/core';
import { joinLines, modelOf } from './helpers';

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
    const workspace = new MinutesWorkspace('file:///repo', { readFile: (p) => files[p] }, DEFAULT_CONFIG, Object.keys(files));
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
});
