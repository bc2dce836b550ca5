// What only the web build has: the host it runs in, and the repository read through the editor
// (`.minutes.json` and files created or deleted while it runs), not from a disk.
import * as assert from '../assert';
import * as vscode from 'vscode';
import { closeAllEditors, diagnosticCode, fixtureUri, getExtension, openFixture, waitFor, waitForActivation, waitForDiagnostics } from '../../vscode/suite/helpers';

const WEEKLY = 'community-call/20221013.md';

describe('the web build', () => {
  after(closeAllEditors);

  it('runs in the web-worker extension host, from a manifest without `main`', async () => {
    await openFixture(WEEKLY);
    const extension = await waitForActivation();
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.ok(!('process' in globalThis), 'a web worker has no Node process');
    const manifest = extension.packageJSON as { main?: string; browser?: string };
    assert.equal(manifest.main, undefined);
    assert.equal(manifest.browser, './dist/browser/client.js');
    assert.equal(getExtension().extensionUri.scheme, 'vscode-remote');
  });

  it('reads .minutes.json through the editor, and again when it changes', async () => {
    const { document } = await openFixture(WEEKLY);
    const severity = (d: readonly vscode.Diagnostic[]) => d.find((x) => diagnosticCode(x) === 'title-date-mismatch')?.severity;
    await waitForDiagnostics(document.uri, (d) => severity(d) === vscode.DiagnosticSeverity.Warning);
    const config = fixtureUri('.minutes.json');
    try {
      await vscode.workspace.fs.writeFile(config, new TextEncoder().encode('{ "rules": { "title-date-mismatch": "error" } }\n'));
      await waitForDiagnostics(document.uri, (d) => severity(d) === vscode.DiagnosticSeverity.Error);
    } finally {
      await vscode.workspace.fs.delete(config).then(undefined, () => undefined);
    }
    await waitForDiagnostics(document.uri, (d) => severity(d) === vscode.DiagnosticSeverity.Warning);
  });

  it('follows minutes files created and deleted in the workspace', async () => {
    const { document } = await openFixture(WEEKLY);
    const notFound = (d: readonly vscode.Diagnostic[]) => d.some((x) => diagnosticCode(x) === 'minutes-link-not-found');
    await waitForDiagnostics(document.uri, notFound);
    const created = fixtureUri('iaas/20221004.md');
    try {
      await vscode.workspace.fs.writeFile(created, new TextEncoder().encode('# Team IaaS 2022-10-04\n\n- written in the browser\n'));
      await waitForDiagnostics(document.uri, (d) => !notFound(d));
    } finally {
      await vscode.workspace.fs.delete(created).then(undefined, () => undefined);
    }
    await waitForDiagnostics(document.uri, notFound);
  });

  it('computes public holidays in the worker (the calendars it bundles)', async () => {
    // 2022-10-03 is German Unity Day (the default region is DE); its dates come from date-holidays' rules.
    const { document } = await openFixture('container/20221003.md');
    const column = document.lineAt(0).text.indexOf('2022-10-03');
    assert.ok(column >= 0, document.lineAt(0).text);
    const text = await waitFor(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(0, column + 2));
      const found = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
      return found.includes('Public holiday') && found;
    }, 20_000, 'a holiday in the hover of the title date');
    assert.match(text, /Public holiday in Germany: [^\n]*Tag der Deutschen Einheit/u);
  });
});
