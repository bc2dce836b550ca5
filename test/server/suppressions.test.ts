import * as assert from 'node:assert/strict';
import { linkTo, rollup, team, teamMinutes } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

const WEEKLY = rollup([team('Team IaaS', linkTo('iaas/20220927.md'))]);
const ROLLUP = 'community-call/20220929.md';
const SUPPRESSED = JSON.stringify({ [ROLLUP]: { 'minutes-link-not-found': { count: 1 } } });
const HINT = 4;
const WARNING = 2;

describe('language server with minutes-suppressions.json', () => {
  let repo: TempRepository;
  let session: LspSession;
  const capabilities = { workspace: { configuration: true } };
  const notFound = async (accept: (severity: number | undefined) => boolean) => {
    const diagnostics = await session.diagnosticsFor(repo.uriOf(ROLLUP), (d) => accept(d.find((x) => x.code === 'minutes-link-not-found')?.severity));
    return diagnostics.find((x) => x.code === 'minutes-link-not-found');
  };

  beforeEach(() => {
    repo = new TempRepository({ [ROLLUP]: WEEKLY, 'iaas/20220921.md': teamMinutes('2022-09-21'), 'iaas/20220928.md': teamMinutes('2022-09-28'), 'minutes-suppressions.json': SUPPRESSED });
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  it('shows a suppressed finding as a hint, and as a warning again once the file no longer suppresses it', async () => {
    await session.initialize(repo.rootUri, capabilities);
    await session.open(repo.uriOf(ROLLUP), WEEKLY);
    const hint = await notFound((s) => s !== undefined);
    assert.equal(hint?.severity, HINT);
    assert.equal(hint?.message, 'iaas/20220927.md does not exist; iaas/20220928.md is the Team IaaS minutes of that week. (suppressed in minutes-suppressions.json)');
    repo.write({ 'minutes-suppressions.json': '{}\n' });
    await session.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: repo.uriOf('minutes-suppressions.json'), type: 2 }] });
    assert.equal((await notFound((s) => s === WARNING))?.message, 'iaas/20220927.md does not exist; iaas/20220928.md is the Team IaaS minutes of that week.');
  });

  it('leaves suppressed findings out with "showSuppressed": false', async () => {
    session.settings = { showSuppressed: false };
    await session.initialize(repo.rootUri, capabilities);
    await session.open(repo.uriOf(ROLLUP), WEEKLY);
    // Nothing is published before the repository is read: the first diagnostics are its findings.
    const first = await session.diagnosticsFor(repo.uriOf(ROLLUP));
    assert.deepEqual(first.filter((d) => d.code === 'minutes-link-not-found'), []);
    session.settings = { showSuppressed: true };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { minutes: session.settings } });
    assert.equal((await notFound((s) => s !== undefined))?.severity, HINT);
    session.settings = { showSuppressed: false };
    await session.connection.sendNotification('workspace/didChangeConfiguration', { settings: { minutes: session.settings } });
    assert.equal(await notFound((s) => s === undefined), undefined);
  });

  it('tells the user and suppresses nothing when the file is not a suppressions file', async () => {
    repo.write({ 'minutes-suppressions.json': '{ "community-call/20220929.md": 3 }' });
    await session.initialize(repo.rootUri, capabilities);
    await session.open(repo.uriOf(ROLLUP), WEEKLY);
    assert.equal((await notFound((s) => s !== undefined))?.severity, WARNING);
    await session.until(() => session.messages.find((m) => m.includes('minutes-suppressions.json: not a suppressions file')), 'a message');
  });
});
