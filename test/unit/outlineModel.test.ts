import * as assert from 'node:assert/strict';
import type { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, documentSymbols } from '../../server/src/core';
import { Analysis } from '../../server/src/lsp/analysis';
import type { Repositories } from '../../server/src/lsp/repositories';
import { outlineModel, type RequestModel } from '../../server/src/lsp/requestModel';
import { GOOD } from '../support/fixtures';

const uri = 'file:///repo/community-call/20220929.md';
const document = TextDocument.create(uri, 'markdown', 1, GOOD);
const documents = { get: (u: string) => (u === uri ? document : undefined) } as unknown as TextDocuments<TextDocument>;
const analysis = new Analysis({ configOf: () => DEFAULT_CONFIG } as unknown as Repositories, () => document);
const names = (symbols: ReturnType<typeof documentSymbols>): string[] => symbols.flatMap((s) => [s.name, ...names(s.children ?? [])]);

describe('the outline of a document whose model is late (a busy start)', () => {
  it('is made of its headings read at once, not left empty (the editor would keep an empty one until the next edit)', async () => {
    const late: RequestModel = () => Promise.resolve(undefined);
    const model = await outlineModel(late, documents, analysis)(uri);
    assert.ok(model, 'an outline');
    assert.ok(names(documentSymbols(model)).includes('Team IaaS'), JSON.stringify(names(documentSymbols(model))));
  });

  it('is none for a document that is not open', async () => {
    assert.equal(await outlineModel(() => Promise.resolve(undefined), documents, analysis)('file:///repo/other.md'), undefined);
  });
});
