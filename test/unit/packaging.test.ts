// The .vsix ships every bundle the extension runs: one left out by .vscodeignore would go unnoticed
// where the code has a fallback (the server's reading thread, dist/readWorker.js, falls back to
// reading in the server's own thread) and break the extension where it has none.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

describe('packaging: the .vsix ships every bundle the extension runs', () => {
  it('every bundle scripts/build.mjs writes, except the CLI (an npm package of its own), is let through .vscodeignore', () => {
    const bundles = [...readFileSync(resolve(ROOT, 'scripts/build.mjs'), 'utf8').matchAll(/outfile: '(dist\/[^']+\.js)'/gu)].map((m) => m[1]).filter((f) => f !== 'dist/cli.js');
    assert.ok(bundles.includes('dist/server.js') && bundles.includes('dist/readWorker.js'), `bundles found: ${bundles.join(', ')}`);
    const shipped = readFileSync(resolve(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
    assert.deepEqual(bundles.filter((b) => !shipped.includes(b)), []);
  });

});
