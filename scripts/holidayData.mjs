// esbuild plugin: bundle date-holidays with only the countries Minutes ships (HOLIDAY_COUNTRIES),
// and moment-timezone with only UTC: the calendar asks for calendar dates computed in UTC
// (holidays.ts), never for times in a local zone. The full data would add about 1.5 MB per bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
// date-holidays does not export its data file; find it beside the package's entry point.
const holidaysJson = join(dirname(require.resolve('date-holidays')), '..', 'data', 'holidays.json');

export function holidayDataPlugin(countries) {
  return {
    name: 'minutes-holiday-data',
    setup(build) {
      const full = JSON.parse(readFileSync(holidaysJson, 'utf8'));
      const picked = Object.fromEntries(countries.map((c) => [c, full.holidays[c]]));
      // The shared holiday names (in every language) that these countries' rules refer to by `_name`,
      // and `substitutes`, which the parser reads by that name: 4 KB less.
      const referred = new Set(['substitutes']);
      const visit = (node) => {
        if (typeof node !== 'object' || node === null) return;
        for (const [key, value] of Object.entries(node)) {
          if (key === '_name' && typeof value === 'string') referred.add(value);
          else visit(value);
        }
      };
      visit(picked);
      const names = Object.fromEntries(Object.entries(full.names).filter(([key]) => referred.has(key)));
      const data = { version: full.version, license: full.license, holidays: picked, names };
      const zones = new Set(['UTC', 'Etc/UTC']);

      build.onLoad({ filter: /date-holidays[\\/](lib|src)[\\/]data\.c?js$/ }, (args) => ({
        contents: args.path.endsWith('.cjs') ? `exports.data = ${JSON.stringify(data)};` : `export const data = ${JSON.stringify(data)};`,
        loader: 'js',
      }));
      build.onResolve({ filter: /^moment-timezone$/ }, () => ({ path: 'moment-timezone', namespace: 'minutes-tz' }));
      build.onLoad({ filter: /.*/, namespace: 'minutes-tz' }, () => {
        const packed = require('moment-timezone/data/packed/latest.json');
        const links = packed.links.filter((l) => zones.has(l.split('|')[1]));
        links.forEach((l) => zones.add(l.split('|')[0]));
        const wanted = { version: packed.version, zones: packed.zones.filter((z) => zones.has(z.split('|')[0])), links, countries: [] };
        return {
          contents: `const moment = require(${JSON.stringify(require.resolve("moment-timezone/moment-timezone.js"))}); moment.tz.load(${JSON.stringify(wanted)}); module.exports = moment;`,
          loader: 'js',
          resolveDir: process.cwd(),
        };
      });
    },
  };
}
