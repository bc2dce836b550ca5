import * as assert from 'node:assert/strict';
import { splitAtHeadings } from '../../server/src/core/model/chunks';
import { ChunkCache, parseMarkdown, parseWhole } from '../../server/src/core/model/markdown';
import { parseMinutes, parseMinutesOutline } from '../../server/src/core/model/parse';
import { DEFAULT_CONFIG } from '../../server/src/core';

const pieces = (text: string) => splitAtHeadings(text).map((c) => c.text);

describe('splitting a document at its headings', () => {
  it('splits before each `#` heading at the start of a line', () => {
    assert.deepEqual(pieces('# A\ntext\n## B\n- x\n### C'), ['# A\ntext\n', '## B\n- x\n', '### C']);
  });

  it('never splits inside fenced code, front matter, or where HTML or link definitions could span headings', () => {
    assert.deepEqual(pieces('# A\n```\n# not a heading\n```\n# B'), ['# A\n```\n# not a heading\n```\n', '# B']);
    assert.deepEqual(pieces('# A\n~~~~\n# no\n~~~\n# still code\n~~~~\n# B'), ['# A\n~~~~\n# no\n~~~\n# still code\n~~~~\n', '# B']);
    assert.deepEqual(pieces('---\n# yaml comment\ntype: slide\n---\n# A'), ['---\n# yaml comment\ntype: slide\n---\n', '# A']);
    assert.equal(pieces('# A\n<details>\n# B\n</details>').length, 1);
    assert.equal(pieces('# A\n[x]: https://example.org\n# B\n[link][x]').length, 1);
    assert.equal(pieces('# A\n<!-- a comment\n# still the comment\n-->\n# B').length, 1, 'a comment over several lines');
  });

  it('splits around an HTML comment that closes on its own line, as pads carry them', () => {
    const text = '# A\n<!-- GitHub handles preferred -->\n- @kim\n# B\ntext';
    assert.deepEqual(pieces(text), ['# A\n<!-- GitHub handles preferred -->\n- @kim\n', '# B\ntext']);
    assert.deepEqual(JSON.parse(JSON.stringify(parseMarkdown(text, new ChunkCache()))), JSON.parse(JSON.stringify(parseWhole(text))));
  });

  it('splits around lines that open with an autolink or a lone `<`, which start no HTML block', () => {
    const text = '# A\n<https://example.org/board>\n< @kim\n# B\n  <mailto:kim@example.org>\n# C\n<div>\n# D';
    assert.deepEqual(pieces(text.slice(0, text.indexOf('<div>'))), ['# A\n<https://example.org/board>\n< @kim\n', '# B\n  <mailto:kim@example.org>\n', '# C\n']);
    assert.equal(pieces(text).length, 1, 'an HTML tag still keeps the document whole');
    assert.deepEqual(JSON.parse(JSON.stringify(parseMarkdown(text.slice(0, text.indexOf('<div>')), new ChunkCache()))), JSON.parse(JSON.stringify(parseWhole(text.slice(0, text.indexOf('<div>'))))));
  });

  it('does not split at indented or hashtag-like lines', () => {
    assert.deepEqual(pieces('# A\n- item\n  # heading in the item\n#hashtag'), ['# A\n- item\n  # heading in the item\n#hashtag']);
  });

  it('gives the same tree as a whole-document parse, with CRLF too', () => {
    for (const text of ['---\n# yaml\n---\n# A', '# A\r\n\r\n- x\r\n  - y\r\n# B\r\ntext', 'para\n# B\nSetext\n---\n# C\n> quote\n# D', '']) {
      assert.deepEqual(JSON.parse(JSON.stringify(parseMarkdown(text, new ChunkCache()))), JSON.parse(JSON.stringify(parseWhole(text))), JSON.stringify(text));
    }
  });
});

describe('reusing parsed sections while typing', () => {
  it('moves the unchanged sections after an edit to their new place, as a fresh parse would put them', () => {
    const before = '# A\n\n- one\n\n## B\n\n- [x](https://example.org)\n\n## C\n\ntext\n';
    const cache = new ChunkCache();
    parseMarkdown(before, cache);
    for (const after of [before.replace('- one', '- one and two\n- three'), before.replace('# A', '# AA'), before.replace('text', 'more text')]) {
      assert.deepEqual(JSON.parse(JSON.stringify(parseMarkdown(after, cache))), JSON.parse(JSON.stringify(parseWhole(after))), after);
    }
  });
});

