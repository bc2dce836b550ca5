import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { INITIAL, parseRawGrammar, Registry, type IGrammar } from 'vscode-textmate';
import { createOnigScanner, createOnigString, loadWASM } from 'vscode-oniguruma';

const localRequire = createRequire(__filename);
const INJECTION = resolve(__dirname, '../../syntaxes/minutes.injection.tmLanguage.json');

/** Tokenizes with VS Code's own engine: the Markdown grammar plus our injection, as the manifest declares it. */
async function loadMarkdownGrammar(): Promise<IGrammar> {
  await loadWASM(readFileSync(localRequire.resolve('vscode-oniguruma/release/onig.wasm')).buffer);
  const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as
    { contributes: { grammars: Array<{ scopeName: string; injectTo: string[] }> } };
  const injection = manifest.contributes.grammars.find((g) => g.scopeName === 'minutes.markdown.injection')!;
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner, createOnigString }),
    loadGrammar: (scope) => Promise.resolve().then(() => {
      if (scope === 'text.html.markdown') return parseRawGrammar(readFileSync(localRequire.resolve('tm-grammars/grammars/markdown.json'), 'utf8'), 'markdown.json');
      if (scope === injection.scopeName) return parseRawGrammar(readFileSync(INJECTION, 'utf8'), INJECTION);
      return null;
    }),
    getInjections: (scope) => (injection.injectTo.includes(scope) ? [injection.scopeName] : undefined),
  });
  return (await registry.loadGrammar('text.html.markdown'))!;
}

/** Each token's text with its innermost minutes scope, for the tokens that have one. */
function minutesTokens(grammar: IGrammar, text: string): Array<[string, string]> {
  let state = INITIAL;
  const found: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const { tokens, ruleStack } = grammar.tokenizeLine(line, state);
    state = ruleStack;
    for (const token of tokens) {
      const scope = [...token.scopes].reverse().find((s) => s.endsWith('.minutes'));
      if (scope) found.push([line.slice(token.startIndex, token.endIndex), scope]);
    }
  }
  return found;
}

describe('highlighting grammar', () => {
  let grammar: IGrammar;
  before(async () => {
    grammar = await loadMarkdownGrammar();
  });

  it('scopes ISO dates, in headings and in prose', () => {
    assert.deepEqual(minutesTokens(grammar, '# SCS Tech Weekly 2022-09-29'), [['2022-09-29', 'constant.numeric.date.minutes']]);
    assert.deepEqual(minutesTokens(grammar, '- Will take place on 2022-10-10 (not 2022-10-03!)'), [
      ['2022-10-10', 'constant.numeric.date.minutes'],
      ['2022-10-03', 'constant.numeric.date.minutes'],
    ]);
  });

  it('scopes the Minutes label and pending markers', () => {
    assert.deepEqual(minutesTokens(grammar, 'Minutes: none yet'), [
      ['Minutes', 'keyword.other.minutes-label.minutes'],
      [':', 'punctuation.separator.key-value.minutes'],
      ['none yet', 'keyword.control.pending.minutes'],
    ]);
    assert.deepEqual(minutesTokens(grammar, 'Minutes not available yet: https://example.org/x').slice(0, 3), [
      ['Minutes', 'keyword.other.minutes-label.minutes'],
      [' not available yet', 'keyword.control.pending.minutes'],
      [':', 'punctuation.separator.key-value.minutes'],
    ]);
    assert.deepEqual(minutesTokens(grammar, '- Minutes: Jonas')[0], ['Minutes', 'keyword.other.minutes-label.minutes']);
  });

  it('scopes @handles but not e-mail addresses', () => {
    assert.deepEqual(minutesTokens(grammar, '- @garloff and @o-otte'), [
      ['@garloff', 'variable.other.handle.minutes'],
      ['@o-otte', 'variable.other.handle.minutes'],
    ]);
    assert.deepEqual(minutesTokens(grammar, 'mail jonas@example.org'), []);
  });

  it('leaves code and link targets alone', () => {
    assert.deepEqual(minutesTokens(grammar, '```\n2022-09-29 @garloff\n```'), []);
    assert.deepEqual(minutesTokens(grammar, 'see `2022-09-29`'), []);
    assert.deepEqual(minutesTokens(grammar, '[notes](https://example.org/2022-09-29)'), []);
  });
});
