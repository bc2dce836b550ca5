import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MinutesApi } from '../../../client/src/extension';
import { closeAllEditors, EXTENSION_ID, fixtureUri, openFixture, waitFor, waitForActivation } from './helpers';

// wg/ has minutes of Mondays 2022-09-19 and 2022-09-26; its calendar has two more Mondays after them.
const CALENDAR = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:wg', 'SUMMARY:Working group', 'DESCRIPTION:Minutes: wg/', 'DTSTART;TZID=Europe/Berlin:20220919T100000', 'RRULE:FREQ=WEEKLY;COUNT=4', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

describe('the Series view in VS Code', () => {
  const config = fixtureUri('.minutes.json');
  const calendar = fixtureUri('calendar/wg.ics');
  const created = fixtureUri('wg/20221003.md');
  after(async () => {
    await closeAllEditors();
    for (const uri of [config, calendar, created]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('lists a series with its meetings without minutes, and creates the minutes of one in one click', async () => {
    await openFixture('wg/20220926.md');
    await waitForActivation();
    const api = vscode.extensions.getExtension<MinutesApi>(EXTENSION_ID)!.exports;
    await vscode.workspace.fs.writeFile(calendar, new TextEncoder().encode(CALENDAR));
    await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(JSON.stringify({ calendars: ['calendar/wg.ics'] })));
    const missingOf = async () => {
      await vscode.commands.executeCommand('minutes.series.refresh');
      return (await api.seriesItems()).find((s) => s.series === 'wg')?.items.filter((i) => i.endsWith('| no minutes'));
    };
    const before = await waitFor(async () => (await missingOf())?.length === 2 && (await missingOf()), 20_000, 'the wg series with two missing meetings');
    assert.deepEqual(before, ['2022-10-03 · Working group | no minutes', '2022-10-10 · Working group | no minutes']);

    // What the view's item runs: New Team Minutes with the folder and the date, no question asked.
    await vscode.commands.executeCommand('minutes.series.createMissing', { row: { folder: 'wg' }, missing: { date: '2022-10-03' } });
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.path.endsWith('/wg/20221003.md') && vscode.window.activeTextEditor, 20_000, 'the new minutes open');
    assert.match(editor.document.getText(), /2022-10-03/u);
    await editor.document.save();
    const after = await waitFor(async () => (await missingOf())?.length === 1 && (await missingOf()), 20_000, 'one missing meeting left');
    assert.deepEqual(after, ['2022-10-10 · Working group | no minutes']);
  });
});
