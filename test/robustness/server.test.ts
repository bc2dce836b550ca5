// The language server under malformed and heavy traffic: every request gets an answer (a result,
// or an error response), nothing brings the process down, and it keeps answering afterwards; and
// 200 documents opened and edited in a burst are all answered, with memory staying bounded.
import * as assert from 'node:assert/strict';
import type { CompletionItem, DocumentSymbol, Range } from 'vscode-languageserver-types';
import { GOOD, lineOf, REPO } from '../support/fixtures';
import { LspSession, type Memory } from '../support/lspClient';
import { TempRepository } from '../support/repository';

const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;
const INTERNAL_ERROR = -32603;

const zero = { line: 0, character: 0 };
const FEATURE_REQUESTS = ['textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/documentSymbol', 'textDocument/documentLink'] as const;
function paramsFor(method: (typeof FEATURE_REQUESTS)[number], uri: string, position = zero): Record<string, unknown> {
  switch (method) {
    case 'textDocument/codeAction':
      return { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } };
    case 'textDocument/documentSymbol':
    case 'textDocument/documentLink':
      return { textDocument: { uri } };
    default:
      return { textDocument: { uri }, position };
  }
}

describe('robustness: the language server answers malformed requests and stays up', function () {
  this.timeout(60_000);
  let repo: TempRepository;
  let server: LspSession;
  let uri: string;

  /** The server is up and still reads the open roll-up as before. */
  async function assertStillAnswering(): Promise<void> {
    assert.ok(server.alive, `the server exited: ${JSON.stringify(server.exit)}\n${server.stderr}`);
    const { result } = await server.request('textDocument/documentSymbol', { textDocument: { uri } });
    const symbols = result as DocumentSymbol[];
    assert.equal(symbols[0]?.name, 'SCS Tech Weekly 2022-09-29');
    assert.deepEqual(
      symbols[0].children?.map((s) => s.name),
      ['Meta', 'Team Updates', 'AOB', 'Project Updates'],
    );
  }

  before(async () => {
    repo = new TempRepository(REPO, { prefix: 'minutes-robust-' });
    uri = repo.uriOf('community-call/20220929.md');
    server = new LspSession();
    await server.initialize(repo.rootUri, { workspace: { configuration: true } });
    await server.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: GOOD } });
    await assertStillAnswering();
  });
  after(async () => {
    await server?.dispose();
    repo.dispose();
  });
  afterEach(assertStillAnswering);

  it('answers requests about documents it was never given with an empty answer', async () => {
    for (const unknown of [repo.uriOf('community-call/20221006.md'), 'file:///nowhere/at/all.md', 'untitled:Untitled-1', 'not a uri']) {
      for (const method of FEATURE_REQUESTS) {
        const answer = await server.request(method, paramsFor(method, unknown));
        assert.deepEqual(answer, { result: null }, `${method} on ${unknown}`);
      }
      assert.deepEqual(await server.request('minutes/teams', { uri: unknown }), { result: null });
    }
  });

  it('answers positions past the end of the document, or negative ones, without failing', async () => {
    const positions = [
      { line: 9999, character: 9999 },
      { line: 2, character: 9999 },
      { line: 36, character: 0 },
      { line: 37, character: 0 },
      { line: -1, character: -5 },
      { line: 0, character: -1 },
      { line: 1.5, character: 0.5 },
      { line: Number.MAX_SAFE_INTEGER, character: Number.MAX_SAFE_INTEGER },
    ];
    for (const position of positions) {
      for (const method of FEATURE_REQUESTS) {
        const answer = await server.request(method, paramsFor(method, uri, position));
        assert.ok('result' in answer || answer.error, `${method} at ${JSON.stringify(position)}: ${JSON.stringify(answer)}`);
      }
    }
    // Past the end of a line, LSP reads the line's end: the answers are those for the line's end.
    const minutesLine = lineOf(GOOD, 'iaas/20220928.md');
    const line = GOOD.split('\n')[minutesLine]; // Minutes: https://.../iaas/20220928.md
    const atEnd = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: minutesLine, character: line.length } });
    const pastEnd = await server.request('textDocument/completion', { textDocument: { uri }, position: { line: minutesLine, character: line.length + 50 } });
    assert.ok((atEnd.result as CompletionItem[]).length > 0);
    assert.deepEqual(
      (pastEnd.result as CompletionItem[] | null)?.map((i) => i.label),
      (atEnd.result as CompletionItem[]).map((i) => i.label),
    );
  });

  it('never answers with ranges outside the document', async () => {
    const lines = GOOD.split('\n');
    const inside = (r: Range) =>
      [r.start, r.end].every((p) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length);
    for (const position of [{ line: -1, character: -5 }, { line: 0, character: -1 }, { line: 9999, character: 9999 }]) {
      const completion = await server.request('textDocument/completion', paramsFor('textDocument/completion', uri, position));
      for (const item of (completion.result as CompletionItem[] | null) ?? []) {
        const edit = item.textEdit as { range: Range } | undefined;
        if (edit) assert.ok(inside(edit.range), `completion ${item.label} at ${JSON.stringify(position)}: ${JSON.stringify(edit.range)}`);
      }
      const actions = await server.request('textDocument/codeAction', paramsFor('textDocument/codeAction', uri, position));
      for (const action of (actions.result as Array<{ title: string; edit?: { changes?: Record<string, Array<{ range: Range }>> } }> | null) ?? []) {
        for (const edit of Object.values(action.edit?.changes ?? {}).flat()) assert.ok(inside(edit.range), `${action.title} at ${JSON.stringify(position)}: ${JSON.stringify(edit.range)}`);
      }
    }
  });

  it('answers requests with missing or malformed params with an error response', async () => {
    const cases: Array<[string, unknown]> = [
      ['textDocument/hover', { position: zero }],
      ['textDocument/completion', { position: zero }],
      ['textDocument/documentSymbol', {}],
      ['textDocument/documentLink', {}],
      ['textDocument/codeAction', { range: { start: zero, end: zero }, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument: { uri }, context: { diagnostics: [] } }],
      ['textDocument/codeAction', { textDocument: { uri }, range: { start: zero, end: zero } }],
      ['textDocument/hover', undefined],
      ['textDocument/documentSymbol', undefined],
    ];
    for (const [method, params] of cases) {
      const answer = await server.request(method, params);
      assert.ok(answer.error, `${method} ${JSON.stringify(params)} was answered with ${JSON.stringify(answer.result)}`);
      assert.ok([INVALID_PARAMS, INTERNAL_ERROR].includes(answer.error.code), `${method}: ${JSON.stringify(answer.error)}`);
    }
  });

  it('answers an unknown method with "method not found", and ignores unknown notifications', async () => {
    for (const method of ['minutes/nonsense', 'textDocument/nonsense', '$/nonsense/request']) {
      const answer = await server.request(method, {});
      assert.equal(answer.error?.code, METHOD_NOT_FOUND, `${method}: ${JSON.stringify(answer)}`);
    }
    await server.notify('minutes/nonsense', { x: 1 });
    await server.notify('$/cancelRequest', { id: 'no such request' });
  });

  it('rejects workspace/executeCommand with bad arguments with "invalid params"', async () => {
    const rootUri = repo.rootUri;
    const bad: Array<[string, unknown[] | undefined]> = [
      ['minutes.nonsense', [{ rootUri }]],
      ['', []],
      ['minutes.server.newWeeklyMinutes', undefined],
      ['minutes.server.newWeeklyMinutes', [null]],
      ['minutes.server.newWeeklyMinutes', [{ rootUri, date: 'next Thursday' }]],
      ['minutes.server.newWeeklyMinutes', [{ rootUri, date: '2023-02-30' }]],
      ['minutes.server.newWeeklyMinutes', [{ rootUri, date: 20221006 }]],
      ['minutes.server.newWeeklyMinutes', [{ rootUri: 'file:///not/a/repository', date: '2022-10-06' }]],
      ['minutes.server.newTeamMinutes', [{ rootUri }]],
      ['minutes.server.newTeamMinutes', [{ rootUri, folder: 7 }]],
      ['minutes.server.newTeamMinutes', [{ rootUri, folder: 'iaas', date: '2022-02-30' }]],
      ['minutes.server.dateInsertions', [{}]],
      ['minutes.server.dateInsertions', [{ uri: 'file:///nowhere.md', position: zero }]],
      ['minutes.server.dateInsertions', [{ uri, position: { line: -1, character: 0 } }]],
      ['minutes.server.dateInsertions', [{ uri, position: 'here' }]],
      ['minutes.server.teamFolders', [{ rootUri: 'file:///not/a/repository' }]],
    ];
    for (const [command, args] of bad) {
      const answer = await server.request('workspace/executeCommand', args === undefined ? { command } : { command, arguments: args });
      assert.equal(answer.error?.code, INVALID_PARAMS, `${command} ${JSON.stringify(args)}: ${JSON.stringify(answer)}`);
      assert.ok(answer.error.message.length > 0);
    }
    // Arguments a command does not use are ignored: it still answers.
    for (const args of [undefined, [], [42], ['x'], [{ rootUri: 42 }]]) {
      const answer = await server.request('workspace/executeCommand', { command: 'minutes.server.teamFolders', arguments: args });
      assert.deepEqual(answer.result, ['container', 'iaas', 'ops-iam', 'sig-documentation', 'sig-iam', 'sig-monitoring']);
    }
  });

  it('rejects a month that does not exist in New Weekly/Team Minutes', async () => {
    const rootUri = repo.rootUri;
    for (const date of ['2022-13-01', '2022-00-10', '2022-13-31']) {
      for (const [command, args] of [
        ['minutes.server.newWeeklyMinutes', { rootUri, date }],
        ['minutes.server.newTeamMinutes', { rootUri, folder: 'iaas', date }],
      ] as const) {
        const answer = await server.request('workspace/executeCommand', { command, arguments: [args] });
        assert.equal(answer.error?.code, INVALID_PARAMS, `${command} ${date}: ${JSON.stringify(answer).slice(0, 200)}`);
      }
    }
  });

  it('ignores changes to documents it never opened, and survives malformed notifications and bytes', async () => {
    const never = repo.uriOf('community-call/20221006.md');
    await server.notify('textDocument/didChange', { textDocument: { uri: never, version: 2 }, contentChanges: [{ text: '# SCS Tech Weekly 2022-10-06\n' }] });
    await server.notify('textDocument/didChange', { textDocument: { uri: never, version: 3 }, contentChanges: [{ range: { start: zero, end: zero }, text: 'x' }] });
    await server.notify('textDocument/didSave', { textDocument: { uri: never } });
    await server.notify('textDocument/didClose', { textDocument: { uri: never } });
    assert.deepEqual(await server.request('textDocument/documentSymbol', { textDocument: { uri: never } }), { result: null });

    await server.notify('textDocument/didOpen', {});
    await server.notify('textDocument/didChange', {});
    await server.notify('textDocument/didClose', {});
    await server.notify('workspace/didChangeWatchedFiles', {});
    await server.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///nowhere/x.md', type: 1 }, { uri: 'bogus', type: 7 }, { uri: repo.uriOf('iaas/29990101.md'), type: 2 }] });
    await server.notify('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: 'file:///nowhere', name: 'x' }] } });
    // Bytes that are not a JSON-RPC message at all: a body that is not JSON, and a message without a method.
    server.writeRaw('Content-Length: 5\r\n\r\n{oops');
    server.writeRaw('Content-Length: 27\r\n\r\n{"jsonrpc":"2.0","id":9999}');
    // Handler failures are logged by the server, not fatal.
    await server.until(() => server.logs.some((l) => /Notification handler 'textDocument\/didOpen' failed/u.test(l)), 'the logged didOpen failure');

    // An incremental change with a range outside the document is clamped, as LSP says; the document still reads.
    const other = repo.uriOf('community-call/20221013.md');
    await server.notify('textDocument/didOpen', { textDocument: { uri: other, languageId: 'markdown', version: 1, text: '# SCS Tech Weekly 2022-10-13\n' } });
    await server.notify('textDocument/didChange', {
      textDocument: { uri: other, version: 2 },
      contentChanges: [
        { range: { start: { line: 9999, character: 0 }, end: { line: 9999, character: 5 } }, text: '\n## AOB\n' },
        { range: { start: { line: -3, character: -3 }, end: { line: -1, character: 0 } }, text: '' },
      ],
    });
    const { result } = await server.request('textDocument/documentSymbol', { textDocument: { uri: other } });
    assert.equal((result as DocumentSymbol[])[0]?.name, 'SCS Tech Weekly 2022-10-13');
    await server.notify('textDocument/didClose', { textDocument: { uri: other } });
  });
});

