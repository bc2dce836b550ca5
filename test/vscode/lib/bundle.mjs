// Bundles the suites (test/vscode/suite/*.ts) with esbuild into one folder:
// index.js (the extensionTestsPath entry) and one *.test.js per suite file.
// `vscode` is provided by the extension host; `mocha` stays external and is
// resolved at run time from the repo's node_modules, which is why the output
// folder must live inside the repo (under .vscode-test/).
import { readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export async function bundleSuites(suiteDir, outDir, config) {
  const esbuild = require('esbuild');
  const tests = readdirSync(suiteDir).filter((f) => f.endsWith('.test.ts')).sort();
  if (tests.length === 0) throw new Error(`no *.test.ts in ${suiteDir}`);
  await esbuild.build({
    entryPoints: ['index.ts', ...tests].map((f) => path.join(suiteDir, f)),
    outdir: outDir,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  writeFileSync(path.join(outDir, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return { index: path.join(outDir, 'index.js'), tests };
}
