import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answeringQuickPick, closeAllEditors, fixtureUri, openFixture, waitFor, waitForActivation, workspaceRoot } from './helpers';

describe('commands', () => {
  after(closeAllEditors);

  it('"New Weekly Minutes" creates the roll-up for the date with the latest links and opens it at the minute taker', async () => {
    await openFixture('community-call/20220929.md');
    await waitForActivation();
    await vscode.commands.executeCommand('minutes.newWeeklyMinutes', { date: '2022-10-06' });
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/community-call/20221006.md') && vscode.window.activeTextEditor, 20_000, 'the new roll-up');
    const text = editor.document.getText();
    assert.ok(text.startsWith('# SCS Tech Weekly 2022-10-06\n\n## Meta\n\n- Minutes: \n'), text);
    assert.ok(text.includes('### Team IaaS\n\nMinutes: https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20221005.md\n'), text);
    assert.deepEqual([editor.selection.active.line, editor.selection.active.character], [4, 11]);
  });

  it('never overwrites an existing file', async () => {
    const before = (await vscode.workspace.fs.readFile(fixtureUri('community-call/20220929.md'))).toString();
    await vscode.commands.executeCommand('minutes.newWeeklyMinutes', { date: '2022-09-29' });
    const after = (await vscode.workspace.fs.readFile(fixtureUri('community-call/20220929.md'))).toString();
    assert.equal(after, before);
  });

  it('never overwrites a file that appeared after the server last looked at the folder', async () => {
    await openFixture('community-call/20220929.md');
    await waitForActivation();
    const uri = fixtureUri('community-call/20221027.md');
    const mine = '# Written by someone else a moment ago\n';
    try {
      // Written and asked for at once: whether or not the server has heard of the file yet, it stays as it is.
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(mine));
      await vscode.commands.executeCommand('minutes.newWeeklyMinutes', { date: '2022-10-27' });
      await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/community-call/20221027.md'), 20_000, 'the file opened');
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), mine);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    }
  });

  it('"Create Configuration from This Repository" writes .minutes.json inferred from the files and opens it', async () => {
    await openFixture('community-call/20220929.md');
    await waitForActivation();
    const config = fixtureUri('.minutes.json');
    try {
      // It first shows what the file changes against the defaults; the first row writes it.
      await answeringQuickPick(vscode.commands.executeCommand('minutes.createConfiguration'), 'workbench.action.acceptSelectedQuickOpenItem');
      const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.minutes.json') && vscode.window.activeTextEditor, 20_000, 'the new configuration');
      const text = editor.document.getText();
      assert.match(text, /"kind": "rollup",\n\s+"paths": \["community-call\/\{YYYY\}\{MM\}\{DD\}\.md"\]/u, text);
      assert.match(text, /^ {4}\/\/ community-call\/\{YYYY\}\{MM\}\{DD\}\.md: \d+ files, a roll-up/mu, 'each series says what it was inferred from');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
    }
  });

  it('"Create Configuration from This Repository" proposes the calendars of the repository, in its list of changes and in the file', async () => {
    // calendar/container.ics, a fixture: its event links the minutes of container/.
    await openFixture('community-call/20220929.md');
    await waitForActivation();
    const config = fixtureUri('.minutes.json');
    try {
      // The list of changes shown before writing is one row per change the server reports.
      const proposal = await vscode.commands.executeCommand<{ changes: Array<{ key: string; from: string; to: string }> }>('minutes.server.createConfiguration', { rootUri: workspaceRoot().toString() });
      assert.deepEqual(
        proposal.changes.find((c) => c.key === 'calendars'),
        { key: 'calendars', from: '[]', to: '["calendar/container.ics"]', weakens: false },
        JSON.stringify(proposal.changes),
      );
      await answeringQuickPick(vscode.commands.executeCommand('minutes.createConfiguration'), 'workbench.action.acceptSelectedQuickOpenItem');
      const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.minutes.json') && vscode.window.activeTextEditor, 20_000, 'the new configuration');
      assert.match(editor.document.getText(), /^ {2}"calendars": \["calendar\/container\.ics"\],?$/mu, editor.document.getText());
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
    }
  });

  it('lists its commands in the Command Palette under "Minutes"', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['minutes.newWeeklyMinutes', 'minutes.newTeamMinutes', 'minutes.createConfiguration', 'minutes.insertHolidayNotice', 'minutes.insertDate']) assert.ok(commands.includes(id), id);
  });

  it('hovers a date with its weekday', async () => {
    const { document } = await openFixture('community-call/20220929.md');
    const texts = (hovers: vscode.Hover[]) => hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)));
    const found = await waitFor(async () => {
      const all = texts(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, 20)));
      return all.some((t) => t.includes('Thursday')) && all;
    }, 20_000, 'a hover on the title date');
    assert.ok(found.some((t) => t.startsWith('**Thursday**, 2022-09-29')), found.join('\n'));
  });
});
