import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentSymbol } from 'vscode-languageserver-types';
import { LspSession } from '../support/lspClient';
import { CORPUS, requireCorpus } from './corpusPath';
import { WEEKLY_TEAMS } from './model.test';

/** The teams' names in an outline: the symbols of a team, SIG or working group, wherever they sit. */
function teamSymbols(symbols: DocumentSymbol[], teamKinds: Set<number>): string[] {
  return symbols.flatMap((s) => [...(teamKinds.has(s.kind) ? [s.name] : []), ...teamSymbols(s.children ?? [], teamKinds)]);
}

describe('the language server on the real SCS weekly roll-ups', function () {
  let session: LspSession;
  before(async function () {
    requireCorpus(this);
    session = new LspSession();
    await session.initialize(pathToFileURL(CORPUS).toString());
  });
  after(() => session?.dispose());

  it('answers documentSymbol for every weekly file with its teams and SIGs', async () => {
    // Class = team, Interface = SIG, Namespace = other group (see documentSymbols.ts).
    const teamKinds = new Set([5, 11, 3]);
    for (const [file, teams] of Object.entries(WEEKLY_TEAMS)) {
      const uri = pathToFileURL(join(CORPUS, 'community-call', file)).toString();
      await session.open(uri, readFileSync(join(CORPUS, 'community-call', file), 'utf8'));
      const symbols = await session.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.deepEqual(teamSymbols(symbols, teamKinds), teams, file);
    }
  });
});
