import * as assert from 'node:assert/strict';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver';
import { joinLines, REPO } from '../support/fixtures';
import { freshSessionPerTest } from '../support/sessions';

// A big document is shown first as far as its first part is read (the server reads the rest in
// slices meanwhile), then whole: what the whole reading finds is what one reading finds (see
// test/unit/bigDocuments.test.ts). Timings: bench/bigInputs.mjs.

/** Minutes of about `bytes`, with a snippet's placeholder left in the last section. */
function bigMinutes(bytes: number): string {
  const sections: string[] = [];
  for (let i = 0, size = 0; size < bytes; i++) {
    const section = joinLines(`## Topic ${i}`, '', `We talked about topic ${i} at some length, and agreed to come back to it.`, '');
    sections.push(section);
    size += section.length + 1;
  }
  return joinLines('# Notes 2022-09-29', '', ...sections, '## Last topic', '', '- @github-handle to follow up', '');
}

describe('the language server on a big document', function () {
  this.timeout(180_000);
  const current = freshSessionPerTest(REPO);

  it('shows the findings of its first part, saying from which line it is not read yet, then those of the whole', async () => {
    const { repo, session } = current;
    const uri = repo.uriOf('notes/20220929.md');
    const text = bigMinutes(400 * 1024);
    const lastLine = text.split('\n').findIndex((l) => l.includes('@github-handle'));
    const heard: Diagnostic[][] = [];
    session.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      session.diagnostics.set(params.uri, params);
      if (params.uri === uri) heard.push(params.diagnostics);
    });
    await session.open(uri, text);
    const placeholder = (d: Diagnostic[]) => d.some((x) => x.code === 'snippet-placeholder' && x.range.start.line === lastLine);
    await session.diagnosticsFor(uri, placeholder, 150_000);

    const first = heard[0];
    const note = first.find((d) => d.code === 'not-fully-checked');
    const message = typeof note?.message === 'string' ? note.message : '';
    const from = Number(/only the headings from line (\d+) on are read/u.exec(message)?.[1]);
    assert.ok(from > 1 && from < lastLine, `the first diagnostics say where reading stopped: ${JSON.stringify(note)}`);
    assert.deepEqual(first.filter((d) => d.range.start.line >= from - 1), [], 'and find nothing after that');
    const whole = heard.at(-1)!;
    assert.ok(!whole.some((d) => d.code === 'not-fully-checked'), JSON.stringify(whole));
  });
});
