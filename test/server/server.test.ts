import * as assert from 'node:assert/strict';
import type { CodeAction, DocumentSymbol } from 'vscode-languageserver-types';
import { linkTo, rollup, team } from '../support/fixtures';
import { LspSession } from '../support/lspClient';

const URI = 'file:///repo/community-call/20221103.md';
// A Monday, days before the Thursday of the file name: the title is the mistake.
const TEXT = rollup([team('Team IaaS', linkTo('iaas/20221102.md')), team('IAM SIG', 'Minutes: none yet')], '# SCS Tech Weekly 2022-10-31');

describe('language server over stdio', function () {
  let session: LspSession;

  before(async () => {
    session = new LspSession();
    const init = (await session.initialize()) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.documentSymbolProvider, 'announces the outline');
    assert.ok(init.capabilities.codeActionProvider, 'announces quick fixes');
    await session.open(URI, TEXT);
  });

  after(() => session.dispose());

  it('answers documentSymbol with the teams and SIGs under Team Updates', async () => {
    const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: URI } });
    const updates = symbols[0].children!.find((s) => s.name === 'Team Updates')!;
    assert.deepEqual(
      updates.children!.map((s) => [s.name, s.detail]),
      [
        ['Team IaaS', 'iaas/20221102.md'],
        ['IAM SIG', 'pending'],
      ],
    );
  });

  it('publishes a title-date diagnostic with its code and source', async () => {
    const diagnostics = await session.diagnosticsFor(URI, (d) => d.length > 0);
    const mismatch = diagnostics.find((d) => d.code === 'title-date-mismatch');
    assert.ok(mismatch, JSON.stringify(diagnostics));
    assert.equal(mismatch.source, 'minutes');
    assert.deepEqual(mismatch.range, { start: { line: 0, character: 18 }, end: { line: 0, character: 28 } });
  });

  it('offers the quick fix for it, preferred, as the smallest edit', async () => {
    const [diagnostic] = await session.diagnosticsFor(URI, (d) => d.length > 0);
    const actions = await session.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: URI },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic] },
    });
    const fix = actions.find((a) => a.isPreferred)!;
    assert.equal(fix.kind, 'quickfix');
    assert.deepEqual(fix.edit?.changes?.[URI], [{ range: diagnostic.range, newText: '2022-11-03' }]);
  });

  it('follows edits: the diagnostic disappears once the title is right', async () => {
    await session.change(URI, TEXT.replace('2022-10-31', '2022-11-03'), 2);
    const diagnostics = await session.diagnosticsFor(URI, (d) => !d.some((x) => x.code === 'title-date-mismatch'));
    assert.deepEqual(diagnostics, []);
  });

  it('answers the teams request for the view', async () => {
    const rows = await session.connection.sendRequest<Array<{ name: string; state: string; description: string }>>('minutes/teams', { uri: URI });
    assert.deepEqual(
      rows.map((r) => [r.name, r.state, r.description]),
      [
        ['Team IaaS', 'linked', 'iaas/20221102.md'],
        ['IAM SIG', 'pending', 'pending'],
      ],
    );
  });

  it('gives no minutes features to a README', async () => {
    const uri = 'file:///repo/README.md';
    await session.open(uri, '# About 2022-09-29\n\nNot minutes.');
    const symbols = await session.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols, []);
    assert.deepEqual(await session.diagnosticsFor(uri), []);
  });
});

describe('completion over stdio', () => {
  let session: LspSession;
  before(async () => {
    session = new LspSession();
    const init = (await session.initialize()) as { capabilities: { completionProvider?: { triggerCharacters: string[] } } };
    assert.ok(init.capabilities.completionProvider?.triggerCharacters.includes(':'));
  });
  after(() => session.dispose());

  it('answers with dates for a partial date, with their weekday', async () => {
    const uri = 'file:///repo/community-call/20220929.md';
    await session.open(uri, '# SCS Tech Weekly 2022-09-29\n\n## AOB\n\n- next call on 2022-10');
    const items = await session.connection.sendRequest<Array<{
      label: string;
      labelDetails?: { description?: string };
    }>>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 22 } });
    assert.ok(items.some((i) => i.label === '2022-10-06' && i.labelDetails?.description === 'Thursday, next meeting'), JSON.stringify(items));
  });
});
