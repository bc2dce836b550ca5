import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, openFixture, waitFor, waitForActivation } from './helpers';

// A rolling pad, newest on top: one meeting iaas/ lacks, one whose file (iaas/20221005.md) differs.
const PAD = ['# Team IaaS pad', '', '## 2022-10-12', '', '### Participants', '', '- @alex-dev', '', '---', '', '## 2022-10-05', '', '### Participants', '', '- @alex-dev', ''].join('\n');

describe('Minutes: Import Meetings from Pad', () => {
  const created = fixtureUri('iaas/20221012.md');
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
  });

  it('creates the missing meeting, leaves the differing file as it is and opens the diff', async () => {
    await openFixture('iaas/20221005.md');
    await waitForActivation();
    const existing = fixtureUri('iaas/20221005.md');
    const before = new TextDecoder().decode(await vscode.workspace.fs.readFile(existing));
    await vscode.commands.executeCommand('minutes.importFromPad', { folder: 'iaas', text: PAD });
    // The series' titles are `#`: the meeting's headings move up one level.
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(created)), '# 2022-10-12\n\n## Participants\n\n- @alex-dev\n');
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(existing)), before);
    const diff = await waitFor(() => {
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      return input instanceof vscode.TabInputTextDiff && input;
    }, 20_000, 'the diff of the differing meeting');
    assert.equal(diff.original.toString(), existing.toString());
    assert.equal(diff.modified.scheme, 'minutes-pad');
  });
});
