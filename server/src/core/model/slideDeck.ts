// Which Markdown files are slide decks, read from their first lines.

/**
 * Slide decks (HedgeDoc `type: slide`, reveal.js `slideOptions`, Marp) live next to minutes but are
 * not minutes. Read from the text, not the tree: people start the front matter after blank lines,
 * where Markdown no longer sees it as front matter (it becomes a rule and a heading).
 */
export function isSlideDeck(text: string): boolean {
  const start = text.slice(0, 8192);
  const head = FRONT_MATTER.exec(start);
  return (head !== null && SLIDE_KEYS.test(head[1])) || REVEAL_MARKUP.test(start);
}

// A `---` block at the start, after blank lines (and a byte-order mark) if any.
const FRONT_MATTER = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/u;
// reveal.js slide attributes (`<!-- .slide: data-background=... -->`) and styles of its `.reveal`/`.slides` classes.
const REVEAL_MARKUP = /<!--\s*\.slide:|^\s*\.(?:reveal|slides)\b[^{\n]*\{/mu;
const SLIDE_KEYS = /^\s*(?:type:\s*["']?slides?\b|slideOptions:|marp:\s*true)/imu;
