import * as assert from 'node:assert/strict';
import { rollup, team, teamMinutes } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

interface ProgressValue {
  kind: 'begin' | 'report' | 'end';
  title?: string;
}

/** What the editor sees of the server's work-done progress, in the order it arrived, beside its log lines. */
function recordProgress(session: LspSession): string[] {
  const events: string[] = [];
  session.connection.onRequest('window/workDoneProgress/create', ({ token }: { token: string | number }) => {
    events.push(`create ${token}`);
    return null;
  });
  session.connection.onNotification('$/progress', ({ token, value }: { token: string | number; value: ProgressValue }) => {
    events.push(`${value.kind} ${token}${value.title ? ` ${value.title}` : ''}`);
  });
  session.connection.onNotification('window/logMessage', ({ message }: { message: string }) => {
    session.logs.push(message);
    if (/indexed \d+ dated minutes files/u.test(message)) events.push('indexed');
  });
  return events;
}

describe('the language server shows its progress while it reads the repository', () => {
  let repo: TempRepository;
  let session: LspSession;

  beforeEach(() => {
    const files: Record<string, string> = { 'community-call/20220929.md': rollup([team('Team IaaS', 'Minutes: ')]), 'iaas/20220928.md': teamMinutes('2022-09-28') };
    // Enough files that reading them is not instant.
    for (let i = 0; i < 1000; i++) files[`archive/team-${i % 50}/2019${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}.md`] = '# Notes\n';
    repo = new TempRepository(files);
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  for (const settingsGiven of [false, true]) {
    it(`begins a work-done progress for the first load and ends it once the repository is indexed${settingsGiven ? ' (settings sent with initialize)' : ''}`, async () => {
      const events = recordProgress(session);
      const options = settingsGiven ? { initializationOptions: { settings: { [repo.rootUri]: {} } } } : {};
      await session.connection.sendRequest('initialize', { processId: process.pid, rootUri: repo.rootUri, workspaceFolders: [{ uri: repo.rootUri, name: 'root' }], capabilities: { window: { workDoneProgress: true }, workspace: { configuration: true } }, ...options });
      events.push('answered');
      await session.notify('initialized', {});
      await session.until(() => events.some((e) => e.startsWith('end ')), 'the end of the progress', 30_000);
      const token = events.find((e) => e.startsWith('create '))?.slice('create '.length);
      assert.ok(token, `events: ${events.join(', ')}`);
      const mine = events.filter((e) => e === 'indexed' || e.split(' ')[1] === token).map((e) => e.split(' ')[0]);
      assert.ok(events.indexOf('answered') < events.indexOf(`create ${token}`), `no request before the initialize result: ${events.join(', ')}`);
      for (const step of ['create', 'begin', 'indexed', 'end']) assert.equal(mine.filter((e) => e === step).length, 1, `one ${step}: ${mine.join(', ')}`);
      assert.ok(mine.indexOf('create') < mine.indexOf('begin') && mine.indexOf('begin') < mine.indexOf('end'), mine.join(', '));
      assert.ok(mine.indexOf('indexed') < mine.indexOf('end'), `the progress ends after the repository is indexed: ${mine.join(', ')}`);
      assert.match(events.find((e) => e.startsWith('begin'))!, /Minutes/u);
    });
  }

  it('shows none to a client that does not support it', async () => {
    const events = recordProgress(session);
    await session.initialize(repo.rootUri, { workspace: { configuration: true } });
    await session.until(() => session.logs.some((l) => /indexed \d+ dated minutes files/u.test(l)), 'the repository indexed', 30_000);
    assert.deepEqual(events, ['indexed']);
  });
});
