// A burst of 1,000 edits of a real roll-up over LSP (a paste, a macro): how long a hover and a
// completion sent among them wait for their answers (issue 27's target: every request within 1 s),
// and when the diagnostics of the newest version arrive. Alone: `node bench/burst.mjs [--cpu-prof]` (after `npm run build`).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hugeMinutes } from './documents.mjs';
import { startServer } from './lsp.mjs';
import { ms, printAlone, startedAlone } from './stats.mjs';

const CHANGES = 1000;

/** Adds the rows; returns the figures (milliseconds), or undefined without the corpus. */
export async function burst(root, corpus, row, { profile } = {}) {
  const file = join(corpus, 'community-call/20221208.md');
  if (!existsSync(file)) return row('burst of 1,000 edits', 'skipped: no corpus', '', '', '', undefined);
  const args = profile ? ['--cpu-prof', `--cpu-prof-dir=${join(root, 'bench/profiles')}`] : [];
  const server = await startServer(join(root, 'dist/server.js'), pathToFileURL(corpus).toString(), { args });
  try {
    const rollUp = await edits(server, pathToFileURL(file).toString(), readFileSync(file, 'utf8'));
    row('hover in a burst of 1,000 edits', ms(rollUp.hoverMs), '', '', '< 1000 ms', rollUp.hoverMs < 1000);
    row('completion in a burst of 1,000 edits', ms(rollUp.completionMs), '', '', '< 1000 ms', rollUp.completionMs < 1000);
    row('diagnostics of the last of 1,000 edits', ms(rollUp.settledMs), 'from the first edit sent', '', '', undefined);
    // The same burst in a 2 MB document (a log pasted into the minutes), which takes long to read.
    const huge = await edits(server, pathToFileURL(join(corpus, 'community-call/20991231.md')).toString(), hugeMinutes(2_000_000));
    row('hover in a burst of 1,000 edits, 2 MB document', ms(huge.hoverMs), '', '', '< 1000 ms', huge.hoverMs < 1000);
    row('completion in a burst of 1,000 edits, 2 MB document', ms(huge.completionMs), '', '', '< 1000 ms', huge.completionMs < 1000);
    row('diagnostics of the last of 1,000 edits, 2 MB document', ms(huge.settledMs), 'from the first edit sent', '', '', undefined);
    return { rollUp, huge };
  } finally {
    await server.stop();
  }
}

/** Opens a document (never saved), sends 1,000 edits with a hover after 500 and a completion after 750, and times them. */
async function edits(server, uri, text) {
  const lines = text.split('\n').length;
  // Read whole: a big document's first diagnostics are of its first part (not-fully-checked says so).
  const opened = server.readWhole(uri);
  await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await opened;
  const change = (version) =>
    void server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: lines + version, character: 0 }, end: { line: lines + version, character: 0 } }, text: `- note ${version}\n` }],
    });
  const timed = (method, params) => {
    const start = performance.now();
    return server.connection.sendRequest(method, params).then(() => performance.now() - start);
  };
  const start = performance.now();
  const last = CHANGES + 1;
  const settled = server.diagnosticsFor(uri, last);
  let version = 1;
  while (version < CHANGES / 2) change(++version);
  const hover = timed('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 20 } });
  while (version < (CHANGES * 3) / 4) change(++version);
  const completion = timed('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 0 } });
  while (version < last) change(++version);
  const [hoverMs, completionMs] = await Promise.all([hover, completion]);
  await settled;
  await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  return { hoverMs, completionMs, settledMs: performance.now() - start };
}

if (startedAlone(import.meta)) {
  const root = resolve(import.meta.dirname, '..');
  await printAlone((row) => burst(root, resolve(root, '../shared/corpus/scs-minutes'), row, { profile: process.argv.includes('--cpu-prof') }));
}
