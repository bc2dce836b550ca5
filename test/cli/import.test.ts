import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI, PNG, runCliAsync } from '../support/cli';
import { serveOnLoopback, type LoopbackServer } from '../support/loopback';

function run(args: string[], cwd: string, input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const EXISTING = '# 2026-06-04\n\n## Participants\n\n- @lee\n';
// A rolling pad, newest meeting on top: one meeting the series lacks, one it has as written, one it has otherwise.
// Its upload is on a loopback port nothing listens on: it fails at once, without the network.
const PAD = [
  '---',
  'title: Team IaaS',
  '---',
  '# Team IaaS pad',
  '',
  '## 2026-06-11',
  '',
  '### Participants',
  '',
  '- @kim',
  '',
  '![board](http://127.0.0.1:47/uploads/upload_ab12.png)',
  '',
  '---',
  '',
  '## 2026-06-04',
  '',
  '### Participants',
  '',
  '- @lee',
  '',
  '## 2026-05-28',
  '',
  '### Participants',
  '',
  '- @kim',
  '- @lee',
  '',
].join('\n');

describe('minutes-lint --import', () => {
  let root: string;
  const series = () => join(root, 'iaas');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-import-'));
    mkdirSync(series());
    writeFileSync(join(series(), '20260604.md'), EXISTING);
    writeFileSync(join(series(), '20260528.md'), '# 2026-05-28\n\n## Participants\n\n- @kim\n');
    writeFileSync(join(root, 'pad.md'), PAD);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('creates the meetings the series lacks, named by its pattern, with the title at its level', () => {
    const { code, stdout } = run(['--import', 'pad.md', '--series', 'iaas', '--today', '2026-06-20'], root);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^created {2}iaas\/20260611\.md {2}\(2026-06-11\)$/mu);
    assert.match(stdout, /^unchanged {2}iaas\/20260604\.md/mu);
    // The upload's server does not answer: reported, its link left as it was.
    assert.match(stdout, /^ {2}image not saved {2}http:\/\/127\.0\.0\.1:47\/uploads\/upload_ab12\.png: cannot be fetched \([^)]+\); its link is left as it was$/mu);
    assert.equal(readFileSync(join(series(), '20260611.md'), 'utf8'), '# 2026-06-11\n\n## Participants\n\n- @kim\n\n![board](http://127.0.0.1:47/uploads/upload_ab12.png)\n');
  });

  it('lints the files it created and shows their findings (a link to a meeting that has no file)', () => {
    writeFileSync(join(root, 'pad.md'), PAD.replace('- @kim\n\n![board]', '- @kim\n\nSee [last time](20260527.md).\n\n![board]'));
    const { code, stdout } = run(['--import', 'pad.md', '--series', 'iaas', '--today', '2026-06-20'], root);
    assert.equal(code, 0, stdout);
    assert.match(stdout, /^findings in the created files:\niaas\/20260611\.md:\d+:\d+ {2}\w+ {2}.+$/mu);
    const clean = run(['--import', 'pad.md', '--series', 'iaas', '--today', '2026-06-20'], root);
    assert.doesNotMatch(clean.stdout, /findings in the created files/u, 'nothing created the second time, nothing linted');
  });

  it('never overwrites a file that differs: it shows the diff', () => {
    const before = readFileSync(join(series(), '20260528.md'), 'utf8');
    const { code, stdout } = run(['--import', 'pad.md', '--series', 'iaas'], root);
    assert.equal(code, 0);
    assert.match(stdout, /^differs {2}iaas\/20260528\.md {2}\(2026-05-28\): not written, see the diff below$/mu);
    assert.match(stdout, /^\+- @lee$/mu);
    assert.equal(readFileSync(join(series(), '20260528.md'), 'utf8'), before);
    assert.equal(readFileSync(join(series(), '20260604.md'), 'utf8'), EXISTING);
  });

  it('changes nothing on a second run, reading the pad from standard input', () => {
    run(['--import', 'pad.md', '--series', 'iaas'], root);
    const created = readFileSync(join(series(), '20260611.md'), 'utf8');
    const { code, stdout } = run(['--import', '-', '--series', 'iaas'], root, PAD);
    assert.equal(code, 0);
    assert.doesNotMatch(stdout, /^created/mu);
    assert.match(stdout, /^unchanged {2}iaas\/20260611\.md/mu);
    assert.match(stdout, /^ {2}image still on the pad's host: http:\/\/127\.0\.0\.1:47\/uploads\/upload_ab12\.png \(--download-images brings it\)$/mu);
    assert.equal(readFileSync(join(series(), '20260611.md'), 'utf8'), created);
  });

  it('creates nothing with --dry-run', () => {
    const { code, stdout } = run(['--import', 'pad.md', '--series', 'iaas', '--dry-run'], root);
    assert.equal(code, 0);
    assert.match(stdout, /^would create {2}iaas\/20260611\.md/mu);
    assert.match(stdout, /^ {2}would download {2}http:\/\/127\.0\.0\.1:47\/uploads\/upload_ab12\.png -> iaas\/upload_ab12\.png$/mu);
    assert.deepEqual(readdirSync(series()).sort(), ['20260528.md', '20260604.md']);
  });

  for (const [name, args, message] of [
    ['a missing pad', ['--import', 'nowhere.md', '--series', 'iaas'], /nowhere\.md: cannot be read/u],
    ['a pad without dated headings', ['--import', '-', '--series', 'iaas'], /standard input: no meeting found/u],
    ['a series folder that does not exist', ['--import', 'pad.md', '--series', 'nope'], /--series nope: not a folder inside the repository/u],
    ['a series outside the repository', ['--import', 'pad.md', '--series', '..'], /--series \.\.: not a folder inside the repository/u],
    ['no --series', ['--import', 'pad.md'], /--import needs --series FOLDER/u],
    ['a bad --today', ['--import', 'pad.md', '--series', 'iaas', '--today', '2026-02-30'], /--today must be a date/u],
  ] as const) {
    it(`exits 2 with one line on ${name}, creating nothing`, () => {
      const { code, stderr } = run([...args], root, '# Notes\n\n- nothing dated\n');
      assert.equal(code, 2);
      assert.match(stderr.split('\n')[0], message);
      assert.deepEqual(readdirSync(series()).sort(), ['20260528.md', '20260604.md']);
    });
  }
});