describe('the pieces kept between versions', () => {
  it('are all reused but the edited one, and no piece stands in two places (equal sections get nodes of their own)', () => {
    const before = '# A\n\ntext\n\n## B\n\nsame\n\n## B\n\nsame\n\n## C\n\nend\n';
    const cache = new ChunkCache();
    parseMarkdown(before, cache);
    const earlier = cache.pieces.map((p) => p.parsed);
    const root = parseMarkdown(before.replace('end', 'the end'), cache);
    assert.deepEqual(cache.pieces.map((p) => earlier.includes(p.parsed)), [true, true, true, false]);
    assert.equal(new Set(cache.pieces.map((p) => p.parsed)).size, 4);
    const sames = root.children.filter((n) => n.type === 'paragraph');
    assert.equal(sames.length, 4);
    assert.notEqual(sames[1], sames[2]);
    // A section moved elsewhere is found by its text.
    const moved = parseMarkdown('# A\n\ntext\n\n## C\n\nthe end\n## B\n\nsame\n\n## B\n\nsame\n\n', cache);
    assert.ok(cache.pieces.every((p) => earlier.includes(p.parsed) || p.text.includes('the end')));
    assert.deepEqual(JSON.parse(JSON.stringify(moved)), JSON.parse(JSON.stringify(parseWhole('# A\n\ntext\n\n## C\n\nthe end\n## B\n\nsame\n\n## B\n\nsame\n\n'))));
  });
});

describe('documents whose fences may belong to list items', () => {
  it('are parsed whole, as an indented fence decides where its code ends', () => {
    const text = '- item\n\n   ```\n# x\n   ```\n\n# B';
    assert.equal(splitAtHeadings(text).length, 1);
    assert.deepEqual(JSON.parse(JSON.stringify(parseMarkdown(text, new ChunkCache()))), JSON.parse(JSON.stringify(parseWhole(text))));
  });
});

describe('the outline of a document (its headings alone)', () => {
  const outlineAndWhole = (text: string) => {
    const doc = { uri: 'file:///r/team/20240219.md', version: 1, text };
    return [parseMinutesOutline(doc, DEFAULT_CONFIG), parseMinutes(doc, DEFAULT_CONFIG)];
  };

  it('has the sections and title of a whole parse where a piece holds a setext or indented heading, or the document is one piece', () => {
    const texts = [
      '# Team 2024-02-19\n\n## Agenda\n\n- a\n\nDecisions\n---------\n\ntext\n\n## Next\n\n- b\n',
      '---\ntitle: x\n---\n# Team 2024-02-19\n\nIntro\n=====\n\n## Notes\n',
      '# Team 2024-02-19\r\n\r\n## A\r\n\r\n  ### Indented\r\n\r\ntext\r\n## B\r\n',
      'Meeting 2024-02-19\n==================\n\n# Later\n\n## Notes\n',
      // A thematic break after a blank line, and a setext heading in the same piece.
      '# Team 2024-02-19\n\ntext\n\n---\n\nDecisions\n-\n\n## Next\n\n- a\n-\n- b\n',
      // A line of text ending in a no-break space is not blank: the dashes under it underline it.
      '# Team 2024-02-19\n\nNotes\u00a0\n---\n\n## Next\n',
      // In one piece: HTML whose `#` line is no heading, or no heading at all.
      '# Team 2024-02-19\n<details>\n# not a heading\n</details>\n\n## Notes\n',
      'Notes of 2024-02-19, no heading\n',
    ];
    for (const text of texts) {
      const [outline, whole] = outlineAndWhole(text);
      assert.equal(outline.partial, true, text);
      assert.deepEqual(outline.sections, whole.sections, text);
      assert.deepEqual(outline.title, whole.title, text);
    }
  });

  it('reads a document whole when a piece to be read whole is input the parser must not run on', () => {
    const hostile = `# Team 2024-02-19\n\n## Log\n\nText\n---\n${'line\n'.repeat(2_100)}`;
    const [outline] = outlineAndWhole(hostile);
    assert.equal(outline.partial, undefined);
    assert.match(outline.notFullyRead ?? '', /lines without a blank line/u);
  });
});
