import picomatch from 'picomatch/posix';
import type { MinutesConfig } from './types';

// Globs are matched with picomatch, whose `*` and `**` become lazy regular-expression loops: many
// of them backtrack polynomially on a path that almost matches (`*a*a*a*a*a` took minutes on a
// 250-character name; four `**` with three `*` over 7 s). Within these bounds the worst path of
// 1,024 characters takes about 0.2 s. Braces compile to alternatives, not expansions.
const MAX_STARS = 3;
const MAX_GLOBSTARS = 2;
const MAX_GLOB_CHARS = 256;
/** Longer paths are never matched: no repository has them, and a match costs time in their length. */
const MAX_PATH_CHARS = 1024;

/** Why `ignores` cannot hold this glob, or undefined. */
export function globProblem(glob: string): string | undefined {
  if (glob.length > MAX_GLOB_CHARS) return `is longer than ${MAX_GLOB_CHARS} characters`;
  const segments = glob.split('/');
  if (segments.filter((s) => s === '**').length > MAX_GLOBSTARS) return `has more than ${MAX_GLOBSTARS} "**"`;
  const stars = segments.filter((s) => s !== '**').reduce((n, s) => n + (s.match(/\*+/gu)?.length ?? 0), 0);
  if (stars > MAX_STARS) return `has more than ${MAX_STARS} "*" besides "**"`;
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
