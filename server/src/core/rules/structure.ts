import type { SectionNames } from '../config/types';
import { flatten } from '../model/parse';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { MinutesModel, Section, TeamEntry } from '../model/types';
import { appendLines, eol, insertAt, insertLinesBefore } from './edits';
import type { Rule, RuleFinding } from './types';

const SECTION_ORDER: Array<keyof SectionNames> = ['meta', 'updates', 'aob', 'projectUpdates'];

export const missingSection: Rule = {
  code: 'missing-section',
  defaultSeverity: 'warning',
  description: 'A section the roll-up must have (by default Meta, Team Updates and AOB) is absent, though the previous roll-up has it.',
  example: 'a roll-up without `## AOB` after one with it',
  check({ model, config, workspace, meetingDate }) {
    if (model.kind !== 'weekly') return [];
    const sections = flatten(model.sections);
    const present = new Set(sections.map((s) => s.role));
    // The layout as it stood: a section the series had already dropped is not missing.
    const previous = workspace && meetingDate ? workspace.previousWeekly(meetingDate, workspace.relativePath(model.uri)) : undefined;
    const previousRoles = previous && new Set(flatten(previous.model.sections).map((s) => s.role));
    return config.requiredSections
      .filter((role) => !present.has(role) && (!previousRoles || previousRoles.has(role)))
      .map((role): RuleFinding => {
        const name = config.sections[role][0];
        const edit = insertSection(model, role, name, sections);
        const since = previous ? `; the previous roll-up, ${previous.file.path}, has one` : '';
        // Offered, never applied unasked: an empty heading is a place to write, not a repair, and
        // adding it changes what the next roll-up's layout is judged against.
        return {
          message: `The roll-up has no "${name}" section${since}.`,
          range: placeOf(model, edit ? edit.range.start.line : model.lines.lineCount - 1),
          fixes: edit ? [{ title: `Add a "## ${name}" section`, edits: [edit] }] : undefined,
        };
      });
  },
};

/** Where a finding about something missing points: the line it would go before, else the last written line. */
function placeOf(model: MinutesModel, line: number): Range {
  let at = Math.min(line, model.lines.lineCount - 1);
  while (at > 0 && model.lines.lineText(at).trim() === '') at--;
  const text = model.lines.lineText(at);
  const indent = text.length - text.trimStart().length;
  return { start: { line: at, character: indent }, end: { line: at, character: text.trimEnd().length } };
}

/** Where a missing section goes: before the next well-known section, or before the teams it should hold. */
function insertSection(model: MinutesModel, role: keyof SectionNames, name: string, sections: Section[]): TextEdit | undefined {
  const nl = eol(model);
  const heading = `## ${name}${nl}${nl}`;
  // Teams standing without a group heading: the group goes before them, and so does Meta.
  const beforeTeams = role === 'updates' || (role === 'meta' && !model.updates?.section);
  const firstTeam = model.updates?.entries[0]?.section;
  // Teams written as `##` would need a level each under a `## Team Updates`: more than adding a heading.
  if (role === 'updates' && firstTeam && firstTeam.depth <= 2) return undefined;
  if (beforeTeams && firstTeam) return insertLinesBefore(model, firstTeam.startOffset, heading);
  const later = SECTION_ORDER.slice(SECTION_ORDER.indexOf(role) + 1);
  const next = sections.find((s) => s.depth === 2 && later.includes(s.role as keyof SectionNames));
  if (next) return insertLinesBefore(model, next.startOffset, heading);
  return appendLines(model, `## ${name}${nl}`);
}

export const headingLevel: Rule = {
  code: 'heading-level',
  defaultSeverity: 'warning',
  description: "A team or SIG heading's level differs from its siblings'.",
  example: '`## Team Container` among `### Team IaaS` and `### IAM SIG`',
  check({ model }) {
    const entries = model.updates?.entries ?? [];
    const expected = expectedDepth(model, entries);
    if (!expected) return [];
    return entries
      .filter((e) => e.section.depth !== expected)
      .map((e) => {
        const start = model.lines.offsetAt(e.section.headingRange.start);
        const hashes = model.text.indexOf('#', start);
        const edit =
          e.section.depth < expected
            ? insertAt(model, hashes, '#'.repeat(expected - e.section.depth))
            : { range: model.lines.range(hashes, hashes + e.section.depth - expected), newText: '' };
        // An underlined (setext) heading has no `#`s to add or remove: no fix is the safe answer.
        const atx = /^\s{0,3}#/u.test(model.lines.lineText(e.section.headingRange.start.line));
        return {
          message: `"${e.name}" is a level-${e.section.depth} heading; the other teams and SIGs are level ${expected} (${'#'.repeat(expected)}).`,
          range: e.section.headingRange,
          fixes: atx ? [{ title: `Make it a level-${expected} heading`, edits: [edit], preferred: true }] : undefined,
        };
      });
  },
};

/** One level below the group heading; without one, the level most teams use. */
function expectedDepth(model: MinutesModel, entries: TeamEntry[]): number | undefined {
  if (model.updates?.section) return model.updates.section.depth + 1;
  const counts = new Map<number, number>();
  for (const e of entries) counts.set(e.section.depth, (counts.get(e.section.depth) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  return ranked.length > 1 && ranked[0][1] > ranked[1][1] ? ranked[0][0] : undefined;
}

export const missingMinuteTaker: Rule = {
  code: 'missing-minute-taker',
  // A reminder: a new roll-up starts with an empty `- Minutes:` until someone volunteers.
  defaultSeverity: 'information',
  description: 'The Meta section names no minute taker.',
  example: '`## Meta` without `- Minutes: NAME`',
  check({ model }) {
    if (model.kind !== 'weekly' || !model.meta || model.meta.minuteTaker) return [];
    return [{ message: 'Meta names no minute taker; add "- Minutes: NAME".', range: model.meta.section.headingRange }];
  },
};
