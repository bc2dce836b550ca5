import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, openFixture, waitFor, waitForActivation, waitForDiagnostics } from './helpers';

// community-call/20221013.md has a title copied from last week, a link to a file that does not
// exist (iaas/20221004.md; iaas/20221005.md does) and an outdated link (container/20220926.md).
const WEEKLY = 'community-call/20221013.md';

describe('diagnostics and quick fixes', () => {
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await closeAllEditors();
  });

  it('shows the real mistakes of a roll-up with their codes and messages', async () => {
    const { document } = await openFixture(WEEKLY);
    await waitForActivation();
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'minutes-link-not-found'));
    const byCode = new Map(diagnostics.filter((d) => d.source === 'minutes').map((d) => [String(d.code), d]));
    assert.equal(byCode.get('title-date-mismatch')?.message, 'Title says 2022-09-29 but the file is 20221013.md; expected 2022-10-13.');
    assert.equal(byCode.get('title-date-mismatch')?.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(byCode.get('minutes-link-not-found')?.message, 'iaas/20221004.md does not exist; iaas/20221005.md is the Team IaaS minutes of that week.');
    assert.equal(document.getText(byCode.get('minutes-link-not-found')!.range), 'https://github.com/SovereignCloudStack/minutes/blob/main/iaas/20221004.md');
    assert.match(byCode.get('minutes-link-outdated')?.message ?? '', /container\/20221003\.md is dated 2022-10-03/u);
  });

  it('fixes the broken link with the preferred quick fix, changing only the date', async () => {
    const { document } = await openFixture(WEEKLY);
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'minutes-link-not-found'));
    const broken = diagnostics.find((d) => d.code === 'minutes-link-not-found')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, broken.range);
    const fix = actions.find((a) => a.title === 'Link iaas/20221005.md');
    assert.ok(fix?.edit, `actions: ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.isPreferred, true);
    const before = document.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.getText(), before.replace('iaas/20221004.md', 'iaas/20221005.md'));
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.code === 'minutes-link-not-found'));
  });

  it('fixes the title with source.fixAll.minutes', async () => {
    const { document } = await openFixture(WEEKLY);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'title-date-mismatch'));
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.minutes');
      return found.length ? found : undefined;
    }, 10_000, 'a fix-all action');
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    assert.ok(document.lineAt(0).text === '# SCS Tech Weekly 2022-10-13', document.lineAt(0).text);
    assert.ok(document.getText().includes('container/20221003.md'), 'the outdated link is fixed too');
  });

  it('leaves a correct roll-up without warnings', async () => {
    const { document } = await openFixture('community-call/20220929.md');
    // Diagnostics arrive for the document even when empty: wait for the server to have seen it.
    await waitFor(async () => (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', document.uri))?.length, 20_000, 'symbols');
    const warnings = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'minutes' && d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(warnings.map((d) => d.message), []);
  });
});
