import * as assert from 'node:assert/strict';
import { joinLines } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

// A working group: @kim's charter item carried, @alex's room left behind by the newest meeting.
const FIRST = joinLines('# 2024-01-01', '', '## Participants', '', '- @kim', '- @alex', '', '## Topics', '', '- _AI @kim: draft the charter_', '- AI @alex: book a room for the workshop', '');
const NEWEST = joinLines('# 2024-01-08', '', '## Participants', '', '- @kim', '', '## Pending action items', '', '- _AI @kim: draft the charter_', '  - ongoing', '', '## Topics', '', '- [ ] collect feedback', '');

describe('action items over LSP', () => {
  let repo: TempRepository;
  let session: LspSession;

  beforeEach(() => {
    repo = new TempRepository({ 'wg/20240101.md': FIRST, 'wg/20240108.md': NEWEST });
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  it('reports on the newest meeting of a series still meeting the item that fell off, and hints at the one nobody owns', async () => {
    // The server judges against the real today: the series met ten and three days ago.
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
    const [first, newest] = [ago(10), ago(3)];
    const recent = new TempRepository({ [`wg/${first.replace(/-/gu, '')}.md`]: FIRST.replace('2024-01-01', first), [`wg/${newest.replace(/-/gu, '')}.md`]: NEWEST.replace('2024-01-08', newest) });
    try {
      await session.initialize(recent.rootUri, {});
      const uri = recent.uriOf(`wg/${newest.replace(/-/gu, '')}.md`);
      await session.open(uri, NEWEST.replace('2024-01-08', newest));
      const diagnostics = await session.diagnosticsFor(uri, (d) => d.some((x) => x.code === 'action-item-dropped'));
      const dropped = diagnostics.find((d) => d.code === 'action-item-dropped')!;
      assert.equal(dropped.message, `1 open action item of the meeting of ${first} is neither carried nor done here: @alex: book a room for the workshop.`);
      assert.equal(dropped.range.start.line, 6);
      assert.ok(diagnostics.some((d) => d.code === 'action-item-no-owner' && d.range.start.line === 13));
    } finally {
      recent.dispose();
    }
  });

  it('starts new team minutes with the items still open, through executeCommand', async () => {
    await session.initialize(repo.rootUri, {});
    const answer = await session.request('workspace/executeCommand', { command: 'minutes.server.newTeamMinutes', arguments: [{ rootUri: repo.rootUri, folder: 'wg', date: '2024-01-15' }] });
    const text = (answer.result as { text: string }).text;
    assert.match(text, /## Pending action items\n\n- _AI @kim: draft the charter_\n {2}- status: \n- \[ \] collect feedback\n {2}- status: \n/u);
  });

  it('lists the open items of the repository for the Action Items view', async () => {
    await session.initialize(repo.rootUri, {});
    const answer = await session.request('minutes/actionItems', {});
    type Row = { owners: string[]; text: string; series: string; raised: string; older: boolean };
    const rows = answer.result as Row[];
    // The series met last in January 2024: its items are history ("Older").
    assert.deepEqual(rows.map((r) => [r.owners, r.text, r.series, r.raised, r.older]), [
      [['kim'], 'draft the charter', 'wg', '2024-01-01', true],
      [[], 'collect feedback', 'wg', '2024-01-08', true],
    ]);
    // The view's setting: a series counts as ended only after this many quiet days.
    const patient = (await session.request('minutes/actionItems', { olderAfterDays: 1_000_000 })).result as Row[];
    assert.deepEqual(patient.map((r) => r.older), [false, false]);
  });
});
