import * as assert from 'node:assert/strict';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { linkTo, rollup, team, teamMinutes } from '../support/fixtures';
import { LspSession } from '../support/lspClient';
import { PULLED_DIAGNOSTICS, PUSHED_DIAGNOSTICS } from '../../server/src/protocol';
import { TempRepository } from '../support/repository';

// An editor that pulls diagnostics (LSP 3.17, as VS Code does) asks for them; the server pushes
// none, and asks the editor to pull again when another file changes what a document's are.
describe('the language server with pull diagnostics', () => {
  const WEEKLY = 'community-call/20220929.md';
  // Team Container's link names a file that does not exist (yet).
  const TEXT = rollup([team('Team IaaS', linkTo('iaas/20220928.md')), team('Team Container', linkTo('container/20220926.md'))]);
  let repo: TempRepository;
  let session: LspSession;
  let refreshes = 0;
  let lastRefresh = 0;

  beforeEach(async () => {
    repo = new TempRepository({ [WEEKLY]: TEXT, 'iaas/20220928.md': teamMinutes('Team IaaS 2022-09-28') });
    session = new LspSession();
    refreshes = 0;
    session.connection.onRequest('workspace/diagnostic/refresh', () => {
      refreshes++;
      lastRefresh = Date.now();
      return null;
    });
    const result = (await session.initialize(repo.rootUri, {
      workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: false } },
      textDocument: { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } },
    })) as { capabilities: { diagnosticProvider?: { interFileDependencies: boolean; identifier?: string } } };
    assert.equal(result.capabilities.diagnosticProvider?.interFileDependencies, true, 'the server offers pull diagnostics');
    // VS Code names the pulled diagnostics' collection by it, the pushed ones' by the client's own name.
    assert.equal(result.capabilities.diagnosticProvider?.identifier, PULLED_DIAGNOSTICS);
    assert.notEqual(PULLED_DIAGNOSTICS, PUSHED_DIAGNOSTICS, 'two collections of one name: "DiagnosticCollection with name ... does already exist"');
  });
  afterEach(async () => {
    await session.dispose();
    repo.dispose();
  });

  const pull = async (uri: string): Promise<Diagnostic[]> => {
    const answer = await session.request('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(answer.error, undefined, JSON.stringify(answer.error));
    const report = answer.result as DocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    return report.kind === 'full' ? report.items : [];
  };

  it('answers textDocument/diagnostic with the findings, pushes none, and asks for a pull again when a linked file appears', async () => {
    const uri = repo.uriOf(WEEKLY);
    await session.open(uri, TEXT);
    const first = await pull(uri);
    assert.deepEqual(
      first.filter((d) => d.code === 'minutes-link-not-found').map((d) => d.range.start.line),
      [TEXT.split('\n').indexOf(linkTo('container/20220926.md'))],
    );
    // The file the link names is created: the editor is asked to pull again, and the finding is gone.
    // The refreshes of the first load and of opening the roll-up are over (none for 500 ms).
    await session.until(() => refreshes > 0 && Date.now() - lastRefresh > 500, 'the first refreshes');
    const before = refreshes;
    repo.write({ 'container/20220926.md': teamMinutes('Team Container 2022-09-26') });
    await session.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: repo.uriOf('container/20220926.md'), type: 1 }] });
    await session.until(async () => refreshes > before && !(await pull(uri)).some((d) => d.code === 'minutes-link-not-found'), 'a refresh, then no link-not-found');
    assert.equal(session.published(uri), undefined, 'nothing was pushed');
    // Not even for the config file, which the folder does not have (VS Code's log said "first diagnostics ... (.minutes.json)").
    assert.equal(session.published(repo.uriOf('.minutes.json')), undefined, 'no diagnostics for a .minutes.json that does not exist');
  });
});
