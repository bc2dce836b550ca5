import * as assert from 'node:assert/strict';
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import { GOOD, REPO } from '../support/fixtures';
import { freshSessionPerTest } from '../support/sessions';

// A burst of 1,000 edits of one roll-up (a paste, a macro): the requests sent among them are
// answered before the edits are worked on, and only the newest version is. Timings: bench/burst.mjs.
const CHANGES = 1000;

describe('the language server under a burst of 1,000 changes', function () {
  this.timeout(120_000);
  const current = freshSessionPerTest(REPO);

  it('answers a hover and a completion sent among the changes before working on them, and checks only the newest version', async () => {
    const { repo, session } = current;
    const uri = repo.uriOf('community-call/20220929.md');
    await session.open(uri, GOOD);
    await session.diagnosticsFor(uri);
    // Everything the editor hears, in order: each publication (its version), and the answers.
    const heard: string[] = [];
    session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      session.diagnostics.set(params.uri, params);
      heard.push(`diagnostics ${params.version}`);
    });
    const lines = GOOD.split('\n').length;
    const change = (version: number) =>
      void session.notify('textDocument/didChange', {
        textDocument: { uri, version },
        // Each adds a line at the end: the document grows by a line per version.
        contentChanges: [{ range: { start: { line: lines + version, character: 0 }, end: { line: lines + version, character: 0 } }, text: `- note ${version}\n` }],
      });
    let version = 1;
    while (version < CHANGES / 2) change(++version);
    const hover = session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } }, 60_000).then((answer) => (heard.push('hover'), answer));
    while (version < (CHANGES * 3) / 4) change(++version);
    const completion = session.request('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } }, 60_000).then((answer) => (heard.push('completion'), answer));
    while (version <= CHANGES) change(++version);
    const last = version;

    const [hovered, completed] = await Promise.all([hover, completion]);
    assert.ok(!hovered.error && hovered.result, JSON.stringify(hovered));
    assert.equal(completed.error, undefined);
    await session.until(() => session.diagnostics.get(uri)?.version === last, `the diagnostics of version ${last}`, 60_000);
    const published = heard.filter((h) => h.startsWith('diagnostics'));
    // Working on every version in turn would publish about a thousand times, and answer after hundreds.
    assert.ok(heard.indexOf('hover') < 20, `hover answered after ${heard.indexOf('hover')} publications`);
    assert.ok(heard.indexOf('completion') < 20, `completion answered after ${heard.indexOf('completion')} publications`);
    assert.ok(published.length < 20, `${published.length} publications for ${CHANGES} changes`);
    assert.equal(published.at(-1), `diagnostics ${last}`);
  });
});
