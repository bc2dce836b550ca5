import * as assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { closeAllEditors, fixtureUri, openFixture, waitForActivation } from './helpers';

// The first bytes of a PNG: what the pad's server on the loopback interface serves as the upload.
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);

describe('Minutes: Download Pad Images', () => {
  let server: Server;
  let base = '';
  const requested: string[] = [];
  const minutes = () => fixtureUri('iaas/pad-images.md');
  const image = () => fixtureUri('iaas/upload_ab12.png');

  before(async () => {
    server = createServer((req, res) => {
      requested.push(req.url ?? '');
      if (req.url === '/uploads/upload_ab12.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else res.writeHead(404).end();
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await closeAllEditors();
    for (const uri of [minutes(), image(), fixtureUri('iaas/gone.png')]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    server.close();
  });

  it('saves the upload next to the minutes and rewrites only its links, in an edit left to save; a failed one keeps its link', async () => {
    const text = [
      '# Team IaaS 2022-10-19',
      '',
      `- the board ![board](${base}/uploads/upload_ab12.png), again <${base}/uploads/upload_ab12.png>.`,
      `- gone ![x](${base}/uploads/gone.png); not an upload: ![logo](${base}/logo.png)`,
      '',
    ].join('\n');
    await vscode.workspace.fs.writeFile(minutes(), new TextEncoder().encode(text));
    const editor = await openFixture('iaas/pad-images.md');
    await waitForActivation();
    await vscode.commands.executeCommand('minutes.downloadPadImages');
    assert.deepEqual([...(await vscode.workspace.fs.readFile(image()))], [...PNG]);
    assert.equal(editor.document.getText(), text.replaceAll(`${base}/uploads/upload_ab12.png`, 'upload_ab12.png'));
    // The links changed in the editor only: the user saves (or undoes) them.
    assert.ok(editor.document.isDirty);
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(minutes())), text);
    await assert.rejects(Promise.resolve(vscode.workspace.fs.stat(fixtureUri('iaas/gone.png'))));
    assert.deepEqual(requested.sort(), ['/uploads/gone.png', '/uploads/upload_ab12.png']);
    await editor.document.save();
  });
});
