import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticCode, fixtureUri, openFixture, waitFor, waitForActivation, waitForDiagnostics } from './helpers';

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
    const byCode = new Map(diagnostics.filter((d) => d.source === 'minutes').map((d) => [diagnosticCode(d), d]));
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

  it('fixes everything fixable at once with source.fixAll.minutes, leaving no warning', async () => {
    const { document } = await openFixture(WEEKLY);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'title-date-mismatch'));
    const before = document.getText();
    const whole = new vscode.Range(0, 0, document.lineCount, 0);
    const actions = await waitFor(async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, whole, 'source.fixAll.minutes');
      return found.length ? found : undefined;
    }, 20_000, 'a fix-all action');
    assert.equal(actions.length, 1);
    assert.ok(await vscode.workspace.applyEdit(actions[0].edit!));
    // The copied title, the link to a file that does not exist and the outdated link, and nothing else.
    assert.equal(
      document.getText(),
      before.replace('2022-09-29', '2022-10-13').replace('iaas/20221004.md', 'iaas/20221005.md').replace('container/20220926.md', 'container/20221003.md'),
    );
    await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.source === 'minutes' && x.severity <= vscode.DiagnosticSeverity.Warning));
  });

  it('names the meeting a copied file repeats, points at it, and offers no fix that would hide the copy', async () => {
    const { document } = await openFixture('sig-documentation/20220926.md');
    await waitForActivation();
    const diagnostics = await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'duplicate-minutes'));
    const copy = diagnostics.find((d) => d.code === 'duplicate-minutes')!;
    assert.equal(copy.message, 'This file is a copy of sig-documentation/20220919.md, the minutes of 2022-09-19: the minutes of 2022-09-26 are not written yet, or were saved in the wrong file.');
    assert.equal(copy.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(copy.relatedInformation?.[0].location.uri.toString(), fixtureUri('sig-documentation/20220919.md').toString());
    // One finding per cause: the copy, not also its title.
    assert.equal(diagnostics.find((d) => d.code === 'title-date-mismatch'), undefined);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, copy.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title), [], 'retitling the copy would make it look genuine');
  });

  it('leaves a correct roll-up without warnings', async () => {
    const { document } = await openFixture('community-call/20220929.md');
    // An empty list and "not checked yet" look alike: break the title, see the warning, mend it, see it go.
    const title = document.lineAt(0).range;
    const edit = async (text: string) => assert.ok(await vscode.window.activeTextEditor!.edit((e) => e.replace(title, text)));
    await edit('# SCS Tech Weekly 2022-09-28');
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'title-date-mismatch'));
    await edit('# SCS Tech Weekly 2022-09-29');
    const diagnostics = await waitForDiagnostics(document.uri, (d) => !d.some((x) => x.code === 'title-date-mismatch'));
    const warnings = diagnostics.filter((d) => d.source === 'minutes' && d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(warnings.map((d) => d.message), []);
  });
});
