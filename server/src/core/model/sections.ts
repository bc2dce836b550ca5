import type { Heading, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../text/lineIndex';
import type { Section, SectionRole } from './types';
import { SECTION_ROLES, type SectionNames } from '../config/types';
import { normalizeHeading } from '../text/headings';

/** A section while parsing: the model's section plus the blocks it owns directly. */
export interface SectionDraft {
  section: Section;
  blocks: RootContent[];
}

/** The heading of the section that lists who was at a meeting (English and German). */
export const PARTICIPANTS_HEADING = /particip|attendees|teilnehm|anwesend/iu;

export { normalizeHeading };

export function roleOf(title: string, depth: number, names: SectionNames): SectionRole {
  if (depth === 1) return 'title';
  const key = normalizeHeading(title);
  const normalized = normalizedNames(names);
  for (const role of SECTION_ROLES) {
    if (normalized[role].has(key)) return role;
  }
  return 'other';
}

/** The config's section names, normalized once per config (asked for every heading of every version). */
function normalizedNames(names: SectionNames): Record<keyof SectionNames, Set<string>> {
  let normalized = normalizedByConfig.get(names);
  if (!normalized) {
    const of = (list: string[]) => new Set(list.map(normalizeHeading));
    normalized = Object.fromEntries(SECTION_ROLES.map((role) => [role, of(names[role])])) as Record<keyof SectionNames, Set<string>>;
    normalizedByConfig.set(names, normalized);
  }
  return normalized;
}

const normalizedByConfig = new WeakMap<SectionNames, Record<keyof SectionNames, Set<string>>>();

/** Builds the heading tree from the flat block list mdast gives for a document. */
export function buildSections(
  blocks: RootContent[],
  text: string,
  lines: LineIndex,
  names: SectionNames,
): { roots: Section[]; drafts: SectionDraft[] } {
  const roots: Section[] = [];
  const drafts: SectionDraft[] = [];
  const open: SectionDraft[] = [];

  const close = (draft: SectionDraft, endOffset: number) => {
    draft.section.endOffset = endOffset;
    // Never back over the heading itself: its range must contain its heading (the outline needs that).
    draft.section.range = lines.range(draft.section.startOffset, trimEnd(text, draft.section.contentOffset, endOffset));
  };

  for (const block of blocks) {
    if (block.type === 'heading' && block.position) {
      const start = block.position.start.offset!;
      while (open.length && open[open.length - 1].section.depth >= block.depth) close(open.pop()!, start);
      const draft = { section: newSection(block, text, lines, names), blocks: [] };
      drafts.push(draft);
      if (open.length) open[open.length - 1].section.children.push(draft.section);
      else roots.push(draft.section);
      open.push(draft);
    } else if (open.length) {
      open[open.length - 1].blocks.push(block);
    }
  }
  while (open.length) close(open.pop()!, text.length);
  return { roots, drafts };
}

function newSection(heading: Heading, text: string, lines: LineIndex, names: SectionNames): Section {
  const start = heading.position!.start.offset!;
  const end = heading.position!.end.offset!;
  const title = toString(heading).trim();
  return {
    title,
    depth: heading.depth,
    role: roleOf(title, heading.depth, names),
    headingRange: lines.range(start, end),
    range: lines.range(start, end),
    startOffset: start,
    endOffset: end,
    contentOffset: end,
    children: [],
  };
}

/** Sections end before the blank lines that separate them from the next heading. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /\s/u.test(text[end - 1])) end--;
  return end;
}
