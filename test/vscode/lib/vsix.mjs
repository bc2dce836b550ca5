import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The .vsix to test: the one given, else the newest `minutes-*.vsix` that `npm run package` made. */
export function newestVsix(repo, given) {
  if (given) return path.resolve(given);
  const found = readdirSync(repo)
    .filter((f) => /^minutes-.*\.vsix$/.test(f))
    .map((f) => path.join(repo, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!found.length) throw new Error('no minutes-*.vsix in the repo root: run `npm run package` first');
  return found[0];
}
