import type { CalendarDate } from '../model/dates';
import type { CheckedModel, TeamEntry } from '../model/types';
import { flatten } from '../model/parse';
import { teamKindOf } from '../model/teams';
import { isSession, nameTokens, sameTeam } from '../workspace/names';
import { minutesLinesAdopted } from '../workspace/conventions';
import { expectedTeams, isSameTeam, rollUpOrder, type ExpectedTeam } from '../workspace/roster';
import type { MinutesWorkspace } from '../workspace/workspace';
import { appendLines, DOCUMENT_START, eol, fileUrl, insertAt, insertLinesBefore, linkedLine, pendingLine } from '../text/edits';
import type { Rule, RuleContext, RuleFinding } from './types';

export const missingTeam: Rule = {
  code: 'missing-team',
  defaultSeverity: 'warning',
  description: 'A team or SIG expected this week (configured roster, or inferred from the workspace) has no section.',
  example: 'no `### Team IaaS` although `iaas/20220928.md` is dated since the last roll-up',
  check(context) {
    const { model, workspace, meetingDate, config } = context;
    if (model.kind !== 'weekly' || !workspace || !meetingDate || !model.updates) return [];
    const entries = model.updates.entries;
    const selfPath = workspace.relativePath(model.uri);
    const expected = expectedTeams(selfPath, meetingDate, workspace, config);
    const order = rollUpOrder(selfPath, meetingDate, workspace, config, expected);
    const range = model.updates.section?.headingRange ?? model.title?.range ?? DOCUMENT_START;
    // A team may also stand deeper, inside another's section (`#### Team IAM` under `### Team Ops`).
    const nested = [...(model.updates.section?.children ?? []), ...entries.map((e) => e.section)]
      .flatMap((s) => flatten(s.children))
      .map((s) => ({ name: s.title, kind: teamKindOf(s.title, config.teams) }));
    return expected
      // A section nested elsewhere counts when it names the team or keeps its minutes folder then (a session in the SIG's folder).
      .filter((team) => !entries.some((e) => isSameTeam(e, team, workspace, meetingDate)) && !nested.some((s) => sameTeam(s, team) || (team.folder !== undefined && workspace.folderOf(s, meetingDate) === team.folder)))
      .map((team): RuleFinding => {
        const edit = insertTeam(context, team, order);
        return {
          message: `${team.name} has no section, but ${team.reason}.`,
          range,
          fixes: edit ? [{ title: `Add a section for ${team.name}`, edits: [edit], preferred: true }] : undefined,
        };
      });
  },
};

/** The new section goes after the team that precedes it in roll-up order, with its minutes line filled in. */
function insertTeam({ model, workspace, meetingDate, config }: RuleContext, team: ExpectedTeam, order: Array<{ name: string; kind: ExpectedTeam['kind']; folder?: string }>) {
  const entries = model.updates!.entries;
  const nl = eol(model);
  const depth = model.updates!.section ? model.updates!.section.depth + 1 : (entries[0]?.section.depth ?? 3);
  const latest = team.folder ? workspace!.held.latestOnOrBefore(team.folder, meetingDate!) : undefined;
  const recent = latest && team.folder && workspace!.held.between(team.folder, lastMeeting(workspace!, model, meetingDate!), meetingDate!).length;
  const line = recent ? linkedLine(model, fileUrl(config, latest.path)) : pendingLine(config, team.folder);
  const section = `${'#'.repeat(depth)} ${team.name}${nl}${nl}${line}${nl}${nl}`;

  const at = order.findIndex((o) => sameTeam(o, team) || (team.folder !== undefined && o.folder === team.folder));
  const before = order.slice(0, Math.max(0, at)).reverse();
  const previous = before.map((t) => entries.find((e) => isSameTeam(e, t, workspace!, meetingDate!))).find((e) => e);
  if (previous) {
    const end = previous.section.endOffset;
    return end >= model.text.length ? appendLines(model, section.trimEnd() + nl) : insertAt(model, end, section);
  }
  if (entries.length) return insertLinesBefore(model, entries[0].section.startOffset, section);
  const group = model.updates!.section;
  if (!group) return undefined;
  return group.endOffset >= model.text.length ? appendLines(model, section.trimEnd() + nl) : insertAt(model, group.endOffset, section);
}


