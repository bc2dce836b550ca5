// The real server on a big repository: 200 team folders with 100 minutes each (20,000 files).
// It must answer a completion request sent right after it starts without waiting for the repository
// to be read, keep its memory bounded, and skip binary and huge `.md` files with a logged reason
// instead of failing. How long it takes is measured by `npm run bench`, not here: the time limits
// below are generous bounds against hanging.
import * as assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-types';
import { linkTo, rollup as rollupOf, team } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

const FOLDERS = 200;
const FILES_PER_FOLDER = 100;
const MEETING = '20220929';
/** Long enough that only a server that hangs (or loops) exceeds it, on any machine. */
const HANG_MS = 60_000;

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
  return rollupOf([
    ...[0, 1, 2, 3, 4, 5, 6].map((i) => team(teamOf(i), linkTo(`${folderOf(i)}/20220922.md`))),
    team(teamOf(7), 'Minutes: '),
    team('Team Binary', linkTo('team-binary/20220928.md')),
    team('Team Huge', linkTo('team-huge/20220928.md')),
  ]);
}
const TYPING_LINE = rollup().split('\n').indexOf('Minutes: '); // the `Minutes: ` line of Team 007

/** The 20,000 minutes files: 100 meetings of each of 200 teams. */
function teamFiles(folders: number, perFolder: number): Record<string, string> {
  const dates = meetingDates(perFolder);
  const files: Record<string, string> = {};
  for (let i = 0; i < folders; i++) {
    for (const date of dates) files[`${folderOf(i)}/${compact(date)}.md`] = `# ${teamOf(i)} ${date}\n\n## Participants\n\n- @member-${i % 17}\n`;
  }
  return files;
}

describe('robustness: the server on a repository of 20,000 minutes files', function () {
  this.timeout(180_000);
  let repo: TempRepository;
  let server: LspSession;
  let rollupUri: string;
  let binaryPath: string;
  let hugePath: string;
  let previousPath: string;

  before(function () {
    this.timeout(120_000);
    repo = new TempRepository(
      {
        ...teamFiles(FOLDERS, FILES_PER_FOLDER),
        // The previous roll-up, which the checks of this week's read, is binary; so is one team's minutes file.
        'community-call/20220922.md': Buffer.from([0x23, 0x20, 0x00, 0x01, 0xff, 0xfe, 0x00, 0x0a]),
        'team-binary/20220928.md': Buffer.concat([Buffer.from('# Team Binary 2022-09-28\n'), Buffer.alloc(64, 0)]),
        // A team's minutes file larger than 5 MB.
        'team-huge/20220928.md': `# Team Huge 2022-09-28\n\n${'- a very long agenda item\n'.repeat(Math.ceil((5 * 1024 * 1024 + 1) / 26))}`,
        [`community-call/${MEETING}.md`]: rollup(),
      },
      { prefix: 'minutes-20k-' },
    );
    previousPath = repo.path('community-call/20220922.md');
    binaryPath = repo.path('team-binary/20220928.md');
    hugePath = repo.path('team-huge/20220928.md');
    rollupUri = repo.uriOf(`community-call/${MEETING}.md`);
  });
  after(async () => {
    await server?.dispose();
    repo?.dispose();
  });

  it('answers completion sent right after start-up from the repository once read, with the team\'s files', async () => {
    server = new LspSession();
    await server.initialize(repo.rootUri, { workspace: { configuration: true } });
    await server.open(rollupUri, rollup());
    const position = { textDocument: { uri: rollupUri }, position: { line: TYPING_LINE, character: 9 } };
    // Sent while the repository is being read (the server asks for the settings first, and reads the
    // 20,000 files after that): it waits for them, however long they take, rather than answer from nothing.
    const items = (await server.request('textDocument/completion', position, HANG_MS)).result as CompletionItem[];
    const labels = (list: CompletionItem[]) => list.map((i) => String(i.label));
    assert.ok(labels(items).some((l) => l.includes('/')), `the first answer lists the team's files: ${JSON.stringify(labels(items))}`);
    // The newest minutes of team-007 on or before the meeting come first, and only team-007's.
    assert.equal(items[0]?.label, 'team-007/20220929.md', JSON.stringify(labels(items)));
    assert.ok(items.every((i) => !String(i.label).includes('/') || String(i.label).startsWith('team-007/')));
    const memory = server.memory();
    assert.ok(memory.peakMb < 400, `peak RSS ${memory.peakMb} MB after indexing`);
  });

  it('keeps answering and its memory bounded while every team\'s minutes are asked for', async () => {
    const text = rollup();
    const lines = text.split('\n');
    // Each of 200 teams' minutes line typed in turn, with completion asked at each.
    for (let i = 0; i < FOLDERS; i++) {
      lines[TYPING_LINE - 2] = `### ${teamOf(i)}`;
      await server.notify('textDocument/didChange', { textDocument: { uri: rollupUri, version: i + 2 }, contentChanges: [{ text: lines.join('\n') }] });
      const answer = await server.request('textDocument/completion', { textDocument: { uri: rollupUri }, position: { line: TYPING_LINE, character: 9 } }, HANG_MS);
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
 * "no minutes repository is open"); fails when that takes longer than HANG_MS.
 */
async function teamFoldersOnceIndexed(server: LspSession): Promise<string[]> {
  return server.until(async () => {
    const answer = await server.request('workspace/executeCommand', { command: 'minutes.server.teamFolders', arguments: [] }, HANG_MS);
    if (!answer.result) assert.match(answer.error?.message ?? '', /no minutes repository is open/u);
    return answer.result as string[] | undefined;
  }, 'the repository to be read', HANG_MS);
}

describe('robustness: the server on a repository with one folder of 20,000 files', function () {
  this.timeout(120_000);
  let repo: TempRepository;
  let server: LspSession;

  before(() => {
    repo = new TempRepository(Object.fromEntries(meetingDates(20_000).map((date) => [`notes/${compact(date)}.md`, `# Notes ${date}\n`])), { prefix: 'minutes-flat-' });
  });
  after(async () => {
    await server?.dispose();
    repo?.dispose();
  });

  it('reads it and answers', async () => {
    server = new LspSession();
    await server.initialize(repo.rootUri, { workspace: { configuration: true } });
    assert.deepEqual(await teamFoldersOnceIndexed(server), ['notes']);
  });
});

describe('robustness: the server on a repository with symbolic links that loop', function () {
  this.timeout(120_000);
  let repo: TempRepository;
  let server: LspSession;

  before(() => {
    repo = new TempRepository({ 'iaas/20220928.md': '# Team IaaS 2022-09-28\n' }, { prefix: 'minutes-loop-' });
    // Two links back to the repository itself (as `ln -s . current` and `ln -s .. up` leave behind).
    symlinkSync('.', repo.path('current'));
    symlinkSync('..', repo.path('iaas/up'));
  });
  after(async () => {
    await server?.dispose();
    repo?.dispose();
  });

  it('reads the repository once, without following the links round (which would never end)', async () => {
    server = new LspSession();
    await server.initialize(repo.rootUri, { workspace: { configuration: true } });
    assert.deepEqual(await teamFoldersOnceIndexed(server), ['iaas']);
  });
});
