// Bundles the extension client, the language server and the CLI, and writes the config schema
// that the manifest's `jsonValidation` points at. Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';

const production = !process.argv.includes('--dev');
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);

// The schema is defined once, in TypeScript; Node 20 cannot import that directly, so bundle it first.
const schemaModule = await esbuild.build({ ...common, minify: false, entryPoints: ['server/src/core/config/schema.ts'], write: false, format: 'esm' });
const { CONFIG_SCHEMA } = await import(`data:text/javascript,${encodeURIComponent(schemaModule.outputFiles[0].text)}`);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/minutes.schema.json', `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
