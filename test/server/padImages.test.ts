import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

// Minutes: Download Pad Images asks the server where a document's pad uploads go; the server fetches and writes nothing.
describe('the padImages server command', () => {
  let repo: TempRepository;
  let session: LspSession;
  const TEXT = ['# 2026-06-04', '', '- board ![b](https://pad.example.org/uploads/upload_ab12.png).', '- again <https://pad.example.org/uploads/upload_ab12.png>, logo ![l](https://example.org/logo.png)', ''].join('\n');

  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  const images = (uri: string) => session.request('workspace/executeCommand', { command: 'minutes.server.padImages', arguments: [{ uri }] });

  it('answers each upload once, with its file next to the document, its link and every range of its URL', async () => {
    repo = new TempRepository({ 'iaas/20260604.md': TEXT });
    session = new LspSession();
    await session.initialize(repo.rootUri, {});
    const uri = repo.uriOf('iaas/20260604.md');
    await session.open(uri, TEXT, 3);
    const answer = await images(uri);
    assert.equal(answer.error, undefined, JSON.stringify(answer.error));
    assert.deepEqual(answer.result, {
      version: 3,
      images: [
        {
          url: 'https://pad.example.org/uploads/upload_ab12.png',
          uri: repo.uriOf('iaas/upload_ab12.png'),
          link: 'upload_ab12.png',
          ranges: [
            { start: { line: 2, character: 13 }, end: { line: 2, character: 60 } },
            { start: { line: 3, character: 9 }, end: { line: 3, character: 56 } },
          ],
        },
      ],
    });
    assert.deepEqual(readdirSync(join(repo.root, 'iaas')), ['20260604.md']);
  });

  it("puts them in the config's assets folder, and refuses a document that is not open", async () => {
    repo = new TempRepository({ 'iaas/20260604.md': TEXT, '.minutes.json': '{ "assetsFolder": "assets" }' });
    session = new LspSession();
    await session.initialize(repo.rootUri, {});
    const uri = repo.uriOf('iaas/20260604.md');
    await session.open(uri, TEXT);
    const [image] = (((await images(uri)).result as { images: Array<{ uri: string; link: string }> }).images);
    assert.deepEqual([image.uri, image.link], [repo.uriOf('assets/upload_ab12.png'), '../assets/upload_ab12.png']);
    assert.match(String(((await images(repo.uriOf('iaas/other.md'))).error as { message?: string } | undefined)?.message), /an open document is needed/u);
  });
});
