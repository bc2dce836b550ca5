import type { RootContent } from 'mdast';
import type { LineIndex } from '../text/lineIndex';
import type { MinutesConfig, TeamConfig } from '../config/types';
import { readMinutesLine, type LinkConfig } from './minutesLine';
import { normalizeHeading, type SectionDraft } from './sections';
import type { MinutesLine, TeamEntry, TeamKind, UpdatesGroup } from './types';

export function teamKindOf(name: string, roster: TeamConfig[]): TeamKind {
  return groupKindOf(name, roster) ?? 'other';
}

/**
 * What kind of group a heading names, or undefined when it names none (a topic like "Lightning
 * talk"): roster entries, "Team X", "X SIG" / "SIG X" (in capitals: "New Sig Market" is news), and
 * working groups ("WG X").
 */
export function groupKindOf(name: string, roster: TeamConfig[]): TeamKind | undefined {
  const known = findRosterTeam(name, roster);
  if (known) return known.kind === 'group' || !known.kind ? 'other' : known.kind;
  if (/\bSIGs?\b/u.test(name)) return 'sig';
  if (/^team\b/iu.test(name)) return 'team';
  if (/\bWG\b|\bworking group\b/iu.test(name)) return 'other';
  return undefined;
}

export function findRosterTeam(name: string, roster: TeamConfig[]): TeamConfig | undefined {
  const key = normalizeHeading(name);
  return roster.find((team) => [team.name, ...(team.aliases ?? [])].some((n) => normalizeHeading(n) === key));
}

/**
 * The team and SIG sections of a weekly roll-up: the sub-sections of the updates group, plus
 * team and SIG sections that follow at a wrong level (a `##` among `###` siblings, and whatever
 * that pulled under it), which are still meant as team updates.
 */
export function readUpdatesGroup(
  drafts: SectionDraft[],
  text: string,
  lines: LineIndex,
  config: MinutesConfig,
  /** More team sections than this are listed without reading their minutes lines (no checks read them then). */
  limit = Infinity,
): UpdatesGroup | undefined {
  const entries = (teams: SectionDraft[]): TeamEntry[] =>
    teams.map((draft) => ({
      name: draft.section.title,
      kind: teamKindOf(draft.section.title, config.teams),
      section: draft.section,
      minutesLine: teams.length > limit ? undefined : findMinutesLine(draft.blocks, text, lines, config),
    }));
  const groupIndex = drafts.findIndex((d) => d.section.role === 'updates');
  if (groupIndex < 0) {
    // Pad-style roll-ups list the teams without a group heading: take every team or SIG section.
    const teams = drafts.filter((d) => d.section.depth > 1 && d.section.role === 'other' && groupKindOf(d.section.title, config.teams) !== undefined);
    return teams.length ? { entries: entries(teams) } : undefined;
  }
  const group = drafts[groupIndex].section;
  const teams: SectionDraft[] = [];
  const members = new Set(group.children);
  for (const draft of drafts.slice(groupIndex + 1)) {
    const { section } = draft;
    const looksLikeTeam = section.role === 'other' && groupKindOf(section.title, config.teams) !== undefined;
    if (section.depth <= group.depth && !looksLikeTeam) break;
    // A configured section (`### AOB`) nested in the group is that section, not a team called so.
    if ((members.has(section) && section.role === 'other') || looksLikeTeam) teams.push(draft);
  }
  return { section: group, entries: entries(teams) };
}

/** The first minutes line among a section's own blocks, looking into list items too. */
export function findMinutesLine(blocks: RootContent[], text: string, lines: LineIndex, config: LinkConfig): MinutesLine | undefined {
  let opening = true;
  for (const block of blocks) {
    for (const paragraph of leadingParagraphs(block)) {
      const line = readMinutesLine(paragraph, text, lines, config, opening);
      if (line) return line;
      opening = false;
    }
  }
  return undefined;
}

export function* leadingParagraphs(block: RootContent): Generator<import('mdast').Paragraph> {
  if (block.type === 'paragraph') yield block;
  else if (block.type === 'list') {
    for (const item of block.children) {
      const first = item.children[0];
      if (first?.type === 'paragraph') yield first;
    }
  }
}
