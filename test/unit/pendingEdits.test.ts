import * as assert from 'node:assert/strict';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyByLines, pendingEdits } from '../../server/src/lsp/pendingEdits';

// The server keeps a burst of edits until the text is read, then applies them line by line: the
// text must be what applying each edit as it came (TextDocument.update) gives, whatever the edits.

/** A small deterministic random source: the same edits on every run. */
function random(seed: number): () => number {
  return () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const PIECES = ['x', 'word ', '\n', '\r\n', '\r', '- item\n  - nested\n', '', '# Heading\r\n\r\n'];

function randomEdit(next: () => number, document: TextDocument): TextDocumentContentChangeEvent {
  const position = () => ({ line: Math.floor(next() * (document.lineCount + 2)) - 1, character: Math.floor(next() * 12) - 1 });
  const text = Array.from({ length: Math.floor(next() * 3) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
  return { range: { start: position(), end: position() }, text };
}

describe('edits kept until the text is read', () => {
  it('give the text that applying each as it came gives, with line breaks of every kind, ranges past the end and backwards', () => {
    for (let run = 0; run < 200; run++) {
      const next = random(run + 1);
      const start = 'line one\r\nline two\nline three\rlast';
      const reference = TextDocument.create('file:///x.md', 'markdown', 1, start);
      const changes: TextDocumentContentChangeEvent[] = [];
      for (let i = 0, count = 1 + Math.floor(next() * 30); i < count; i++) {
        const change = randomEdit(next, reference);
        changes.push(change);
        TextDocument.update(reference, [change], i + 2);
      }
      assert.equal(applyByLines(start, changes), reference.getText(), `run ${run}: ${JSON.stringify(changes)}`);
    }
  });

  it('leave a document that answers as one updated edit by edit, at the newest version', () => {
    const next = random(7);
    const reference = TextDocument.create('file:///x.md', 'markdown', 1, '# A\n\n- one\n- two\n');
    const kept = pendingEdits.create('file:///x.md', 'markdown', 1, '# A\n\n- one\n- two\n');
    for (let version = 2; version < 60; version++) {
      const change = randomEdit(next, reference);
      TextDocument.update(reference, [change], version);
      pendingEdits.update(kept, [change], version);
      assert.equal(kept.version, version);
    }
    assert.equal(kept.getText(), reference.getText());
    assert.equal(kept.lineCount, reference.lineCount);
    assert.deepEqual(kept.positionAt(17), reference.positionAt(17));
  });
});