// ------------------------------------------------------------------------------------------------

describe('robustness: the language server under a burst of 200 documents', function () {
  this.timeout(120_000);
  let repo: TempRepository;
  let server: LspSession;
  const memory: Record<string, Memory> = {};

  before(async () => {
    repo = new TempRepository(REPO, { prefix: 'minutes-robust-' });
    server = new LspSession();
    await server.initialize(repo.rootUri, { workspace: { configuration: true } });
    await server.request('workspace/executeCommand', { command: 'minutes.server.teamFolders', arguments: [] });
    memory.initialized = server.memory();
  });
  after(async () => {
    console.log(`      server memory (VmRSS / peak VmHWM, MB): ${Object.entries(memory).map(([k, m]) => `${k} ${m.rssMb}/${m.peakMb}`).join(', ')}`);
    await server?.dispose();
    repo.dispose();
  });

  /** Opens 200 roll-ups, edits each five times without waiting, and asks for each one's outline. */
  async function burst(round: number): Promise<void> {
    const uris = Array.from({ length: 200 }, (_, i) => repo.uriOf(`community-call/2${String(round).padStart(3, '0')}${String(i).padStart(4, '0')}.md`));
    const titleOf = (i: number, version: number) => `# SCS Tech Weekly round ${round} document ${i} version ${version}`;
    const sent: Array<Promise<void>> = [];
    uris.forEach((u, i) => {
      sent.push(server.notify('textDocument/didOpen', { textDocument: { uri: u, languageId: 'markdown', version: 1, text: GOOD.replace(/^.*$/mu, titleOf(i, 1)) } }));
      for (let version = 2; version <= 6; version++) {
        // Alternately a full replacement and an incremental edit of the title line.
        const change =
          version % 2 === 0
            ? { text: GOOD.replace(/^.*$/mu, titleOf(i, version)) + `\n- note ${version}\n` }
            : { range: { start: zero, end: { line: 0, character: titleOf(i, version - 1).length } }, text: titleOf(i, version) };
        sent.push(server.notify('textDocument/didChange', { textDocument: { uri: u, version }, contentChanges: [change] }));
      }
    });
    await Promise.all(sent);
    const answers = await Promise.all(uris.map((u) => server.request('textDocument/documentSymbol', { textDocument: { uri: u } }, 60_000)));
    answers.forEach((answer, i) => {
      const symbols = answer.result as DocumentSymbol[] | null;
      assert.equal(symbols?.[0]?.name, titleOf(i, 6).slice(2), `document ${i}: ${JSON.stringify(answer).slice(0, 200)}`);
      assert.equal(symbols[0].children?.find((c) => c.name === 'Team Updates')?.children?.length, 6);
    });
    // Diagnostics of the last version of every document arrive too.
    await server.until(() => uris.every((u) => server.diagnostics.get(u)?.version === 6), 'diagnostics of version 6 of every document', 60_000);
    const completions = await Promise.all(uris.slice(0, 50).map((u) => server.request('textDocument/completion', { textDocument: { uri: u }, position: { line: 10, character: 9 } }, 60_000)));
    completions.forEach((c) => assert.ok((c.result as CompletionItem[]).length > 0));
    memory[`round ${round} open`] = server.memory();
    await Promise.all(uris.map((u) => server.notify('textDocument/didClose', { textDocument: { uri: u } })));
    // Closing clears each document's diagnostics.
    await server.until(() => uris.every((u) => server.diagnostics.get(u)?.diagnostics.length === 0), 'cleared diagnostics', 30_000);
    memory[`round ${round} closed`] = server.memory();
  }

  it('answers every request of 200 documents opened and edited in a burst, three times over, with bounded memory', async () => {
    await burst(1);
    await burst(2);
    await burst(3);
    assert.ok(server.alive);
    const peak = server.memory().peakMb;
    // Generous bounds: what matters is that three rounds of 200 documents do not add up.
    assert.ok(peak < 600, `peak RSS ${peak} MB`);
    const growth = memory['round 3 closed'].rssMb - memory['round 1 closed'].rssMb;
    assert.ok(growth < 100, `RSS grew by ${growth} MB from round 1 to round 3 (${JSON.stringify(memory)})`);
  });
});
