/** A heading as compared: case, trailing colons and runs of white space do not count. */
export function normalizeHeading(text: string): string {
  return text.replace(/[:\s]+$/u, '').replace(/\s+/gu, ' ').trim().toLowerCase();
}

/**
 * Whether two headings are the same as people write them: equal once normalised, or long ones a
 * typo apart (`transfering` and `transferring`): one edit per twelve characters.
 */
export function sameHeading(a: string, b: string): boolean {
  const x = normalizeHeading(a);
  const y = normalizeHeading(b);
  if (x === y) return true;
  const shorter = Math.min(x.length, y.length);
  const allowed = Math.floor(shorter / TYPO_EVERY);
  if (allowed === 0 || Math.abs(x.length - y.length) > allowed || Math.max(x.length, y.length) > MAX_COMPARED) return false;
  return editDistance(x, y, allowed) <= allowed;
}

const TYPO_EVERY = 12;
/** Longer headings are prose, not recurring section names: only equal ones are the same. */
const MAX_COMPARED = 200;

/** Levenshtein distance, stopping once it exceeds `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return best;
    previous = current;
  }
  return previous[b.length];
}
