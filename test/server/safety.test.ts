// The server over a real LSP connection: files reached through links that lead out of the
// repository are never shown, params of the wrong shape are InvalidParams, and a frame it cannot
// read ends the server (so the client starts a new one) instead of leaving it deaf.
import * as assert from 'node:assert/strict';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-types';
import { lineOf, linkTo, rollup, team, teamMinutes } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { TempRepository } from '../support/repository';

const SECRET = 'SECRET-OUTSIDE-THE-REPOSITORY';
const INVALID_PARAMS = -32602;

describe('server: the repository is the boundary', () => {
  let repo: TempRepository;
  let server: LspSession;
  const text = rollup([team('Team IaaS', linkTo('iaas/20220928.md')), team('Team Container', linkTo('container/20220926.md'))]);

  before(() => {
    repo = new TempRepository({ 'container/20220926.md': teamMinutes('Team Container 2022-09-26', '## Topics', '', '- Cluster stacks CONTROL-TOPIC') }, { prefix: 'minutes-boundary-', folder: 'repo' });
    const outside = join(repo.scratch, 'outside');
    mkdirSync(outside);
    writeFileSync(join(outside, 'secret.md'), teamMinutes('Team IaaS 2022-09-28', '## Topics', '', `- ${SECRET}`));
    mkdirSync(repo.path('iaas'));
    symlinkSync(join(outside, 'secret.md'), repo.path('iaas/20220928.md'));
    // A folder link is never followed either.
    symlinkSync(outside, repo.path('linked-folder'));
  });
  after(() => repo.dispose());
  beforeEach(() => (server = new LspSession()));
  afterEach(() => server.dispose());

  async function hoverOn(uri: string, line: number, character: number): Promise<string> {
    const answer = await server.request('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    return ((answer.result as Hover | null)?.contents as MarkupContent | undefined)?.value ?? '';
  }

  it('hover and completion show no text of a file linked from outside, also after a file event names it', async () => {
    await server.initialize(repo.rootUri);
    const uri = `${repo.rootUri}/community-call/20220929.md`;
    await server.open(uri, text);
    // The control: a file really inside is shown, so the hover would show the outside one if it read it.
    assert.match(await hoverOn(uri, lineOf(text, 'container/20220926.md'), 70), /CONTROL-TOPIC/u);
    for (const round of ['after loading', 'after a file event']) {
      const shown = await hoverOn(uri, lineOf(text, 'iaas/20220928.md'), 70);
      assert.ok(!shown.includes(SECRET), `${round}: the hover shows ${shown}`);
      const line = lineOf(text, 'iaas/20220928.md');
      const completion = (await server.request('textDocument/completion', { textDocument: { uri }, position: { line, character: 'Minutes: '.length } })).result as CompletionList | CompletionItem[] | null;
      const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
      assert.ok(!JSON.stringify(items).includes(SECRET), `${round}: completion documents the outside file`);
      await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: `${repo.rootUri}/iaas/20220928.md`, type: 1 }, { uri: `${repo.rootUri}/linked-folder/secret.md`, type: 1 }] });
    }
    assert.ok(server.logs.some((l) => /iaas\/20220928\.md: skipped, (a link to a file outside|outside the repository)/u.test(l)), server.logs.join('\n'));
  });
});

describe('server: requests of the wrong shape', () => {
  let repo: TempRepository;
  let server: LspSession;
  before(() => (repo = new TempRepository({ 'iaas/20220928.md': teamMinutes('Team IaaS 2022-09-28') })));
  after(() => repo.dispose());
  beforeEach(() => (server = new LspSession()));
  afterEach(() => server.dispose());

  it('answers InvalidParams, and goes on answering', async () => {
    await server.initialize(repo.rootUri);
    const uri = `${repo.rootUri}/iaas/20220928.md`;
    await server.open(uri, teamMinutes('Team IaaS 2022-09-28'));
    const wrong: Array<[string, unknown]> = [
      ['textDocument/hover', { textDocument: { uri }, position: null }],
      ['textDocument/hover', { textDocument: null, position: { line: 0, character: 0 } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 'one', character: 0 } }],
      ['textDocument/completion', { textDocument: { uri }, position: { line: 0.5, character: 0 } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: null }],
      ['textDocument/codeAction', { textDocument: { uri }, range: null, context: { diagnostics: [] } }],
      ['textDocument/documentSymbol', { textDocument: { uri: 42 } }],
      ['textDocument/documentLink', null],
      ['textDocument/diagnostic', { textDocument: null }],
      ['workspace/executeCommand', null],
      ['minutes/teams', null],
    ];
    for (const [method, params] of wrong) {
      const answer = await server.request(method, params);
      assert.equal(answer.error?.code, INVALID_PARAMS, `${method} ${JSON.stringify(params)}: ${JSON.stringify(answer)}`);
    }
    const fine = await server.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
    assert.ok(!fine.error && fine.result, JSON.stringify(fine));
  });

  it('a .minutes.json of null or ten thousand levels says so in one message, and the server answers', async () => {
    for (const [text, said] of [
      ['null', /must be a JSON object/u],
      [`{"teams": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, /nested more than 32 levels deep/u],
    ] as const) {
      const session = new LspSession();
      try {
        repo.write({ '.minutes.json': text });
        await session.initialize(repo.rootUri);
        await session.until(() => session.messages.some((m) => said.test(m)), 'the message');
        const uri = `${repo.rootUri}/iaas/20220928.md`;
        await session.open(uri, teamMinutes('Team IaaS 2022-09-28'));
        assert.ok((await session.request('textDocument/documentSymbol', { textDocument: { uri } })).result);
        assert.ok(session.alive);
      } finally {
        await session.dispose();
      }
    }
  });

  it('a frame without Content-Length ends the server, so that the editor can start a new one', async () => {
    await server.initialize(repo.rootUri);
    server.writeRaw('Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n{"jsonrpc":"2.0","id":99,"method":"shutdown"}');
    await server.until(() => !server.alive, 'the server to exit');
    assert.equal(server.exit?.code, 1);
    assert.match(server.stderr, /unreadable message from the client/u);
  });
});
