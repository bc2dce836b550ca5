// Issue 28, second new-user session: each point as VS Code shows it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { api, closeAllEditors, fixtureUri, openFixture, waitFor } from './helpers';

describe('a new user, round two (issue 28)', () => {
  afterEach(closeAllEditors);

  it('B: Action Items says it lists open items, labels them in plain text and lists them under their assignee only', async () => {
    const file = fixtureUri('wg/20221003.md');
    const text = '# 2022-10-03\n\n## Notes\n\n- AI @kim-net: review [the charter](https://example.org/charter) with @sam-ops\n';
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
    try {
      await openFixture('wg/20221003.md');
      const minutes = await api();
      const groups = await waitFor(async () => {
        const found = await minutes.actionItems();
        return found.some((g) => g.items.some((i) => i.includes('the charter with'))) && found;
      }, 20_000, 'the new item in the Action Items view');
      // Under its owner, or under "Older" (the fixture's series stopped meeting in 2022), where the row names its owners.
      const holding = groups.filter((g) => g.items.some((i) => i.includes('the charter with')));
      assert.equal(holding.length, 1, JSON.stringify(groups));
      assert.ok(['@kim-net', 'Older (series no longer meeting)'].includes(holding[0].group), holding[0].group);
      const [label, description] = holding[0].items.find((i) => i.includes('the charter with'))!.split(' | ');
      assert.equal(label, 'review the charter with @sam-ops');
      assert.ok(!description.includes('@sam-ops'), description);
      assert.match(minutes.actionItemsDescription() ?? '', /^\d+ open items?$/u);
      // E: the log's first diagnostics are a Markdown document's, not those of a .minutes.json that does not exist.
      const first = await waitFor(() => minutes.log().split('\n').find((l) => l.includes('first diagnostics')), 20_000, 'the first diagnostics in the log');
      assert.match(first, /\.md\)$/u);
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });

  it('C: the Series view lists every series with the defaults, collapsed but the active one, and names the default configuration as the schedule', async () => {
    assert.equal(await vscode.workspace.fs.stat(fixtureUri('.minutes.json')).then(() => true, () => false), false, 'the fixture has no .minutes.json');
    await openFixture('iaas/20220928.md');
    const minutes = await api();
    await vscode.commands.executeCommand('minutes.series.refresh');
    // Once the server has seen that the file is gone (earlier tests write and delete a .minutes.json).
    const fromDefaults = (found: Awaited<ReturnType<typeof minutes.seriesItems>>) => found.some((r) => r.tooltips.some((t) => t.includes('the default configuration')));
    const rows = await waitFor(async () => {
      const found = await minutes.seriesItems();
      return found.length >= 6 && fromDefaults(found) && found;
    }, 20_000, 'the series of the fixture, from the default configuration');
    assert.deepEqual(rows.map((r) => r.series).sort(), ['community-call', 'container', 'iaas', 'sig-documentation', 'sig-monitoring', 'wg']);
    assert.deepEqual(rows.filter((r) => r.expanded).map((r) => r.series), ['iaas'], 'only the series of the active editor is expanded');
    // The roll-ups meet every Thursday by default: the schedule, and each meeting it finds without
    // minutes (which depends on the roll-ups other tests wrote), name the defaults as its source.
    const rollUps = rows.find((r) => r.series === 'community-call')!;
    assert.ok(rollUps.tooltips.some((t) => t.includes('every week, Thursday (the schedule in the default configuration)')), rollUps.tooltips.join('\n'));
    assert.ok(!rollUps.tooltips.some((t) => t.includes('.minutes.json')), rollUps.tooltips.join('\n'));
  });
});
