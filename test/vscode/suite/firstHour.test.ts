// Issue 14: what a new user trips over in the first hour, each point checked in the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answeringQuickPick, api, closeAllEditors, documentSymbols, exists, findSymbol, fixtureUri, getExtension, openFixture, waitFor, waitForDiagnostics } from './helpers';

const BASE = 'https://github.com/SovereignCloudStack/minutes/blob/main/';
const WEEKLY = 'community-call/20221013.md';
const labelOf = (item: vscode.CompletionItem) => (typeof item.label === 'string' ? item.label : item.label.label);
const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);


/** A tree item's tooltip as text (plain or Markdown). */
function tooltipText(item: vscode.TreeItem): string {
  return typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value ?? '';
}

/** Replaces the whole text of the active editor (not saved; `revert` undoes it). */
async function setText(editor: vscode.TextEditor, text: string): Promise<void> {
  const all = new vscode.Range(0, 0, editor.document.lineCount, 0);
  assert.ok(await editor.edit((e) => e.replace(all, text)));
}


function nextWeekdayFromToday(day: number): string {
  const d = new Date();
  while (d.getDay() !== day) d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

describe('the first hour (issue 14)', () => {
  afterEach(async () => {
    // Every edited document goes back to its saved text, also after a failed test: none leaks into the next.
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === fixtureUri('').scheme)) {
      const editor = await vscode.window.showTextDocument(document);
      await setText(editor, new TextDecoder().decode(await vscode.workspace.fs.readFile(document.uri)));
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await closeAllEditors();
  });

  it('1: shows the Teams & SIGs view from a context key that follows the active editor, not the Explorer', async () => {
    const manifest = getExtension().packageJSON as { contributes: { views: { minutes: Array<{ id: string; when: string }> } } };
    const views = manifest.contributes.views.minutes;
    assert.equal(views.find((v) => v.id === 'minutes.teams')?.when, 'minutes.markdownEditor');
    await openFixture(WEEKLY);
    const minutes = await api();
    await waitFor(() => minutes.markdownEditor(), 20_000, 'the key to be set for a Markdown editor');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('notes.txt')));
    await waitFor(() => !minutes.markdownEditor(), 20_000, 'the key to be cleared for a text file');
    await openFixture(WEEKLY);
    // Selecting a folder in the Explorer changes nothing about the editor, so nothing about the view.
    await vscode.commands.executeCommand('revealInExplorer', fixtureUri('iaas'));
    await waitFor(() => minutes.markdownEditor(), 20_000, 'the key to stay set');
  });

  it('2: asks before writing a roll-up long after the last one, and shows months-old minutes as stale', async () => {
    const { document } = await openFixture(WEEKLY);
    await api();
    await waitForDiagnostics(document.uri, (d) => d.length > 0);
    const target = fixtureUri('community-call/20230302.md');
    await answeringQuickPick(vscode.commands.executeCommand('minutes.newWeeklyMinutes', { date: '2023-03-02' }), 'workbench.action.closeQuickOpen');
    assert.equal(await exists(target), false, 'Escape must leave no file');
    await answeringQuickPick(vscode.commands.executeCommand('minutes.newWeeklyMinutes', { date: '2023-03-02' }), 'workbench.action.acceptSelectedQuickOpenItem');
    assert.equal(await exists(target), true, '"Create anyway" writes it');
    await closeAllEditors();
    await vscode.workspace.fs.delete(target);

    // A roll-up linking minutes of two months before the meeting: not a green check.
    const stale = fixtureUri('community-call/20221208.md');
    const text = ['# SCS Tech Weekly 2022-12-08', '', '## Meta', '', '- Minutes: Sam', '', '## Team Updates', '', '### Team IaaS', '', `Minutes: ${BASE}iaas/20221005.md`, '', '## AOB', ''].join('\n');
    await vscode.workspace.fs.writeFile(stale, new TextEncoder().encode(text));
    try {
      const minutes = await api();
      await vscode.window.showTextDocument(stale);
      const items = await waitFor(async () => {
        const found = await minutes.teamItems();
        return found.length ? found : undefined;
      }, 20_000, 'the rows of the view');
      const iaas = items.find((i) => i.label === 'Team IaaS')!;
      assert.match(String(iaas.description), /stale/u);
      assert.match(tooltipText(iaas), /Stale: these minutes are of 2022-10-05/u);
      assert.equal((iaas.iconPath as vscode.ThemeIcon).id, 'history');
    } finally {
      await closeAllEditors();
      await vscode.workspace.fs.delete(stale);
    }
  });

  it('3: outlines a `###` team after a `##` team as its sibling, and keeps its problems out of the other tooltip', async () => {
    const editor = await openFixture(WEEKLY);
    const minutes = await api();
    const text = editor.document.getText().replace('### Team Container', '## Team Container');
    await setText(editor, text.replace('## AOB', `### Team Operations and IAM\n\nMinutes: ${BASE}iaas/20221099.md\n\n## AOB`));
    const symbols = await waitFor(async () => {
      const found = await documentSymbols(editor.document.uri);
      return findSymbol(found, 'Team Updates', 'Team Operations and IAM') && found;
    }, 20_000, 'Team Operations and IAM under Team Updates');
    assert.ok(findSymbol(symbols, 'Team Updates', 'Team Container'), 'the `##` team is in the team group');
    assert.equal(findSymbol(symbols, 'Team Container', 'Team Operations and IAM'), undefined, 'not nested under Team Container');
    const items = await waitFor(async () => {
      const found = await minutes.teamItems();
      return found.some((i) => i.label === 'Team Operations and IAM' && i.contextValue === 'minutes.team.problem') && found;
    }, 20_000, 'the rows with the new team and its problem');
    const container = items.find((i) => i.label === 'Team Container')!;
    assert.doesNotMatch(tooltipText(container), /20221099/u);
  });

  it('4: puts no whole-file finding on the title, where the date hover would open with it', async () => {
    const editor = await openFixture(WEEKLY);
    await api();
    await setText(editor, editor.document.getText().replace('## AOB\n', ''));
    const diagnostics = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'missing-section'));
    const onTitle = diagnostics.filter((d) => d.source === 'minutes' && d.range.start.line === 0).map(codeOf);
    assert.deepEqual(onTitle.filter((c) => !['title-date-mismatch', 'invalid-date', 'missing-title-date', 'meeting-weekday', 'meeting-on-holiday'].includes(c)), []);
    const missing = diagnostics.find((d) => codeOf(d) === 'missing-section')!;
    assert.equal(editor.document.lineAt(missing.range.start.line).text, '## Project Updates', 'where AOB goes');
  });

  it('5: lists the preferred fixes first and "Fix all" once per rule', async () => {
    const editor = await openFixture(WEEKLY);
    await api();
    // Two outdated links (IaaS and Container): two findings of one rule.
    await setText(editor, editor.document.getText().replace('iaas/20221004.md', 'iaas/20220928.md'));
    await waitForDiagnostics(editor.document.uri, (d) => d.filter((x) => codeOf(x) === 'minutes-link-outdated').length === 2);
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, whole, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, `each action once: ${titles.join(' | ')}`);
    assert.equal(titles.filter((t) => t.startsWith('Fix all "minutes-link-outdated"')).length, 1, titles.join(' | '));
    const firstOther = actions.findIndex((a) => !a.isPreferred);
    assert.ok(actions[0]?.isPreferred, 'a preferred fix first');
    assert.ok(firstOther < 0 || actions.slice(firstOther).every((a) => !a.isPreferred), `preferred first: ${actions.map((a) => `${a.isPreferred ? '*' : ''}${a.title}`).join(' | ')}`);
  });

  it('6: labels a related place in another file with its folder', async () => {
    const { document } = await openFixture(WEEKLY);
    await api();
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => codeOf(x) === 'minutes-link-outdated'));
    const outdated = diagnostics.find((d) => codeOf(d) === 'minutes-link-outdated')!;
    assert.equal(outdated.relatedInformation?.[0].message, 'container/20221003.md: newer Team Container minutes');
  });

  it('7: keeps the minute-taker reminder silent while the cursor is in Meta, and shows it once the user has left', async () => {
    const editor = await openFixture(WEEKLY);
    await api();
    const line = editor.document.getText().split('\n').indexOf('- Minutes: Sam');
    editor.selection = new vscode.Selection(line, 14, line, 14);
    // One edit that also changes the title's date: once its new message is there, the reminder was decided too.
    assert.ok(await editor.edit((e) => {
      e.replace(new vscode.Range(line, 11, line, 14), '');
      e.replace(new vscode.Range(0, 27, 0, 28), '8');
    }));
    assert.equal(editor.selection.active.line, line);
    const seen = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => x.message.startsWith('Title says 2022-09-28')));
    assert.deepEqual(seen.filter((d) => codeOf(d) === 'missing-minute-taker').map((d) => d.message), [], 'silent while the cursor waits for the name');
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'missing-minute-taker'), 20_000);
  });

  it("8: New Team Minutes preselects the open file's team, proposes its meeting day, carries its recurring items in its bullet style", async () => {
    await openFixture('sig-monitoring/20221109.md');
    await api();
    const date = nextWeekdayFromToday(3); // the SIG met on Wednesdays
    const target = fixtureUri(`sig-monitoring/${date.replace(/-/gu, '')}.md`);
    await answeringQuickPick(vscode.commands.executeCommand('minutes.newTeamMinutes'), 'workbench.action.acceptSelectedQuickOpenItem');
    assert.ok(await exists(target), `${target.path} (the preselected team, on its meeting day)`);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(text.startsWith(`# ${date}\n\n## Participants\n\n* @kim\n`), text);
    assert.ok(text.includes('## Community call and minutes transfer\n\n* Who is presenting in weekly community call and transferring the minutes?\n    * Minutes-transfer: \n'), text);
    assert.ok(text.includes('## Agenda\n\n* '), text);
    assert.ok(!/^- /mu.test(text), 'no `-` bullets in a `*` folder');
    await closeAllEditors();
    await vscode.workspace.fs.delete(target);
  });

  it('9: ranks people not yet among the participants first after `@`', async () => {
    const editor = await openFixture('sig-monitoring/20221109.md');
    await api();
    const line = editor.document.getText().split('\n').indexOf('* @kim') + 1;
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), '* @\n'));
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 3), '@');
      return result.items.some((i) => labelOf(i) === '@lee') && result;
    }, 20_000, 'handle completions');
    const ours = list.items.filter((i) => labelOf(i).startsWith('@')).sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
    assert.deepEqual(ours.map(labelOf).slice(0, 2), ['@lee', '@kim']);
  });

  it('10: offers teams after `### ` in the team group, and the view shows no untitled row meanwhile', async () => {
    const editor = await openFixture(WEEKLY);
    const minutes = await api();
    // The end of the team group: the first `##` heading after Team Updates.
    const lines = editor.document.getText().split('\n');
    const line = lines.findIndex((l, i) => i > lines.indexOf('## Team Updates') && l.startsWith('## '));
    await editor.edit((e) => e.insert(new vscode.Position(line, 0), '### \n\n'));
    const list = await waitFor(async () => {
      const result = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, new vscode.Position(line, 4));
      return result.items.some((i) => i.kind === vscode.CompletionItemKind.Interface || i.kind === vscode.CompletionItemKind.Class) && result;
    }, 20_000, 'team completions');
    const teams = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Interface || i.kind === vscode.CompletionItemKind.Class).map(labelOf);
    assert.ok(teams.includes('SIG Documentation'), teams.join(', '));
    const items = await waitFor(async () => {
      const found = await minutes.teamItems();
      return found.length ? found : undefined;
    }, 20_000, 'the rows of the view');
    assert.deepEqual(items.map((i) => i.label), ['Team IaaS', 'Team Container']);
  });

  it('11: says in the view why a slide deck gets no minutes features', async () => {
    await openFixture('talk-slides.md');
    const minutes = await api();
    await minutes.teamItems();
    assert.equal(minutes.viewMessage(), 'talk-slides.md is a slide deck (slide front matter or slide markup), not minutes: it gets no minutes checks, completion or outline.');
  });

  it('12: logs the server start, the index and the config load, and the first check, in the Minutes output channel', async () => {
    const { document } = await openFixture(WEEKLY);
    const minutes = await api();
    await waitForDiagnostics(document.uri, (d) => d.length > 0);
    const log = await waitFor(() => /first check/u.test(minutes.log()) && minutes.log(), 20_000, 'the first check in the log');
    assert.match(log, /Minutes: extension activated in \d+ ms/u);
    assert.match(log, /Minutes: language server started \(pid \d+/u);
    assert.match(log, /indexed \d+ dated minutes files in \d+ ms; config: defaults \(no \.minutes\.json\)/u);
    assert.match(log, /Minutes: first check \(\d+ findings\) in \d+ ms/u);
  });
});
