import * as assert from 'node:assert/strict';
import type { RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { Chunk } from '../../server/src/core/model/chunks';
import { plainExtensions, shift } from '../../server/src/core/model/hostileInput';
import { parseChunks } from '../../server/src/core/model/markdown';
import { plainHeading } from '../../server/src/core/model/plainHeading';

/** What micromark itself gives for the pieces, each where it stands: what parseChunks must equal. */
function byMicromark(chunks: Chunk[]): RootContent[] {
  return chunks.flatMap((chunk) => {
    const root = fromMarkdown(chunk.text, plainExtensions);
    for (const node of root.children) shift(node, chunk.offset, chunk.line);
    return root.children;
  });
}

/** Pieces as parseMinutesOutline gives them: heading lines, each somewhere in a document. */
function piecesOf(lines: string[]): Chunk[] {
  let offset = 0;
  return lines.map((text, line) => {
    const chunk = { offset, line: line * 3, text };
    offset += text.length + 17;
    return chunk;
  });
}

/** A small deterministic generator (mulberry32), so that a failure can be reproduced. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('reading plain heading lines without the Markdown parser', () => {
  it('gives exactly the nodes micromark gives, for headings with closing runs, trailing spaces, CRLF and no line end', () => {
    const lines = ['# Team meeting 2024-02-19\n', '## Agenda ##\n', '### foo #bar#  \n', '#\n', '# #\n', '#   \n', '#  x\r\n', '###### six', '## ü 😀 – (draft)\u00a0\n', '# a ## b ###   \n', '#### Notes: 1/2, 3+4=7 {x} ~y~ | z\n', '## Ops & IAM, Q&A, R&D!\n', '# Done! &\n'];
    const chunks = piecesOf(lines);
    assert.ok(chunks.every((c) => plainHeading(c)), 'each line is read directly');
    assert.deepEqual(parseChunks(chunks).children, byMicromark(chunks));
  });

  it('leaves to the parser what has inline syntax, tabs, or more than one line, with the same result', () => {
    // As in a document: the first piece may be anything, every other one opens with a heading.
    const lines = ['text before\n', '# *A*\n', '# a\\#\n', '# [x](y.md)\n', '#\tTab\n', '# A &amp; B\n', '# A &#35; B\n', '# A&#x23;\n', '# ![x](y.png)\n', '# `code`\n', '# a_b_\n', '# <b>x</b>\n', '# A\nmore text\n'];
    const chunks = piecesOf(lines);
    assert.deepEqual(
      chunks.map((c) => plainHeading(c)),
      lines.map(() => undefined),
    );
    assert.deepEqual(parseChunks(chunks).children, byMicromark(chunks));
    assert.deepEqual(['#NoSpace\n', '####### seven\n'].map((text) => plainHeading({ offset: 0, line: 0, text })), [undefined, undefined], 'no heading at all');
  });

  it('agrees with micromark on thousands of random heading lines, read alone and mixed with others', () => {
    const next = random(27);
    const alphabet = ['#', '#', '#', ' ', ' ', ' ', 'a', 'B', '1', '-', '*', '_', '\\', '`', '&', '[', ']', '!', '<', '>', '(', ')', '\t', 'é', '😀', '\u00a0', ':', '.', '='];
    const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
    for (let round = 0; round < 100; round++) {
      // Each piece opens a heading (as every piece after a document's first does), then anything.
      const lines = Array.from({ length: 10 }, () => {
        const body = Array.from({ length: Math.floor(next() * 12) }, () => pick(alphabet)).join('');
        return `${'#'.repeat(1 + Math.floor(next() * 6))}${body ? pick([' ', '\t']) : ''}${body}${pick(['\n', '\n', '\r\n', ''])}`;
      });
      const chunks = piecesOf(lines);
      assert.deepEqual(parseChunks(chunks).children, byMicromark(chunks), JSON.stringify(lines));
    }
  });
});
