export const HANDLE = /(?<![\w@.])@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)/gu;

const NAME = '@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?';
// Emphasised or not: `*@kim* & *@lee*`.
const ONE = String.raw`[_*]{0,2}${NAME}[_*]{0,2}`;
const LIST = String.raw`${ONE}(?:\s*(?:,|&|\/|\+|\band\b|\bor\b)?\s*${ONE})*`;
// `@kim`, `@kim, @lee and @max` (or `&`, `/`, `+`, `or`), also `(@kim):` and `for @kim:`/`to @kim:`, then its colon.
const OWNER_LIST = new RegExp(String.raw`^\s*(?:(?:for|to)\s+)?\(?\s*${LIST}\s*\)?\s*[_*]*\s*:?`, 'iu');
// `(AI @kim)`, `(AI: @kim/@lee)`, `(AI test: @kim)` anywhere in the item.
const BRACKETED_AI = new RegExp(String.raw`\(\s*AI\b\s*(?:[\p{L}-]+\s*)?:?\s*(${LIST})`, 'iu');
// `(@kim)`, `(@kim, @lee)`: handles in parentheses of their own.
const BRACKETED = new RegExp(String.raw`\(\s*${LIST}\s*\)`, 'giu');
// `@kim will do this`, `@kim to check`: a handle as the one who does it.
const SUBJECT = new RegExp(String.raw`(?<![\w@./])(${NAME})\s+(?:will|to|should|shall)\b`, 'giu');
// `Write user stories; @kim`, `... - @kim`: handles closing the item.
const CLOSING = new RegExp(String.raw`[;:,–-]\s*(${LIST})\s*[.)_*]*\s*$`, 'iu');

function handles(list: string): string[] {
  return [...list.replace(/[_*]/gu, ' ').matchAll(HANDLE)].map((m) => m[1]);
}

/**
 * Whom an action item is assigned to, and its text without those who open it: the handles that
 * open it (`AI @kim: ...`, `AI @kim and @lee to ...`, `ToDo (@kim): ...`) or follow `(AI`
 * (`... (AI @kim)`); failing those, handles in parentheses of their own (`Announce it (@kim)`),
 * before "will"/"to" (`... @kim will do this`) or closing it (`...; @kim`). Others it mentions
 * (`ask @lee`, `invite @max`) own nothing.
 */
export function assignedOwners(text: string, whole: string): { owners: string[]; text: string } {
  const lead = OWNER_LIST.exec(text);
  let owners = [...handles(lead?.[0] ?? ''), ...handles(BRACKETED_AI.exec(whole)?.[1] ?? '')];
  if (!owners.length) owners = [...[...whole.matchAll(BRACKETED)].flatMap((m) => handles(m[0])), ...[...whole.matchAll(SUBJECT)].map((m) => m[1].slice(1))];
  if (!owners.length) owners = handles(CLOSING.exec(whole)?.[1] ?? '');
  return { owners: [...new Set(owners)], text: lead ? text.slice(lead[0].length) : text };
}
