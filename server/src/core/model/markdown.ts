import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';

const micromarkExtensions = [frontmatter(['yaml']), gfmAutolinkLiteral()];
const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmAutolinkLiteralFromMarkdown()];

/**
 * Markdown as GitHub reads it, as far as minutes need: bare URLs are links there
 * (`Minutes: https://...`), and YAML front matter is metadata, not a heading.
 */
export function parseMarkdown(text: string): Root {
  return fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
}

/** Slide decks (HedgeDoc `type: slide`, Marp) live next to minutes but are not minutes. */
export function isSlideDeck(root: Root): boolean {
  const first = root.children[0];
  return first?.type === 'yaml' && /^\s*(type:\s*slides?\b|slideOptions:|marp:\s*true)/imu.test(first.value);
}
