import * as assert from 'node:assert/strict';
import type { CompletionItem, CompletionList } from 'vscode-languageserver-types';
import { lineOf, linkTo, rollup, team, teamMinutes } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

// A roll-up whose Team IaaS line is being typed, and a link to a file that does not exist.
const TYPING = rollup([team('Team IaaS', 'Minutes: '), team('Team Container', linkTo('container/20220925.md'))]);

describe('the language server right after start', () => {
  let repo: TempRepository;
  let session: LspSession;
  const capabilities = { workspace: { configuration: true } };
  const WEEKLY = 'community-call/20220929.md';

  beforeEach(() => {
    const files: Record<string, string> = { [WEEKLY]: TYPING, 'iaas/20220928.md': teamMinutes('2022-09-28'), 'container/20220926.md': teamMinutes('2022-09-26') };
    // Enough files that reading them is not instant.
    for (let i = 0; i < 2000; i++) files[`archive/team-${i % 50}/2019${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}.md`] = '# Notes\n';
    repo = new TempRepository(files);
    session = new LspSession();
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  it('answers completion sent at once after initialized from the loaded repository, not from nothing', async () => {
    await session.initialize(repo.rootUri, capabilities);
    const uri = repo.uriOf(WEEKLY);
    void session.open(uri, TYPING);
    const line = lineOf(TYPING, '### Team IaaS') + 2; // its blank minutes line
    const answer = await session.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 'Minutes: '.length } });
    const items = (Array.isArray(answer.result) ? answer.result : (answer.result as CompletionList).items) as CompletionItem[];
    assert.ok(items.some((i) => i.label === 'iaas/20220928.md'), `items: ${items.map((i) => i.label).join(', ')}`);
  });

  it('computes new team minutes through executeCommand sent at once after initialized', async () => {
    await session.initialize(repo.rootUri, capabilities);
    const answer = await session.request('workspace/executeCommand', { command: 'minutes.server.newTeamMinutes', arguments: [{ rootUri: repo.rootUri, folder: 'iaas', date: '2022-10-05' }] });
    assert.equal(answer.error, undefined, JSON.stringify(answer.error));
    assert.match((answer.result as { uri: string }).uri, /iaas\/20221005\.md$/u);
  });

  it('publishes no diagnostics before the repository is loaded: the first are the real ones', async () => {
    await session.initialize(repo.rootUri, capabilities);
    const uri = repo.uriOf(WEEKLY);
    await session.open(uri, TYPING);
    const first = await session.diagnosticsFor(uri);
    assert.ok(first.some((d) => d.code === 'minutes-link-not-found'), `first published: ${JSON.stringify(first.map((d) => d.code))}`);
  });

  it('infers a .minutes.json through executeCommand, without writing it', async () => {
    await session.initialize(repo.rootUri, capabilities);
    const answer = await session.request('workspace/executeCommand', { command: 'minutes.server.createConfiguration', arguments: [{ rootUri: repo.rootUri }] });
    const result = answer.result as { uri: string; text: string; exists: boolean; summary: string; changes: Array<{ key: string; from: string; to: string; weakens: boolean }> };
    assert.equal(result.exists, false);
    assert.match(result.uri, /\/\.minutes\.json$/u);
    assert.match(result.text, /"series": \[[^]*\{ "paths": \["\{series\}\/\{YYYY\}\{MM\}\{DD\}\.md"\] \}/u);
    assert.match(result.summary, /files \{series\}\/\{YYYY\}\{MM\}\{DD\}\.md/u);
    // What writing it would change against the defaults, for the editor to show first (issue 28.2).
    // Series of team minutes without a roll-up: different patterns than the defaults', no check weakened.
    assert.ok(result.changes.length > 0);
    assert.deepEqual([...new Set(result.changes.map((c) => `${c.key} ${c.weakens}`))], ['series false'], JSON.stringify(result.changes));
  });
});
