import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_CONFIG, lint, parseMinutes, parseMinutesForLint, type MinutesModel } from '../../server/src/core';
import { ChunkCache, parseMarkdown, parseWhole } from '../../server/src/core/model/markdown';
import { splitAtHeadings } from '../../server/src/core/model/chunks';
import { fileWorkspace, listMarkdownFiles } from '../../server/src/node/fileWorkspace';
import { CORPUS, requireCorpus } from './corpusPath';

/** Everything of a model that features read, without the text and line index. */
function essence(model: MinutesModel): unknown {
  const { text: _text, lines: _lines, ...rest } = model;
  return JSON.parse(JSON.stringify(rest));
}

/** The mdast tree, whole or piece by piece (the second piecewise parse reuses every cached piece). */
function tree(text: string, chunked: boolean): unknown {
  if (!chunked) return JSON.parse(JSON.stringify(parseWhole(text)));
  const cache = new ChunkCache();
  parseMarkdown(text, cache);
  return JSON.parse(JSON.stringify(parseMarkdown(text, cache)));
}

describe('parsing section by section on the real SCS minutes', function () {
  // Every file of the corpus parsed twice: a generous bound, only a hang should reach it.
  this.timeout(300_000);
  before(function () {
    requireCorpus(this);
  });

  it('gives every file exactly the tree and the model of a whole-document parse', () => {
    let split = 0;
    for (const file of listMarkdownFiles(CORPUS)) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      if (splitAtHeadings(text).length > 1) split++;
      assert.deepEqual(tree(text, true), tree(text, false), file);
      const uri = pathToFileURL(join(CORPUS, file)).toString();
      const whole = parseMinutes({ uri, version: 1, text }, DEFAULT_CONFIG);
      const pieces = parseMinutes({ uri, version: 1, text }, DEFAULT_CONFIG, new ChunkCache());
      assert.deepEqual(essence(pieces), essence(whole), file);
    }
    assert.ok(split > 500, `only ${split} files were split`);
  });

  it('reparses only the changed piece after an edit, with the same result as a fresh parse', () => {
    const text = readFileSync(join(CORPUS, 'community-call/20220929.md'), 'utf8');
    const cache = new ChunkCache();
    parseMinutes({ uri: 'file:///w.md', version: 1, text }, DEFAULT_CONFIG, cache);
    const edited = text.replace('- Tidied up project board', '- Tidied up the project board');
    const incremental = parseMinutes({ uri: 'file:///w.md', version: 2, text: edited }, DEFAULT_CONFIG, cache);
    assert.deepEqual(essence(incremental), essence(parseMinutes({ uri: 'file:///w.md', version: 2, text: edited }, DEFAULT_CONFIG)));
  });
});

describe('checking a whole repository by parsing only what the checks read', function () {
  this.timeout(300_000);
  before(function () {
    requireCorpus(this);
  });

  it('finds exactly what a full parse finds, for every file of the corpus', () => {
    const workspace = fileWorkspace(CORPUS, DEFAULT_CONFIG);
    let partial = 0;
    for (const file of listMarkdownFiles(CORPUS)) {
      const text = readFileSync(join(CORPUS, file), 'utf8');
      const doc = { uri: pathToFileURL(join(CORPUS, file)).toString(), version: 1, text };
      const quick = parseMinutesForLint(doc, DEFAULT_CONFIG);
      if (quick.partial) partial++;
      assert.deepEqual(lint(quick, DEFAULT_CONFIG, { workspace }), lint(parseMinutes(doc, DEFAULT_CONFIG), DEFAULT_CONFIG, { workspace }), file);
    }
    assert.ok(partial > 500, `only ${partial} files were read in part`);
  });
});
