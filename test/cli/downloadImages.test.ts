import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG, runCliAsync } from '../support/cli';
import { folderSnapshot } from '../support/files';
import { serveOnLoopback, type LoopbackServer } from '../support/loopback';

// Existing minutes that still show images of a pad server on the loopback interface.
describe('minutes-lint --download-images', function () {
  this.timeout(60_000);
  let server: LoopbackServer;
  let base: string;
  let root: string;
  const requested: string[] = [];
  const iaas = () => [
    '# Team IaaS 2023-01-05',
    '',
    `- the board ![board](${base}/uploads/upload_ab12.png) and again <${base}/uploads/upload_ab12.png>.`,
    `- gone ![x](${base}/uploads/gone.png); not an upload: ![logo](${base}/logo.png)`,
    '',
  ].join('\n');
  // A byte order mark and CRLF line breaks: kept as they are.
  const container = () => `\uFEFF# Team Container 2023-01-06\r\n\r\n![board](${base}/uploads/upload_ab12.png)\r\n`;

  before(async () => {
    server = await serveOnLoopback((req, res) => {
      requested.push(req.url ?? '');
      if (req.url === '/uploads/upload_ab12.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
      else res.writeHead(404).end();
    });
    base = server.base;
  });
  after(() => server.close());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-images-'));
    mkdirSync(join(root, 'iaas'));
    mkdirSync(join(root, 'container'));
    writeFileSync(join(root, 'iaas', '20230105.md'), iaas());
    writeFileSync(join(root, 'container', '20230106.md'), container());
    requested.length = 0;
  });
  afterEach(() => {
    chmodSync(join(root, 'iaas', '20230105.md'), 0o644);
    rmSync(root, { recursive: true, force: true });
  });

  it('saves the uploads next to each file and makes only their links relative; a second run changes nothing', async () => {
    const { code, stdout, stderr } = await runCliAsync(['--download-images'], root);
    assert.equal(code, 0, stderr);
    assert.equal(readFileSync(join(root, 'iaas', '20230105.md'), 'utf8'), iaas().replaceAll(`${base}/uploads/upload_ab12.png`, 'upload_ab12.png'));
    assert.equal(readFileSync(join(root, 'container', '20230106.md'), 'utf8'), container().replace(`${base}/uploads/upload_ab12.png`, 'upload_ab12.png'));
    assert.deepEqual(readFileSync(join(root, 'iaas', 'upload_ab12.png')), PNG);
    assert.deepEqual(readFileSync(join(root, 'container', 'upload_ab12.png')), PNG);
    // Fetched once for both files.
    assert.equal(requested.filter((r) => r === '/uploads/upload_ab12.png').length, 1, requested.join(', '));
    assert.match(stdout, /^iaas\/20230105\.md: 1 of 2 pad-hosted images now linked from the repository$/mu);
    assert.match(stdout, /^ {2}image saved {2}iaas\/upload_ab12\.png$/mu);
    assert.match(stdout, /^ {2}image not saved {2}http:\S+\/uploads\/gone\.png: the server answered 404 Not Found; its link is left as it was$/mu);
    assert.match(stdout, /^2 images downloaded, 2 files updated, 1 not saved \(links left as they were\)$/mu);

    const before = folderSnapshot(root);
    const again = await runCliAsync(['--download-images'], root);
    assert.equal(again.code, 0, again.stderr);
    assert.deepEqual(folderSnapshot(root), before);
    assert.match(again.stdout, /^0 images downloaded, 0 files updated, 1 not saved/mu);
  });

  it('takes one file, and the configured assets folder', async () => {
    writeFileSync(join(root, '.minutes.json'), '{ "assetsFolder": "assets" }');
    const { code, stderr } = await runCliAsync(['--download-images', 'container/20230106.md'], root);
    assert.equal(code, 0, stderr);
    assert.deepEqual(readFileSync(join(root, 'assets', 'upload_ab12.png')), PNG);
    assert.equal(readFileSync(join(root, 'container', '20230106.md'), 'utf8'), container().replace(`${base}/uploads/upload_ab12.png`, '../assets/upload_ab12.png'));
    assert.equal(readFileSync(join(root, 'iaas', '20230105.md'), 'utf8'), iaas());
  });

  it('writes nothing with --dry-run, and says what it would download', async () => {
    const before = folderSnapshot(root);
    const { code, stdout } = await runCliAsync(['--download-images', '--dry-run'], root);
    assert.equal(code, 0);
    assert.match(stdout, /^ {2}would download {2}http:\S+\/uploads\/upload_ab12\.png -> iaas\/upload_ab12\.png$/mu);
    assert.deepEqual(folderSnapshot(root), before);
    assert.deepEqual(requested, []);
  });

  it('exits 2 when a file cannot be written back, saying which', async () => {
    chmodSync(join(root, 'iaas', '20230105.md'), 0o444);
    const { code, stdout } = await runCliAsync(['--download-images', 'iaas'], root);
    assert.equal(code, 2);
    assert.match(stdout, /^iaas\/20230105\.md: not updated \(the file is read-only\)$/mu);
    assert.equal(readFileSync(join(root, 'iaas', '20230105.md'), 'utf8'), iaas());
  });

  it('keeps an edit made while it downloads: that file is not written back, says so and exits 2', async () => {
    const { code, stdout } = await runCliAsync(['--download-images'], root, { MINUTES_FAULT: 'edit-after-read', MINUTES_FAULT_ROOT: root });
    const edited = ['iaas/20230105.md', 'container/20230106.md'].filter((f) => readFileSync(join(root, f), 'utf8').includes('A line the user typed meanwhile.'));
    assert.equal(edited.length, 1, 'the fault was injected');
    const text = readFileSync(join(root, edited[0]), 'utf8');
    assert.ok(text.includes('/uploads/upload_ab12.png'), 'its links were not rewritten over the edit');
    assert.match(stdout, new RegExp(`^${edited[0].replace(/[./]/gu, '\\$&')}: not updated \\(it changed since it was checked`, 'mu'));
    assert.equal(code, 2);
  });

  it('says so when no file shows a pad-hosted image', async () => {
    writeFileSync(join(root, 'iaas', '20230105.md'), '# Team IaaS 2023-01-05\n');
    const none = await runCliAsync(['--download-images', 'iaas'], root);
    assert.equal(none.code, 0);
    assert.equal(none.stdout, 'no pad-hosted images in 1 file\n');
  });

  for (const [name, args, message] of [
    ['a path that does not exist', ['--download-images', 'nowhere'], /no such file or folder/u],
    ['another format', ['--download-images', '--format', 'json'], /--download-images prints text/u],
  ] as const) {
    it(`exits 2 with one line on ${name}, changing nothing`, async () => {
      const before = folderSnapshot(root);
      const { code, stderr } = await runCliAsync([...args], root);
      assert.equal(code, 2);
      assert.match(stderr.split('\n')[0], message);
      assert.deepEqual(folderSnapshot(root), before);
    });
  }
});
