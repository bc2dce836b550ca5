// Bundles the extension client and the language server (for Node and for the browser), the CLI, and writes the config schema
// that the manifest's `jsonValidation` points at. Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { holidayDataPlugin } from './holidayData.mjs';

const production = !process.argv.includes('--dev');
// `minutes-lint --version` prints this, fixed at build time: the bundle reads no package.json.
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// The CLI and the server's reading thread, which both read `--cache`'s file (server/src/node/version.ts).
const versioned = { __MINUTES_LINT_VERSION__: JSON.stringify(version) };
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: production,
  sourcemap: production ? false : 'inline',
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's default entry is UMD with run-time requires esbuild cannot follow.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

/** Loads a constant from a TypeScript module of the core, which is its one definition. */
async function importFromCore(entry) {
  const result = await esbuild.build({ ...common, minify: false, entryPoints: [entry], write: false, format: 'esm' });
  return import(`data:text/javascript,${encodeURIComponent(result.outputFiles[0].text)}`);
}

const { HOLIDAY_COUNTRIES } = await importFromCore('server/src/core/calendar/countries.ts');
const { CONFIG_SCHEMA } = await importFromCore('server/src/core/config/schema.ts');
const withHolidays = { ...common, plugins: [holidayDataPlugin(HOLIDAY_COUNTRIES), unusedCalendarsPlugin(HOLIDAY_COUNTRIES), julianOnlyPlugin()] };
// The web build (package.json `browser`: vscode.dev, github.dev): the client runs in the web-worker
// extension host and the server in a worker of its own. `worker` makes packages pick their worker
// builds (micromark's entity decoder would reach for `document` otherwise).
// `charset: 'utf8'` writes non-ASCII text (holiday names, HTML entities) as itself, not as `\uXXXX`:
// 18 KB less; a worker's script is always read as UTF-8.
const web = { ...common, platform: 'browser', target: 'es2022', conditions: ['worker'], charset: 'utf8' };

/**
 * Leaves out of a bundle the holiday calendars that no rule of the shipped countries uses: the
 * equinox and the Chinese, Jalaali and Bengali calendars, which bring astronomy tables (astronomia,
 * date-chinese, VSOP87: about 120 KB minified per bundle). Checked at build time: the build fails if a rule of
 * those countries (any state or region) needs one of them, and a left-out calendar throws if reached.
 */
function unusedCalendarsPlugin(countries) {
  const require = createRequire(import.meta.url);
  const unused = { Equinox: ['equinox'], Chinese: ['chinese', 'korean', 'vietnamese'], Jalaali: ['jalaali'], BengaliRevised: ['bengali-revised'] };
  const lib = dirname(require.resolve('date-holidays-parser'));
  const Parser = require(join(lib, 'Parser.cjs'));
  const { holidays } = JSON.parse(readFileSync(join(dirname(require.resolve('date-holidays')), '..', 'data', 'holidays.json'), 'utf8'));
  const used = new Set();
  const visit = (node) => {
    for (const rule of Object.keys(node?.days ?? {})) for (const part of new Parser().parse(rule) ?? []) used.add(part.fn);
    for (const key of ['states', 'regions']) Object.values(node?.[key] ?? {}).forEach(visit);
  };
  countries.forEach((c) => visit(holidays[c]));
  const needed = Object.values(unused).flat().filter((fn) => used.has(fn));
  if (needed.length) throw new Error(`the holidays of ${countries.join(', ')} need the ${needed.join(', ')} calendar(s): drop them from unusedCalendarsPlugin`);
  const filter = new RegExp(`[\\\\/]date-holidays-parser[\\\\/](?:src|lib)[\\\\/](?:${Object.keys(unused).join('|')})\\.c?js$`);
  return {
    name: 'minutes-unused-calendars',
    setup(build) {
      build.onLoad({ filter }, (args) => {
        const stub = `class LeftOut { constructor() { throw new Error('${basename(args.path)}: this calendar is not in the Minutes build'); } }`;
        return { contents: args.path.endsWith('.cjs') ? `${stub}\nmodule.exports = LeftOut;` : `${stub}\nexport default LeftOut;`, loader: 'js' };
      });
    },
  };
}

// `--analyze`: what the web server bundle is made of, largest first (it has a size budget).
const analyze = process.argv.includes('--analyze');
async function report(result) {
  if (analyze) process.stdout.write(await esbuild.analyzeMetafile(result.metafile));
}

/**
 * date-holidays-parser's Julian calendar (Orthodox Christmas in HR) imports all of astronomia for
 * its `julian` module: the others (the Moon's position, nutation, ...) stay in a bundle as
 * side effects, about 20 KB minified. It gets the package's own `astronomia/julian` export alone.
 */
function julianOnlyPlugin() {
  return {
    name: 'minutes-julian-only',
    setup(build) {
      build.onResolve({ filter: /^astronomia$/ }, (args) =>
        /[\\/]date-holidays-parser[\\/](?:src|lib)[\\/]Julian\.c?js$/.test(args.importer) ? { path: args.importer, namespace: 'minutes-julian' } : undefined,
      );
      build.onLoad({ filter: /.*/, namespace: 'minutes-julian' }, (args) => ({
        contents: args.path.endsWith('.cjs') ? `module.exports = { julian: require('astronomia/julian') };` : `export * as julian from 'astronomia/julian';`,
        loader: 'js',
        resolveDir: dirname(args.path),
      }));
    },
  };
}

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] }),
  esbuild.build({ ...withHolidays, entryPoints: ['server/src/node/main.ts'], outfile: 'dist/server.js' }),
  esbuild.build({ ...common, entryPoints: ['server/src/node/readWorker.ts'], outfile: 'dist/readWorker.js', define: versioned }),
  esbuild.build({ ...web, entryPoints: ['client/src/browser/extension.ts'], outfile: 'dist/browser/client.js', external: ['vscode'] }),
  esbuild.build({ ...web, format: 'iife', plugins: withHolidays.plugins, entryPoints: ['server/src/browser/main.ts'], outfile: 'dist/browser/server.js', metafile: analyze }).then(report),
  // The calendar parser, which the browser server loads with `importScripts` only for a config with calendars (browser/loadCalendars.ts).
  esbuild.build({ ...web, format: 'iife', globalName: 'minutesCalendars', entryPoints: ['server/src/browser/calendars.ts'], outfile: 'dist/browser/calendars.js' }),
  esbuild.build({ ...withHolidays, entryPoints: ['cli/src/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, define: versioned }),
]);

mkdirSync('dist', { recursive: true });
writeFileSync('dist/minutes.schema.json', `${JSON.stringify(CONFIG_SCHEMA, null, 2)}\n`);
