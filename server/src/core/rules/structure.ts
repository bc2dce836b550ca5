import { sectionRoleOf } from '../config/series';
import { SECTION_ROLES, type MinutesConfig, type SectionNames, type SectionRoleKey } from '../config/types';
import { dayNumber, type CalendarDate } from '../model/dates';
import { flatten } from '../model/parse';
import { normalizeHeading, sameHeading } from '../text/headings';
import type { MinutesWorkspace } from '../workspace/workspace';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { CheckedModel, Section, TeamEntry } from '../model/types';
import { appendLines, eol, insertAt } from '../text/edits';
import type { Rule, RuleFinding } from './types';

export const missingSection: Rule = {
  code: 'missing-section',
  defaultSeverity: 'warning',
  description: "A section its series' minutes must have (a roll-up's by default Meta, Team Updates and AOB) is absent, though the series' previous minutes have it.",
  example: 'a roll-up without `## AOB` after one with it',
  check({ model, config, workspace, meetingDate }) {
    // `20221011-workshop.md` and the like are notes of a special session, with a layout of their own.
    if (model.kind === 'other' || model.dated?.suffixed) return [];
    const required = requiredSectionsOf(model, config);
    if (!required.length) return [];
    const sections = flatten(model.sections);
    // The layout as it stood: a section the series had already dropped is not missing.
    const previous = workspace && meetingDate ? previousOf(model, workspace, meetingDate) : undefined;
    const previousSections = previous && flatten(previous.sections);
    const missing = required.filter((name) => !hasSection(sections, name, config.sections) && (!previousSections || hasSection(previousSections, name, config.sections)));
    if (!missing.length) return [];
    // One cause, one finding: minutes written without the template's headings miss them all at once.
    const names = missing.map((name) => {
      const role = sectionRoleOf(name, config.sections);
      return role ? config.sections[role][0] : name;
    });
    const places = missing.map((name) => {
      const role = sectionRoleOf(name, config.sections);
      return role ? sectionPlace(model, role, sections) : namedSectionPlace(model, name, required, sections, config.sections);
    });
    const edits = headingEdits(model, names, places);
    const first = places.find((p) => p !== undefined);
    const line = first ? model.lines.positionAt(first.offset).line : (model.updates?.entries[0]?.section.headingRange.start.line ?? model.lines.lineCount - 1);
    const quoted = names.map((n) => `"${n}"`);
    const one = names.length === 1;
    const weekly = model.kind === 'weekly';
    const what = weekly ? 'The roll-up has' : 'These minutes have';
    const since = previous ? `; the previous ${weekly ? 'roll-up' : 'minutes of the series'}, ${previous.path}, ${weekly ? 'has' : 'have'} ${one ? 'one' : 'them'}` : '';
    const headings = names.filter((_, i) => places[i]).map((n) => `"## ${n}"`);
    // Offered, never applied unasked: an empty heading is a place to write, not a repair, and
    // adding it changes what the next minutes' layout is judged against.
    const finding: RuleFinding = {
      message: one ? `${what} no ${quoted[0]} section${since}.` : `${what} no ${listed(quoted)} sections${since}.`,
      range: placeOf(model, line),
      fixes: edits.length ? [{ title: one ? `Add a ${headings[0]} section` : `Add the ${listed(headings)} section${headings.length > 1 ? 's' : ''}`, edits }] : undefined,
    };
    return [finding];
  },
};