/** A pad whose meeting shows uploads of the pad server at `base`, and other images. */
function picturePad(base: string): string {
  return [
    '# Team IaaS pad',
    '',
    '## 2026-06-18',
    '',
    '- the board ![board](' + base + '/uploads/upload_ab12.png)',
    '- gone ![x](' + base + '/uploads/gone.png), a page ![y](' + base + '/uploads/page.png), huge ![z](' + base + '/uploads/huge.png)',
    '- not uploads: ![logo](https://example.org/logo.png) ![chart](https://example.org/wp-content/uploads/chart.png)',
    '',
  ].join('\n');
}

// A pad server on the loopback interface answering as HedgeDoc does.
describe('minutes-lint --import of a pad URL', function () {
  this.timeout(60_000);
  let server: LoopbackServer;
  let base: string;
  let root: string;
  const requested: string[] = [];

  before(async () => {
    server = await serveOnLoopback((req, res) => {
      requested.push(req.url ?? '');
      switch (req.url) {
        case '/team-iaas/download':
          res.writeHead(200, { 'content-type': 'text/markdown; charset=UTF-8' }).end(PAD);
          return;
        case '/team-pics/download':
          res.writeHead(200, { 'content-type': 'text/markdown' }).end(picturePad(base));
          return;
        case '/uploads/upload_ab12.png':
          res.writeHead(200, { 'content-type': 'image/png' }).end(PNG);
          return;
        case '/uploads/page.png':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html>Sign in</html>');
          return;
        case '/uploads/huge.png': {
          res.writeHead(200, { 'content-type': 'image/png' });
          for (let i = 0; i < 11; i++) res.write(Buffer.alloc(1024 * 1024));
          res.end();
          return;
        }
        case '/private/download':
          res.writeHead(302, { location: '/login' }).end();
          return;
        case '/login/download':
          res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>Sign in</body></html>');
          return;
        case '/huge/download': {
          res.writeHead(200, { 'content-type': 'text/markdown' });
          const chunk = Buffer.alloc(1024 * 1024, '# 2026-06-04\n');
          for (let i = 0; i < 11; i++) res.write(chunk);
          res.end();
          return;
        }
        case '/slow/download':
          return; // never answers
        default:
          res.writeHead(404).end();
      }
    });
    base = server.base;
  });
  after(() => server.close());
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-import-url-'));
    mkdirSync(join(root, 'iaas'));
    writeFileSync(join(root, 'iaas', '20260604.md'), EXISTING);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("fetches the note's Markdown from <note>/download and imports it", async () => {
    const { code, stdout, stderr } = await runCliAsync(['--import', `${base}/team-iaas?both#top`, '--series', 'iaas'], root);
    assert.equal(code, 0, stderr);
    assert.ok(requested.includes('/team-iaas/download'), requested.join(', '));
    assert.match(stdout, /^created {2}iaas\/20260611\.md/mu);
    assert.match(readFileSync(join(root, 'iaas', '20260611.md'), 'utf8'), /^# 2026-06-11\n/u);
  });

  it("saves the pad's uploads next to the meeting and links them relatively; a failed one keeps its link; a second run changes nothing", async () => {
    const { code, stdout, stderr } = await runCliAsync(['--import', `${base}/team-pics`, '--series', 'iaas'], root);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^created {2}iaas\/20260618\.md/mu);
    assert.match(stdout, /^ {2}image saved {2}iaas\/upload_ab12\.png$/mu);
    assert.match(stdout, /^ {2}image not saved {2}http:\S+\/uploads\/gone\.png: the server answered 404 Not Found; its link is left as it was$/mu);
    assert.match(stdout, /^ {2}image not saved {2}http:\S+\/uploads\/page\.png: the server sent an HTML page, not the upload; its link/mu);
    assert.match(stdout, /^ {2}image not saved {2}http:\S+\/uploads\/huge\.png: larger than 10 MB; its link/mu);
    assert.deepEqual(readFileSync(join(root, 'iaas', 'upload_ab12.png')), PNG);
    const created = readFileSync(join(root, 'iaas', '20260618.md'), 'utf8');
    // The pad's text with the title at the series' level, and only the saved upload's link changed.
    const meeting = picturePad(base).split('\n').slice(2).join('\n').replace('## 2026-06-18', '# 2026-06-18');
    assert.equal(created, meeting.replace(`${base}/uploads/upload_ab12.png`, 'upload_ab12.png'));
    assert.deepEqual(readdirSync(join(root, 'iaas')).sort(), ['20260604.md', '20260618.md', 'upload_ab12.png']);

    const again = await runCliAsync(['--import', `${base}/team-pics`, '--series', 'iaas'], root);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^unchanged {2}iaas\/20260618\.md/mu);
    assert.doesNotMatch(again.stdout, /image saved|^created/mu);
    assert.equal(readFileSync(join(root, 'iaas', '20260618.md'), 'utf8'), created);
    assert.deepEqual(readdirSync(join(root, 'iaas')).sort(), ['20260604.md', '20260618.md', 'upload_ab12.png']);
  });

  it('saves the uploads in the configured assets folder, creating it', async () => {
    writeFileSync(join(root, '.minutes.json'), '{ "assetsFolder": "assets/pads" }');
    const { code, stderr } = await runCliAsync(['--import', `${base}/team-pics`, '--series', 'iaas'], root);
    assert.equal(code, 0, stderr);
    assert.deepEqual(readFileSync(join(root, 'assets', 'pads', 'upload_ab12.png')), PNG);
    assert.match(readFileSync(join(root, 'iaas', '20260618.md'), 'utf8'), /!\[board\]\(\.\.\/assets\/pads\/upload_ab12\.png\)/u);
  });

  it('never overwrites another file of the upload\'s name: the link stays', async () => {
    writeFileSync(join(root, 'iaas', 'upload_ab12.png'), 'mine');
    const { code, stdout } = await runCliAsync(['--import', `${base}/team-pics`, '--series', 'iaas'], root);
    assert.equal(code, 0);
    assert.match(stdout, /^ {2}image not saved {2}\S+upload_ab12\.png: iaas\/upload_ab12\.png exists with other content \(not overwritten\); its link is left as it was$/mu);
    assert.equal(readFileSync(join(root, 'iaas', 'upload_ab12.png'), 'utf8'), 'mine');
    assert.match(readFileSync(join(root, 'iaas', '20260618.md'), 'utf8'), /!\[board\]\(http:\S+\/uploads\/upload_ab12\.png\)/u);
  });

  for (const [name, note, message] of [
    ['a private note (a redirect to the sign-in page)', 'private', /the pad needs a login/u],
    ['an HTML page', 'login', /an HTML page, not the pad's Markdown/u],
    ['a missing note', 'gone', /the server answered 404/u],
    ['an answer over the size limit', 'huge', /larger than 10 MB, not a pad/u],
    ['a server that does not answer', 'slow', /no answer within 15 s/u],
  ] as const) {
    it(`exits 2 with one line on ${name}, saving nothing`, async () => {
      const { code, stderr } = await runCliAsync(['--import', `${base}/${note}`, '--series', 'iaas'], root);
      assert.equal(code, 2);
      assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
      assert.match(stderr, message);
      assert.deepEqual(readdirSync(join(root, 'iaas')), ['20260604.md']);
    });
  }
});
