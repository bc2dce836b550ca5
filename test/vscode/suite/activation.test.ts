import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  EXTENSION_ID, closeAllEditors, describeSymbols, documentSymbols, findSymbol, fixtureUri, getExtension, openFixture,
  waitFor, waitForActivation,
} from './helpers';

describe('activation', () => {
  after(closeAllEditors);

  it('stays inactive while only unrelated files are open', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fixtureUri('notes.txt')));
    assert.equal(getExtension().isActive, false);
  });

  it(`has the extension ${EXTENSION_ID} installed`, () => {
    const manifest = getExtension().packageJSON as { publisher: string; name: string };
    assert.equal(manifest.publisher, 'minutes-tools');
    assert.equal(manifest.name, 'minutes');
  });

  it('activates when weekly minutes are opened', async () => {
    const editor = await openFixture('community-call/20220929.md');
    assert.equal(editor.document.languageId, 'markdown');
    await waitForActivation();
  });

  it('outlines team updates: "Team IaaS" under "Team Updates"', async () => {
    const { document } = await openFixture('community-call/20220929.md');
    await waitForActivation();
    // The language server may still be starting: retry until our symbols show up.
    // Exact names matter: VS Code's built-in Markdown outline names them "### Team IaaS".
    let last: vscode.DocumentSymbol[] = [];
    try {
      await waitFor(async () => {
        last = await documentSymbols(document.uri);
        return findSymbol(last, 'Team Updates', 'Team IaaS');
      }, 20_000, '"Team IaaS" nested under "Team Updates"');
    } catch (err) {
      assert.fail(`${(err as Error).message}\nsymbols:\n${describeSymbols(last)}`);
    }
  });
});