/** "A", "A and B", "A, B and C". */
function listed(items: string[]): string {
  return items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** The headings the minutes' series requires; a roll-up found by its title alone has the first roll-up series'. */
function requiredSectionsOf(model: CheckedModel, config: MinutesConfig): string[] {
  if (model.dated?.seriesConfig && (model.kind !== 'weekly' || model.dated.weekly)) return model.dated.seriesConfig.requiredSections;
  return model.kind === 'weekly' ? (config.series.find((s) => s.kind === 'rollup')?.requiredSections ?? []) : [];
}

/** Whether one of the sections is the one named: by its role for the well-known ones (any of their names), else by its heading. */
function hasSection(sections: Section[], name: string, names: SectionNames): boolean {
  const role = sectionRoleOf(name, names);
  if (role) return sections.some((s) => s.role === role);
  const wanted = normalizeHeading(name);
  return sections.some((s) => {
    const heading = normalizeHeading(s.title);
    return sameHeading(heading, wanted) || (heading.startsWith(wanted) && /^[^\p{L}\p{N}]/u.test(heading.slice(wanted.length)));
  });
}

/** The series' previous minutes as far as their sections go: the previous roll-up, or the previous file of the series. */
function previousOf(model: CheckedModel, workspace: MinutesWorkspace, date: CalendarDate): { path: string; sections: Section[] } | undefined {
  const path = workspace.relativePath(model.uri);
  if (model.kind === 'weekly') {
    const previous = workspace.previousWeekly(date, path);
    return previous && { path: previous.file.path, sections: previous.model.sections };
  }
  const series = path !== undefined ? workspace.index.file(path)?.folder : undefined;
  if (series === undefined) return undefined;
  const before = workspace.index.filesIn(series).filter((f) => f.path !== path && dayNumber(f.date!) < dayNumber(date));
  // The latest earlier file that is minutes (a slide deck or a README-like file has no layout to keep).
  for (let i = before.length - 1; i >= Math.max(0, before.length - 3); i--) {
    const outline = workspace.outline(before[i].path);
    if (outline && outline.kind !== 'other') return { path: before[i].path, sections: outline.sections };
  }
  return undefined;
}

/** Where a finding about something missing points: the line it would go before, else the last written line. */
function placeOf(model: CheckedModel, line: number): Range {
  let at = Math.min(line, model.lines.lineCount - 1);
  while (at > 0 && model.lines.lineText(at).trim() === '') at--;
  const text = model.lines.lineText(at);
  const indent = text.length - text.trimStart().length;
  return { start: { line: at, character: indent }, end: { line: at, character: text.trimEnd().length } };
}

/** Where a missing section's heading goes: before a line (its offset), or at the end. */
interface Place {
  offset: number;
  append: boolean;
}

const lineStart = (model: CheckedModel, offset: number) => model.lines.offsetAt({ line: model.lines.positionAt(offset).line, character: 0 });

/** Where a missing well-known section goes: before the next well-known section, or before the teams it should hold. */
function sectionPlace(model: CheckedModel, role: SectionRoleKey, sections: Section[]): Place | undefined {
  // Teams standing without a group heading: the group goes before them, and so does Meta.
  const beforeTeams = role === 'updates' || (role === 'meta' && !model.updates?.section);
  const firstTeam = model.updates?.entries[0]?.section;
  // Teams written as `##` would need a level each under a `## Team Updates`: more than adding a heading.
  if (role === 'updates' && firstTeam && firstTeam.depth <= 2) return undefined;
  if (beforeTeams && firstTeam) return { offset: lineStart(model, firstTeam.startOffset), append: false };
  const later = SECTION_ROLES.slice(SECTION_ROLES.indexOf(role) + 1);
  const next = sections.find((s) => s.depth === 2 && (later as readonly string[]).includes(s.role));
  if (next) return { offset: lineStart(model, next.startOffset), append: false };
  return { offset: model.text.length, append: true };
}

/** Where a required section without a role goes: before the next required one that is there, else at the end. */
function namedSectionPlace(model: CheckedModel, name: string, required: string[], sections: Section[], names: SectionNames): Place {
  const later = required.slice(required.indexOf(name) + 1);
  const next = sections.find((s) => s.depth >= 2 && later.some((n) => hasSection([s], n, names)));
  return next ? { offset: lineStart(model, next.startOffset), append: false } : { offset: model.text.length, append: true };
}

/** The edits that add the headings, those going to one place as one edit, in the order they were required. */
function headingEdits(model: CheckedModel, names: string[], places: Array<Place | undefined>): TextEdit[] {
  const nl = eol(model);
  const byPlace = new Map<string, { place: Place; names: string[] }>();
  names.forEach((name, i) => {
    const place = places[i];
    if (!place) return;
    const key = `${place.offset}|${place.append}`;
    const group = byPlace.get(key) ?? { place, names: [] };
    group.names.push(name);
    byPlace.set(key, group);
  });
  return [...byPlace.values()].map(({ place, names: here }) =>
    place.append ? appendLines(model, here.map((n) => `## ${n}${nl}`).join(nl)) : insertAt(model, place.offset, here.map((n) => `## ${n}${nl}${nl}`).join('')),
  );
}

export const headingLevel: Rule = {
  code: 'heading-level',
  defaultSeverity: 'warning',
  description: "Team or SIG headings at another level than the team group expects (one finding per run of them).",
  example: '`## Team Container` among `### Team IaaS` and `### IAM SIG`',
  check({ model }) {
    const entries = model.updates?.entries ?? [];
    const expected = expectedDepth(model, entries);
    if (!expected) return [];
    const group = model.updates?.section;
    const why = group ? `team sections under "${group.title}" (${'#'.repeat(group.depth)}) are level ${expected} (${'#'.repeat(expected)})` : `most teams and SIGs here are level ${expected} (${'#'.repeat(expected)})`;
    // Consecutive misplaced headings are one mistake (a `##` typed once and carried on), reported once.
    const runs: TeamEntry[][] = [];
    entries.forEach((e, i) => {
      if (e.section.depth === expected) return;
      const last = runs[runs.length - 1];
      if (last && entries[i - 1] === last[last.length - 1] && last[0].section.depth === e.section.depth) last.push(e);
      else runs.push([e]);
    });
    return runs.map((run) => {
      const [first] = run;
      const depth = first.section.depth;
      const others = run.length - 1;
      const after = others === 1 ? 'the team section' : `the ${others} team sections`;
      const what = others ? `"${first.name}" and ${after} after it are` : `"${first.name}" is`;
      // An underlined (setext) heading has no `#`s to add or remove: no fix is the safe answer.
      const atx = run.every((e) => /^\s{0,3}#/u.test(model.lines.lineText(e.section.headingRange.start.line)));
      return {
        message: `${what} level ${depth} (${'#'.repeat(depth)}); ${why}.`,
        range: first.section.headingRange,
        related: run.slice(1).map((e) => ({ uri: model.uri, range: e.section.headingRange, message: `"${e.name}", level ${depth}` })),
        fixes: atx ? [{ title: others ? `Make them level-${expected} headings` : `Make it a level-${expected} heading`, edits: run.map((e) => relevel(model, e, expected)), preferred: true }] : undefined,
      };
    });
  },
};

/** The edit that gives a team's ATX heading `expected` `#`s. */
function relevel(model: CheckedModel, entry: TeamEntry, expected: number): TextEdit {
  const start = model.lines.offsetAt(entry.section.headingRange.start);
  const hashes = model.text.indexOf('#', start);
  const depth = entry.section.depth;
  return depth < expected ? insertAt(model, hashes, '#'.repeat(expected - depth)) : { range: model.lines.range(hashes, hashes + depth - expected), newText: '' };
}

/** One level below the group heading; without one, the level most teams use. */
function expectedDepth(model: CheckedModel, entries: TeamEntry[]): number | undefined {
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
