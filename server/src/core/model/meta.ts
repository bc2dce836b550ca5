import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../text/lineIndex';
import { leadingParagraphs } from './teams';
import type { SectionDraft } from './sections';
import type { MetaInfo } from './types';

// `Minutes: Jonas`, `Minute taker: Jonas`, `Protocol: Jonas`.
const TAKER = /^\s*(?:minutes|minute[-\s]?takers?|protocol|notes|minutes\s+by|notes\s+by)\s*:\s*(\S.*?)\s*$/iu;

export function readMeta(drafts: SectionDraft[], text: string, lines: LineIndex): MetaInfo | undefined {
  const draft = drafts.find((d) => d.section.role === 'meta');
  if (!draft) return undefined;
  for (const block of draft.blocks) {
    for (const paragraph of leadingParagraphs(block)) {
      const firstLine = toString(paragraph).split('\n')[0];
      const m = TAKER.exec(firstLine);
      if (!m) continue;
      const start = paragraph.position!.start.offset!;
      const source = text.slice(start, paragraph.position!.end.offset);
      const at = source.indexOf(m[1]);
      const nameStart = at >= 0 ? start + at : start;
      return { section: draft.section, minuteTaker: { name: m[1], range: lines.range(nameStart, nameStart + m[1].length) } };
    }
  }
  return { section: draft.section };
}
