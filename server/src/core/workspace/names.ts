import type { TeamKind } from '../model/types';

// Words that say what kind of group it is, not which one.
const KIND_WORDS = new Set(['team', 'sig', 'sigs', 'wg', 'working', 'group', 'and', 'the', 'of', 'for', 'new']);

const tokenCache = new Map<string, string[]>();

/** The distinctive words of a team's name: `Team Ops, IAM (Sprint review)` -> `ops`, `iam`. */
export function nameTokens(name: string): string[] {
  let tokens = tokenCache.get(name);
  if (!tokens) {
    // Names repeat (every roll-up names the same teams); the cache is bounded all the same.
    if (tokenCache.size > 10_000) tokenCache.clear();
    tokenCache.set(name, (tokens = splitName(name)));
  }
  return tokens;
}

function splitName(name: string): string[] {
  return name
    .replace(/\([^)]*\)/gu, ' ')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t && !KIND_WORDS.has(t));
}

/**
 * How well two token lists name the same group, 0..1: words match when equal, when one
 * abbreviates the other (`ops` / `operations`), or when they differ by one letter in a long word
 * (`standardisation` / `standardization`, `markt` / `market`).
 */
export function tokenSimilarity(a: string[], b: string[]): number {
  if (!a.length || !b.length) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const matched = short.filter((s) => long.some((l) => wordsMatch(s, l))).length;
  if (matched < short.length) return 0;
  return matched / long.length;
}

// Words that make a heading a meeting of its own beside the group's regular one.
const SESSION_WORDS = /\b(?:hacking|hackathon|sessions?|workshops?|overflow|special|deep[- ]?dives?|kick-?off|offsite|retreat|bootcamp)\b/iu;

/** `Team IAM Hacking Session`, `IaaS Workshop`, `Team Container (special)`: not the group's regular meeting. */
export function isSession(name: string): boolean {
  return SESSION_WORDS.test(name);
}

/** How alike two group names are, 0..1 (0: not the same group); a session is never its group's regular meeting. */
export function teamSimilarity(a: { name: string; kind?: TeamKind }, b: { name: string; kind?: TeamKind }): number {
  if (a.kind && b.kind && a.kind !== 'other' && b.kind !== 'other' && a.kind !== b.kind) return 0;
  if (isSession(a.name) !== isSession(b.name)) return 0;
  return tokenSimilarity(nameTokens(a.name), nameTokens(b.name));
}

export function sameTeam(a: { name: string; kind?: TeamKind }, b: { name: string; kind?: TeamKind }): boolean {
  return teamSimilarity(a, b) > 0;
}

function wordsMatch(a: string, b: string): boolean {
  if (a === b) return true;
  // Numbers name different things: "Team S1" is not "Team S12".
  if (/\d/u.test(a) || /\d/u.test(b)) return false;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length >= 3 && long.startsWith(short)) return true;
  return short.length >= 5 && editDistanceAtMostOne(short, long);
}

function editDistanceAtMostOne(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length < b.length) j++;
    else if (a.length > b.length) i++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/** A heading for a team folder no roll-up has named yet: `sig-documentation` becomes "SIG Documentation". */
export function folderTeamName(folder: string): string {
  const words = folder.split(/[-_/]+/u).filter(Boolean);
  const word = (w: string) => (/^(sig|iam|kaas|wg|api)$/iu.test(w) ? w.toUpperCase() : /^iaas$/iu.test(w) ? 'IaaS' : w[0].toUpperCase() + w.slice(1));
  const name = words.map(word).join(' ');
  return /^(SIG|WG)\b/u.test(name) ? name : `Team ${name}`;
}
