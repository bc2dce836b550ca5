import picomatch from 'picomatch/posix';
import type { MinutesConfig } from './types';

// Globs are matched with picomatch, whose `*` becomes a lazy regular-expression loop: several of
// them in one name backtrack polynomially (`*a*a*a*a*a` took minutes on a 250-character name).
// Braces compile to alternatives, not expansions, so they cannot explode.
const MAX_STARS_PER_SEGMENT = 3;
const MAX_GLOBSTARS = 4;
const MAX_GLOB_CHARS = 256;
/** Longer paths are never matched: no repository has them, and a match costs time in their length. */
const MAX_PATH_CHARS = 1024;

/** Why `ignores` cannot hold this glob, or undefined. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_CHARS) return `is longer than ${MAX_GLOB_CHARS} characters`;
  const segments = glob.split('/');
  if (segments.filter((s) => s === '**').length > MAX_GLOBSTARS) return `has more than ${MAX_GLOBSTARS} "**"`;
  if (segments.some((s) => s !== '**' && (s.match(/\*+/gu)?.length ?? 0) > MAX_STARS_PER_SEGMENT)) return `has more than ${MAX_STARS_PER_SEGMENT} "*" in one name`;
  return undefined;
}

// A memo of a pure function: configs are few, their globs fewer.
const matchers = new Map<string, (path: string) => boolean>();

function matcher(glob: string): (path: string) => boolean {
  let match = matchers.get(glob);
  if (!match) {
    if (matchers.size > 1_000) matchers.clear();
    // `dot`: `.github/**` must match what it says; extglobs are off (nested quantifiers backtrack).
    match = globProblem(glob) ? () => false : picomatch(glob, { dot: true, noextglob: true });
    matchers.set(glob, match);
  }
  return match;
}

/** Whether a file (path relative to the repository root, with `/`) is one that `ignores` says never to check. */
export function isIgnored(config: MinutesConfig, path: string): boolean {
  return path.length <= MAX_PATH_CHARS && config.ignores.some((glob) => matcher(glob)(path));
}
