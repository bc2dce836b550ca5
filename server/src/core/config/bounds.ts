import { createScanner } from 'jsonc-parser';

// A configuration is a few kilobytes; these bounds keep a hostile one (a link to /dev/zero, ten
// thousand levels of brackets, a million patterns) from taking the memory or the stack.

/** The most bytes (UTF-16 units) a `.minutes.json` may have. */
export const MAX_CONFIG_CHARS = 1024 * 1024;
/** The deepest nesting of objects and lists: the schema needs four. */
export const MAX_CONFIG_NESTING = 32;
/** The most items of any list, and the most characters of any string. */
export const MAX_LIST_ITEMS = 1000;
export const MAX_STRING_CHARS = 4096;

// jsonc-parser's SyntaxKind is a const enum, which isolated modules cannot read: its values.
const OPEN_BRACE = 1;
const CLOSE_BRACE = 2;
const OPEN_BRACKET = 3;
const CLOSE_BRACKET = 4;
const EOF = 17;

/**
 * Why a config text is refused before it is parsed (the parser recurses once per level), or
 * undefined. The scanner reads tokens without recursing, so strings and comments are skipped
 * whatever brackets they hold.
 */
export function configTextProblem(text: string): string | undefined {
  if (text.length > MAX_CONFIG_CHARS) return `is larger than ${MAX_CONFIG_CHARS / 1024 / 1024} MB`;
  const scanner = createScanner(text, false);
  let depth = 0;
  for (let token: number = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > MAX_CONFIG_NESTING) return `is nested more than ${MAX_CONFIG_NESTING} levels deep`;
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/**
 * Why a configured folder is not one inside the repository (absolute, `..`, a drive), or
 * undefined: whatever is made from it (new files, links) must stay in the repository.
 */
export function repositoryPathProblem(path: string): string | undefined {
  if (/^[/\\]|^[a-z]:/iu.test(path)) return 'must be relative to the repository root, not absolute';
  if (path.split(/[/\\]/u).some((segment) => segment === '..')) return 'must stay inside the repository (no "..")';
  if (path.includes('\0')) return 'must not hold a NUL character';
  return undefined;
}
