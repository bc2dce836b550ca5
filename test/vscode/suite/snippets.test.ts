import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, waitFor } from './helpers';

describe('snippets', () => {
  after(closeAllEditors);

  it('inserts a team section by name, starting with its minutes line', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Team section' });
    await waitFor(() => document.getText().length > 0, 20_000, 'the snippet text');
    assert.equal(document.getText(), "### Team name\n\nMinutes: link to the team's minutes\n\n- ");
    assert.equal(editor.document.getText(editor.selection), 'name', 'the first placeholder is selected');
  });

  it('inserts a whole weekly roll-up, dated YYYY-MM-DD to write over where the file name has no date', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Weekly roll-up minutes' });
    await waitFor(() => document.getText().length > 0, 20_000, 'the snippet text');
    // An untitled file's name has no date; a dated file's name gives it (firstHour28.test.ts).
    assert.equal(document.lineAt(0).text, '# SCS Tech Weekly YYYY-MM-DD');
    for (const heading of ['## Meta', '## Team Updates', '## AOB', '## Project Updates']) assert.ok(document.getText().includes(`\n${heading}\n`), heading);
  });
});
