// One Markdown text to a tree, as GitHub reads it, cut down to what the minutes model reads.
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { hostileInput, opaque } from './hostileInput';

export const micromarkExtensions = [frontmatter(['yaml']), gfmAutolinkLiteral()];
export const mdastExtensions = [frontmatterFromMarkdown(['yaml']), gfmAutolinkLiteralFromMarkdown()];

/**
 * Markdown as GitHub reads it, as far as minutes need: bare URLs are links there
 * (`Minutes: https://...`), and YAML front matter is metadata, not a heading. `beforeCut` sees
 * the whole tree, before it is cut down (see pruned).
 */
export function parseWhole(text: string, beforeCut?: (tree: Root) => void): Root {
  // Inputs on which micromark's time grows faster than their length (a pasted log, hundreds of
  // nesting levels, a line of a megabyte) are no minutes anyone writes: such a piece is read as
  // opaque text, found in one linear scan, so that nothing hangs on it.
  const hostile = hostileInput(text);
  if (hostile) return opaque(text, hostile);
  try {
    const tree = fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
    beforeCut?.(tree);
    return pruned(tree);
  } catch (error) {
    if (error instanceof RangeError) return opaque(text, 'nested too deeply');
    throw error;
  }
}

/**
 * The tree cut down to what the model reads (see buildModel): headings, paragraphs with their
 * inline content, and the first paragraph of each list item; positions only where offsets are
 * read (blocks, paragraphs, links). Parsed pieces are kept between versions of an open document:
 * the whole tree of a 5 MB document would take hundreds of megabytes.
 */
export function pruned(root: Root): Root {
  root.children = root.children.map(prunedBlock);
  return root;
}

function prunedBlock(block: RootContent): RootContent {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
      block.children.forEach(prunedInline);
      return block;
    case 'list':
      for (const item of block.children) {
        const first = item.children[0];
        item.children = first?.type === 'paragraph' ? [prunedBlock(first) as typeof first] : [];
        delete item.position;
      }
      return block;
    default:
      // Other blocks only close sections and stand between paragraphs: their type and place are enough.
      return { type: block.type, position: block.position } as RootContent;
  }
}

function prunedInline(node: Nodes): void {
  if (node.type !== 'link') delete node.position;
  if ('children' in node) (node.children as Nodes[]).forEach(prunedInline);
}
