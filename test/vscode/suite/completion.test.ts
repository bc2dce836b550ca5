import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitFor, waitForActivation } from './helpers';

const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);

describe('completion', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it("offers the team's minutes after `Minutes:` and inserts the full link", async () => {
    const editor = await openFixture('community-call/20220929.md');
    await waitForActivation();
    const line = editor.document.getText().split('\n').indexOf('### Team IaaS') + 2;
    await editor.edit((e) => e.replace(editor.document.lineAt(line).range, 'Minutes: '));
    const position = new vscode.Position(line, 'Minutes: '.length);
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position, ':');
      return result.items.some((i) => labelOf(i) === 'iaas/20220928.md') ? result : undefined;
    }, 40_000, 'minutes file completions');
    const labels = list.items.map(labelOf);
    assert.ok(labels.indexOf('iaas/20220928.md') < labels.indexOf('iaas/20220927.md'), `newest first: ${labels.join(', ')}`);
    const item = list.items.find((i) => labelOf(i) === 'iaas/20220928.md')!;
    const edit = item.textEdit as vscode.TextEdit;
    assert.equal(edit.newText, 'https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20220928.md');
  });
});
