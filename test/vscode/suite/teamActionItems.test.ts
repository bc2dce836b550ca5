import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MinutesApi } from '../../../client/src/extension';
import { closeAllEditors, EXTENSION_ID, openFixture, waitFor, waitForActivation } from './helpers';

// wg/: the charter item of @kim-net is carried from 2022-09-19 to 2022-09-26; @sam-ops' room fell off;
// an unowned checkbox item is new on 2022-09-26. The series met last in 2022: it has stopped
// meeting, so its items are "Older" unless `minutes.actionItems.olderAfterDays` waits longer.
describe('action items in VS Code', () => {
  const OLDER_AFTER = 'actionItems.olderAfterDays';
  before(async () => {
    await vscode.workspace.getConfiguration('minutes').update(OLDER_AFTER, 1_000_000, vscode.ConfigurationTarget.Workspace);
  });
  after(async () => {
    await vscode.workspace.getConfiguration('minutes').update(OLDER_AFTER, undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('minutes').update('me', undefined, vscode.ConfigurationTarget.Workspace);
    await closeAllEditors();
  });

  it('lists the open items of the repository by owner, "My action items" first, and by team on request', async () => {
    await openFixture('wg/20220926.md');
    await waitForActivation();
    const api = vscode.extensions.getExtension<MinutesApi>(EXTENSION_ID)!.exports;
    await vscode.workspace.getConfiguration('minutes').update('me', '@kim-net', vscode.ConfigurationTarget.Workspace);
    const groups = await waitFor(async () => {
      const found = await api.actionItems();
      return found.some((g) => g.group === 'My action items') && found;
    }, 20_000, 'the Action Items view');
    assert.equal(groups[0].group, 'My action items');
    assert.deepEqual(groups[0].items.map((i) => i.split(' | ')[0]), ['draft the charter']);
    assert.match(groups[0].items[0], / \| wg · \d+ days$/u);
    const labels = groups.map((g) => g.group);
    assert.ok(labels.includes('@kim-net') && labels.includes('(no owner)'), labels.join(', '));
    assert.ok(!groups.some((g) => g.items.some((i) => i.startsWith('book a room'))), 'an item that fell off a meeting ago is not open');
    await vscode.commands.executeCommand('minutes.actionItems.byTeam');
    const byTeam = await waitFor(async () => {
      const found = await api.actionItems();
      return found.some((g) => g.group === 'wg') && found;
    }, 20_000, 'grouped by team');
    assert.deepEqual(byTeam.find((g) => g.group === 'wg')!.items.map((i) => i.split(' | ')[0]).sort(), ['Collect feedback on the charter', 'draft the charter']);
    await vscode.commands.executeCommand('minutes.actionItems.byOwner');
  });

  it('lists the items of a series that stopped meeting last, under "Older", and not as mine', async () => {
    const api = vscode.extensions.getExtension<MinutesApi>(EXTENSION_ID)!.exports;
    await vscode.workspace.getConfiguration('minutes').update('me', '@kim-net', vscode.ConfigurationTarget.Workspace);
    await vscode.workspace.getConfiguration('minutes').update(OLDER_AFTER, undefined, vscode.ConfigurationTarget.Workspace);
    const groups = await waitFor(async () => {
      const found = await api.actionItems();
      return found.at(-1)?.group === 'Older (series no longer meeting)' && found;
    }, 20_000, 'the Older group');
    assert.deepEqual(groups.at(-1)!.items.map((i) => i.split(' | ')[0]).sort(), ['Collect feedback on the charter', 'draft the charter']);
    assert.match(groups.at(-1)!.items.find((i) => i.startsWith('draft the charter'))!, / \| @kim-net · wg · \d+ days$/u);
    assert.deepEqual(groups.find((g) => g.group === 'My action items')?.items ?? [], [], 'my items of an ended series are history');
    await vscode.workspace.getConfiguration('minutes').update(OLDER_AFTER, 1_000_000, vscode.ConfigurationTarget.Workspace);
  });

  it('says on hover when an item was raised and which meetings carried it', async () => {
    const editor = await openFixture('wg/20220926.md');
    const line = editor.document.getText().split('\n').findIndex((l) => l.includes('draft the charter'));
    // MarkdownString keeps its text behind a getter: read `value`, not its JSON.
    const textOf = (hovers: vscode.Hover[]) => hovers.map((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n')).join('\n');
    const text = await waitFor(async () => {
      const found = textOf(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, new vscode.Position(line, 8)));
      return found.includes('Action item') && found;
    }, 20_000, 'the hover');
    assert.match(text, /Action item\*\* of @kim-net: open/u);
    assert.match(text, /Raised on 2022-09-19, carried 1 time\./u);
  });
});
