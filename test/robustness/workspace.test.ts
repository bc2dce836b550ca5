// The real server on a big repository: 200 team folders with 100 minutes each (20,000 files).
// It must answer a completion request sent right after it starts within a bounded time, keep its
// memory bounded, and skip binary and huge `.md` files with a logged reason instead of failing.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { ServerProcess } from './lspProcess';

const BASE = 'https://github.com/SovereignCloudStack/minutes/blob/main/';
const FOLDERS = 200;
const FILES_PER_FOLDER = 100;
const MEETING = '20220929';

/** 100 meetings a week apart, the last ones around the roll-up's date 2022-09-29. */
function meetingDates(count: number): string[] {
  const last = Date.UTC(2022, 9, 27); // 2022-10-27: some minutes are dated after the meeting
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10));
}
const compact = (iso: string) => iso.replace(/-/gu, '');
const folderOf = (i: number) => `team-${String(i).padStart(3, '0')}`;
const teamOf = (i: number) => `Team ${String(i).padStart(3, '0')}`;

/** The roll-up of 2022-09-29, linking the first teams' minutes; team 007's minutes line is being typed. */
function rollup(): string {
  const teams = [0, 1, 2, 3, 4, 5, 6].map((i) => [`### ${teamOf(i)}`, '', `Minutes: ${BASE}${folderOf(i)}/20220922.md`, '']);
  return [
    '# SCS Tech Weekly 2022-09-29',
    '',
    '## Meta',
    '',
    '- Minutes: Jonas',
    '',
    '## Team Updates',
    '',
    ...teams.flat(),
    `### ${teamOf(7)}`,
    '',
    'Minutes: ',
    '',
    '### Team Binary',
    '',
    `Minutes: ${BASE}team-binary/20220928.md`,
    '',
    '### Team Huge',
    '',
    `Minutes: ${BASE}team-huge/20220928.md`,
    '',
    '## AOB',
    '',
  ].join('\n');
}
const TYPING_LINE = 7 * 4 + 8 + 2; // the `Minutes: ` line of Team 007

