// A hostile or careless `.minutes.json` is refused with a clear message, never a hang or a crash.
import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, isIgnored, parseConfigText } from '../../server/src/core';
import { matchDatedPath } from '../../server/src/core/config/paths';

const errorsOf = (value: unknown) => parseConfigText(typeof value === 'string' ? value : JSON.stringify(value)).errors;

describe('.minutes.json that cannot hang or crash', () => {
  it('deep nesting is refused before it is parsed (the parser recurses per level)', () => {
    for (const text of ['['.repeat(10_000) + ']'.repeat(10_000), `{"teams": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, `{"a": ${'{"a": '.repeat(5_000)}1${'}'.repeat(5_000)}}`]) {
      assert.deepEqual(errorsOf(text), ['the configuration is nested more than 32 levels deep']);
    }
    // Brackets in strings and comments are not nesting.
    assert.deepEqual(errorsOf(`{ // ${'['.repeat(100)}\n "ignores": ["${'{'.repeat(100)}"] }`), []);
  });

  it('a text over 1 MB is refused', () => {
    assert.match(errorsOf(`{"ignores": ["${'x'.repeat(1024 * 1024)}"]}`)[0], /larger than 1 MB/u);
  });

  it('null, a list, a number or an empty file is an error, not the defaults', () => {
    for (const text of ['null', '[]', '42', '"x"', '']) {
      const { errors, config } = parseConfigText(text);
      assert.ok(errors.length === 1, `${JSON.stringify(text)}: ${errors.join('; ')}`);
      assert.equal(config, DEFAULT_CONFIG);
    }
    assert.deepEqual(errorsOf('null'), ['the configuration must be a JSON object ({ ... })']);
  });

  it('a byte order mark is accepted, and problems are still located', () => {
    const { errors, config } = parseConfigText('\uFEFF{ "reminderDays": 3 }');
    assert.deepEqual(errors, []);
    assert.equal(config.reminderDays, 3);
  });

  it('folders and path patterns must stay inside the repository', () => {
    for (const bad of [{ weeklyFolder: '../elsewhere' }, { weeklyFolder: '/etc' }, { weeklyFolder: 'C:\\minutes' }, { weeklyPaths: ['../x/{YYYY}{MM}{DD}.md'] }, { weeklyPaths: ['/tmp/{YYYY}{MM}{DD}.md'] }, { minutesPaths: ['{series}/../{YYYY}{MM}{DD}.md'] }, { teams: [{ name: 'X', folder: 'a/../../b' }] }]) {
      const errors = errorsOf(bad);
      assert.equal(errors.length, 1, JSON.stringify(bad));
      assert.match(errors[0], /inside the repository|not absolute/u, errors[0]);
    }
    assert.deepEqual(errorsOf({ weeklyFolder: 'meetings/weekly', weeklyPaths: ['meetings/weekly/{YYYY}/{YYYY}-{MM}-{DD}.md'] }), []);
  });

  it('path patterns that would backtrack are refused; the ones people write are not', () => {
    assert.match(errorsOf({ minutesPaths: [`{series}/${'{*}'.repeat(12)}{YYYY}{MM}{DD}.md`] })[0], /ambiguous/u);
    assert.match(errorsOf({ minutesPaths: ['{series}/{*}-{*}-{*}-{YYYY}{MM}{DD}.md'] })[0], /more than 2 of \{\*\} and \{suffix\} in one name/u);
    assert.deepEqual(errorsOf({ minutesPaths: ['{series}/{YYYY}/{*}-{MM}-{DD}{suffix}.md', '{series}/{M}-{D}-{YY}.md'] }), []);
  });

  it('ignore globs that would backtrack are refused; braces and globstars of real configs are not', () => {
    assert.match(errorsOf({ ignores: ['*a*a*a*a*a*a*a*a'] })[0], /more than 3 "\*" besides "\*\*"/u);
    assert.match(errorsOf({ ignores: ['*a/*b/*c/*d'] })[0], /more than 3 "\*" besides "\*\*"/u);
    assert.match(errorsOf({ ignores: ['**/a/**/b/**/c'] })[0], /more than 2 "\*\*"/u);
    const bomb = `${'{a,b}'.repeat(40)}.md`;
    assert.deepEqual(errorsOf({ ignores: [bomb, '{archive,old}/**', '**/template*.md'] }), []);
    const config = { ...DEFAULT_CONFIG, ignores: [bomb, '{archive,old}/**', '**/template*.md'] };
    assert.ok(isIgnored(config, 'old/2020/x.md') && isIgnored(config, 'iaas/template-team.md'));
    assert.ok(!isIgnored(config, 'iaas/20220928.md'));
    assert.ok(isIgnored(config, `${'a'.repeat(40)}.md`), 'a brace pattern matches as alternatives, without expanding 2^40 strings');
  });

  it('long lists and strings are refused', () => {
    assert.match(errorsOf({ ignores: Array.from({ length: 1001 }, (_, i) => `x${i}/**`) })[0], /more than 1000 items/u);
    assert.match(errorsOf({ weeklyTitle: 'x'.repeat(5000) })[0], /longer than 4096 characters/u);
  });

  it('the worst patterns that are allowed still match a long hostile path quickly', () => {
    // No assertion of time here (that is the bench's): a hang would exceed mocha's timeout.
    const path = `${'a/'.repeat(200)}${'-'.repeat(250)}/${'b'.repeat(250)}.md`;
    assert.equal(matchDatedPath(path, ['{series}/{*}-{*}/{YYYY}{MM}{DD}{suffix}.md']), undefined);
    const config = { ...DEFAULT_CONFIG, ignores: ['**/*a/**/*a*a', '**/*a*a*a'] };
    assert.deepEqual(errorsOf({ ignores: config.ignores }), []);
    assert.equal(isIgnored(config, `${'a/'.repeat(200)}${'a'.repeat(250)}/${'b'.repeat(250)}c`), false);
  });
});
