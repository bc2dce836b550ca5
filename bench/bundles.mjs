// The size of the web build (package.json `browser`): what vscode.dev and github.dev download before
// the first squiggle. Reads dist/browser/ as `npm run build` left it; gzip size is what goes over the
// wire. `node bench/bundles.mjs --why` lists the biggest inputs of each bundle (rebuilt with a metafile).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(import.meta.dirname, '..');
// Targets: the browser server is the core (about 570 KB without the calendars no shipped country uses)
// plus the LSP libraries (about 180 KB); before those calendars were left out it was 870 KB. The
// calendar reader (ical.js, yaml) is a bundle of its own that the server loads only for a config with calendars.
export const BUNDLES = [
  { file: 'dist/browser/server.js', targetKB: 780 },
  { file: 'dist/browser/calendars.js', targetKB: 200 },
  { file: 'dist/browser/client.js', targetKB: 500 },
];

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KB`;

/** Adds a row per web bundle (minified, gzipped) to the bench table; returns the sizes in bytes. */
export function webBundles(row) {
  const sizes = {};
  for (const { file, targetKB } of BUNDLES) {
    const path = join(ROOT, file);
    if (!existsSync(path)) {
      row(`web bundle ${file}`, 'skipped: not built', '', '', '', undefined);
      continue;
    }
    const bytes = readFileSync(path);
    const gzip = gzipSync(bytes, { level: 9 }).length;
    sizes[file] = { bytes: bytes.length, gzip };
    row(`web bundle ${file} (minified, gzip)`, `${kb(bytes.length)}, ${kb(gzip)}`, '', '', `< ${targetKB} KB`, bytes.length < targetKB * 1024);
  }
  return sizes;
}

if (process.argv[1] === import.meta.filename) {
  const rows = [];
  const sizes = webBundles((what, value, _baseline, _ratio, target, ok) => rows.push({ what, value, target, ok }));
  console.table(rows);
  if (process.argv.includes('--why')) await why();
  void sizes;
}

/**
 * The biggest inputs of each web bundle, by package, as esbuild counts them. A rough picture: rebuilt
 * here with the holidays of one country and without leaving out the calendars that build.mjs drops.
 */
async function why() {
  const esbuild = await import('esbuild');
  const { holidayDataPlugin } = await import('../scripts/holidayData.mjs');
  const countries = ['DE']; // enough to see the shape; the real build takes HOLIDAY_COUNTRIES
  for (const [entry, plugins] of [['client/src/browser/extension.ts', []], ['server/src/browser/main.ts', [holidayDataPlugin(countries)]]]) {
    const result = await esbuild.build({
      entryPoints: [join(ROOT, entry)], bundle: true, minify: true, write: false, metafile: true, platform: 'browser', conditions: ['worker'],
      external: ['vscode'], format: 'cjs', alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' }, plugins, logLevel: 'error',
    });
    const output = Object.values(result.metafile.outputs)[0];
    const byPackage = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const key = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input)?.[1] ?? input.split('/').slice(0, 4).join('/');
      byPackage.set(key, (byPackage.get(key) ?? 0) + bytesInOutput);
    }
    console.log(`${entry}: ${kb(output.bytes)}`);
    for (const [key, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${kb(bytes).padStart(7)}  ${key}`);
  }
}