describe('robustness: the server on a repository of 20,000 minutes files', function () {
  this.timeout(180_000);
  let root: string;
  let server: ServerProcess;
  let rollupUri: string;
  let binaryPath: string;
  let hugePath: string;
  let previousPath: string;

  before(function () {
    this.timeout(120_000);
    root = mkdtempSync(join(tmpdir(), 'minutes-20k-'));
    const dates = meetingDates(FILES_PER_FOLDER);
    for (let i = 0; i < FOLDERS; i++) {
      const folder = join(root, folderOf(i));
      mkdirSync(folder);
      for (const date of dates) writeFileSync(join(folder, `${compact(date)}.md`), `# ${teamOf(i)} ${date}\n\n## Participants\n\n- @member-${i % 17}\n`);
    }
    mkdirSync(join(root, 'community-call'));
    mkdirSync(join(root, 'team-binary'));
    mkdirSync(join(root, 'team-huge'));
    // The previous roll-up, which the checks of this week's read, is binary; so is one team's minutes file.
    previousPath = join(root, 'community-call', '20220922.md');
    writeFileSync(previousPath, Buffer.from([0x23, 0x20, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x0a]));
    binaryPath = join(root, 'team-binary', '20220928.md');
    writeFileSync(binaryPath, Buffer.concat([Buffer.from('# Team Binary 2022-09-28\n'), Buffer.alloc(64, 0)]));
    // A team's minutes file larger than 5 MB.
    hugePath = join(root, 'team-huge', '20220928.md');
    writeFileSync(hugePath, `# Team Huge 2022-09-28\n\n${'- a very long agenda item\n'.repeat(Math.ceil((5 * 1024 * 1024 + 1) / 26))}`);
    writeFileSync(join(root, 'community-call', `${MEETING}.md`), rollup());
    rollupUri = pathToFileURL(join(root, 'community-call', `${MEETING}.md`)).toString();
  });
  after(async () => {
    await server?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('answers completion right after start-up, and knows the 20,000 files within 30 s', async () => {
    server = new ServerProcess();
    const started = Date.now();
    await server.initialize(pathToFileURL(root).toString(), { workspace: { configuration: true } });
    await server.notify('textDocument/didOpen', { textDocument: { uri: rollupUri, languageId: 'markdown', version: 1, text: rollup() } });
    const position = { textDocument: { uri: rollupUri }, position: { line: TYPING_LINE, character: 9 } };
    // Sent while the repository is being read: answered at once, if only with what needs no files.
    const first = await server.request('textDocument/completion', position, 30_000);
    const firstMs = Date.now() - started;
    assert.ok(Array.isArray(first.result), JSON.stringify(first));
    assert.ok((first.result as CompletionItem[]).some((i) => i.label === 'none yet'));
    // Asked again until the answer lists the team's files: the repository is then indexed.
    let items: CompletionItem[] = [];
    while (Date.now() - started < 30_000) {
      items = (await server.request('textDocument/completion', position, 30_000)).result as CompletionItem[];
      if (items.some((i) => String(i.label).includes('/'))) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const indexedMs = Date.now() - started;
    const memory = server.memory();
    console.log(`      first completion after ${firstMs} ms; completion with the team's files after ${indexedMs} ms; VmRSS ${memory.rssMb} MB, peak ${memory.peakMb} MB`);
    assert.ok(indexedMs < 30_000, `the repository was not indexed within 30 s`);
    // The newest minutes of team-007 on or before the meeting come first, and only team-007's.
    assert.equal(items[0]?.label, 'team-007/20220929.md', JSON.stringify(items.map((i) => i.label)));
    assert.ok(items.every((i) => !String(i.label).includes('/') || String(i.label).startsWith('team-007/')));
    assert.ok(memory.peakMb < 400, `peak RSS ${memory.peakMb} MB after indexing`);
  });

  it('keeps answering and its memory bounded while every team\'s minutes are asked for', async () => {
    const text = rollup();
    const lines = text.split('\n');
    // Each of 200 teams' minutes line typed in turn, with completion asked at each.
    for (let i = 0; i < FOLDERS; i++) {
      lines[TYPING_LINE - 2] = `### ${teamOf(i)}`;
      await server.notify('textDocument/didChange', { textDocument: { uri: rollupUri, version: i + 2 }, contentChanges: [{ text: lines.join('\n') }] });
      const answer = await server.request('textDocument/completion', { textDocument: { uri: rollupUri }, position: { line: TYPING_LINE, character: 9 } }, 30_000);
      assert.ok(String((answer.result as CompletionItem[])[0]?.label).startsWith(`${folderOf(i)}/`), `team ${i}: ${JSON.stringify(answer).slice(0, 200)}`);
    }
    const memory = server.memory();
    console.log(`      after 200 completions with file previews: VmRSS ${memory.rssMb} MB, peak ${memory.peakMb} MB`);
    assert.ok(memory.peakMb < 600, `peak RSS ${memory.peakMb} MB`);
  });

  it('skips binary and huge .md files with a logged reason, and still answers about them', async () => {
    // Linting the roll-up reads the previous one (binary); hovering the links reads the linked files.
    const lines = rollup().split('\n');
    const binaryLine = lines.findIndex((l) => l.includes('team-binary/'));
    const hugeLine = lines.findIndex((l) => l.includes('team-huge/'));
    const binaryHover = await server.request('textDocument/hover', { textDocument: { uri: rollupUri }, position: { line: binaryLine, character: 20 } });
    const hugeHover = await server.request('textDocument/hover', { textDocument: { uri: rollupUri }, position: { line: hugeLine, character: 20 } });
    await server.until(() => server.logs.some((l) => l === `Minutes: ${binaryPath}: skipped, not a text file`), 'the log line of the binary file');
    await server.until(() => server.logs.some((l) => l.startsWith(`Minutes: ${hugePath}: skipped, `) && /\d+ bytes is larger than minutes files get/u.test(l)), 'the log line of the huge file');
    await server.until(() => server.logs.some((l) => l === `Minutes: ${previousPath}: skipped, not a text file`), 'the log line of the binary previous roll-up');
    // The hover still names the file, without its content.
    assert.match(((binaryHover.result as Hover).contents as MarkupContent).value, /team-binary\/20220928\.md/u);
    assert.match(((hugeHover.result as Hover).contents as MarkupContent).value, /team-huge\/20220928\.md/u);
    assert.ok(server.alive);
    const diagnostics = await server.until(() => server.diagnostics.get(rollupUri), 'diagnostics of the roll-up');
    assert.ok(Array.isArray(diagnostics.diagnostics));
  });
});

/**
 * The team folders, asked for until the server has read the repository (before that it answers
 * "no minutes repository is open"); fails when that takes longer than `timeoutMs`.
 */
async function teamFoldersOnceIndexed(server: ServerProcess, timeoutMs: number): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await server.request('workspace/executeCommand', { command: 'minutes.server.teamFolders', arguments: [] }, Math.max(1, deadline - Date.now()));
    if (answer.result) return answer.result as string[];
    assert.match(answer.error?.message ?? '', /no minutes repository is open/u);
    if (Date.now() > deadline) throw new Error(`the repository was not indexed within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('robustness: the server on a repository with one folder of 20,000 files', function () {
  this.timeout(120_000);
  let root: string;
  let server: ServerProcess;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-flat-'));
    mkdirSync(join(root, 'notes'));
    const dates = meetingDates(20_000);
    for (const date of dates) writeFileSync(join(root, 'notes', `${compact(date)}.md`), `# Notes ${date}\n`);
  });
  after(async () => {
    await server?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('answers the first request within 10 s', async () => {
    server = new ServerProcess();
    const started = Date.now();
    await server.initialize(pathToFileURL(root).toString(), { workspace: { configuration: true } });
    const folders = await teamFoldersOnceIndexed(server, 10_000);
    console.log(`      repository indexed after ${Date.now() - started} ms`);
    assert.deepEqual(folders, ['notes']);
  });
});

describe('robustness: the server on a repository with symbolic links that loop', function () {
  this.timeout(60_000);
  let root: string;
  let server: ServerProcess;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'minutes-loop-'));
    mkdirSync(join(root, 'iaas'));
    writeFileSync(join(root, 'iaas', '20220928.md'), '# Team IaaS 2022-09-28\n');
    // Two links back to the repository itself (as `ln -s . current` and `ln -s .. up` leave behind).
    symlinkSync('.', join(root, 'current'));
    symlinkSync('..', join(root, 'iaas', 'up'));
  });
  after(async () => {
    await server?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('indexes the repository once, within 10 s', async () => {
    server = new ServerProcess();
    const started = Date.now();
    await server.initialize(pathToFileURL(root).toString(), { workspace: { configuration: true } });
    const folders = await teamFoldersOnceIndexed(server, 10_000);
    console.log(`      repository indexed after ${Date.now() - started} ms`);
    assert.deepEqual(folders, ['iaas']);
  });
});