/** Since when a team's minutes are this week's for the roll-up `model` of `date`. */
export function lastMeeting(workspace: MinutesWorkspace, model: CheckedModel, date: CalendarDate): CalendarDate {
  return workspace.lastMeetingBefore(date, workspace.relativePath(model.uri));
}

export const duplicateTeam: Rule = {
  code: 'duplicate-team',
  defaultSeverity: 'warning',
  description: 'A team or SIG has two sections.',
  example: '`### IAM SIG` and later `### SIG IAM`',
  check({ model }) {
    const entries = (model.updates?.entries ?? []).filter((e) => e.kind !== 'other');
    const findings: RuleFinding[] = [];
    // Comparing every pair is quadratic; beyond what any roll-up has, only identical names count.
    const fuzzy = entries.length <= 200;
    const seen = new Map<string, TeamEntry>();
    entries.forEach((entry, i) => {
      const key = `${entry.kind} ${isSession(entry.name)} ${nameTokens(entry.name).join(' ')}`;
      const first = seen.get(key) ?? (fuzzy ? entries.slice(0, i).find((e) => sameTeam(e, entry)) : undefined);
      if (!seen.has(key)) seen.set(key, entry);
      if (!first) return;
      findings.push({
        message: `"${entry.name}" is the same ${entry.kind === 'sig' ? 'SIG' : 'team'} as "${first.name}" above; merge the two sections.`,
        range: entry.section.headingRange,
        related: [{ uri: model.uri, range: first.section.headingRange, message: `first section of ${first.name}` }],
      });
    });
    return findings;
  },
};

export const missingMinutesLink: Rule = {
  code: 'missing-minutes-link',
  defaultSeverity: 'warning',
  description: 'A team or SIG section has no minutes line, or a blank `Minutes:`, though its minutes of that week exist.',
  example: '`### Team IaaS` followed directly by notes, when `iaas/20220928.md` is dated since the last roll-up',
  check({ model, workspace, meetingDate, config }) {
    if (model.kind !== 'weekly' || !workspace || !meetingDate) return [];
    const nl = eol(model);
    return (model.updates?.entries ?? [])
      // A blank `Minutes:` asks for its link; a section without one only once roll-ups had them.
      .filter((e) => e.minutesLine?.blank || (e.kind !== 'other' && !e.minutesLine && minutesLinesAdopted(e.kind, model, meetingDate, workspace)))
      .flatMap((entry): RuleFinding[] => {
        // Only where there is something to link: a group that did not meet (or has no minutes
        // folder yet, a SIG announced) has nothing missing.
        const folder = workspace.folderOf(entry, meetingDate);
        const recent = folder ? workspace.held.between(folder, lastMeeting(workspace, model, meetingDate), meetingDate).pop() : undefined;
        if (!recent) return [];
        const url = fileUrl(config, recent.path);
        const blank = entry.minutesLine;
        if (blank) {
          // Fill in the blank after its label, keeping the label as written.
          const { lines, text } = model;
          const start = lines.offsetAt(blank.range.start);
          const end = start + text.slice(start, lines.offsetAt(blank.range.end)).trimEnd().length;
          return [
            {
              message: `${entry.name} has a blank minutes line; ${recent.path} is its minutes of this week.`,
              range: lines.range(start, end),
              fixes: [{ title: `Link ${recent.path}`, edits: [insertAt(model, end, ` ${url}`)], preferred: true }],
            },
          ];
        }
        const at = model.lines.offsetAt(entry.section.headingRange.end);
        // A blank line after it too, or the line would run into the text under the heading.
        const next = entry.section.headingRange.end.line + 1;
        const after = next < model.lines.lineCount && model.lines.lineText(next).trim() !== '' ? nl : '';
        return [
          {
            message: `${entry.name} has no minutes line; ${recent.path} is its minutes of this week.`,
            range: entry.section.headingRange,
            fixes: [{ title: `Link ${recent.path}`, edits: [insertAt(model, at, `${nl}${nl}${linkedLine(model, url)}${after}`)], preferred: true }],
          },
        ];
      });
  },
};
