// For `npm run bench` (bench/run.mjs runs it with tsx): each document of issue 12's table in a fresh
// server with the SCS corpus as the workspace, a hover sent 100 ms after opening it; prints one JSON
// line per document: how long the hover took, when the first diagnostics came, the server's peak memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HOSTILE_DOCUMENTS } from '../test/robustness/hostileDocuments';
import { LspSession } from '../test/support/lspClient';

const corpus = process.argv[2];
const rootUri = pathToFileURL(corpus).toString();
const cases: Record<string, () => string> = {
  'a real roll-up of the corpus (control)': () => readFileSync(join(corpus, 'community-call/20221201.md'), 'utf8'),
  ...HOSTILE_DOCUMENTS,
};

async function measure(name: string, text: string): Promise<Record<string, unknown>> {
  const session = new LspSession();
  try {
    await session.initialize(rootUri, { workspace: { configuration: true } });
    const uri = `${rootUri}/community-call/20221201.md`;
    const opened = Date.now();
    await session.open(uri, text);
    await new Promise((wait) => setTimeout(wait, 100));
    const sent = Date.now();
    await session.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } }, 120_000);
    const hoverMs = Date.now() - sent;
    await session.diagnosticsFor(uri, () => true, 120_000);
    return { name, mb: text.length / 1e6, hoverMs, diagnosticsMs: Date.now() - opened, peakMb: session.memory().peakMb, alive: session.alive };
  } finally {
    await session.dispose();
  }
}

void (async () => {
  for (const [name, make] of Object.entries(cases)) console.log(JSON.stringify(await measure(name, make())));
})();
