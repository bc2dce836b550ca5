import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { rulesTable } from '../../scripts/rules-table';

describe('README', () => {
  const readme = readFileSync(resolve(__dirname, '../../README.md'), 'utf8');

  it('documents exactly the rules the code has, in the catalog order', () => {
    const table = readme.split('<!-- rules:start -->')[1].split('<!-- rules:end -->')[0].trim();
    assert.equal(table, rulesTable(), 'run `npx tsx scripts/rules-table.ts` to update the README');
  });

  it('starts with the build-and-run command and the test command', () => {
    const firstBlock = readme.split('```sh')[1].split('```')[0];
    assert.match(firstBlock, /npm ci && npm run example/u);
    assert.match(firstBlock, /^npm test\b/mu);
  });
});

describe('extension manifest', () => {
  it('offers a setting for exactly the rules and config keys the code has', async () => {
    const { manifestConfiguration } = await import('../../scripts/manifest-config');
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { contributes: { configuration: unknown } };
    assert.deepEqual(manifest.contributes.configuration, JSON.parse(JSON.stringify(manifestConfiguration())), 'run `npx tsx scripts/manifest-config.ts`');
  });
});
