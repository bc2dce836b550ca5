import type { FeatureContext } from './context';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position, type Range } from 'vscode-languageserver-types';
import { dayNumber, formatDate, fromDayNumber, WEEKDAY_NAMES, weekday, type CalendarDate } from '../model/dates';
import type { MinutesModel, TeamEntry, TeamKind } from '../model/types';
import { flatten } from '../model/parse';
import { PARTICIPANTS_HEADING } from '../model/sections';
import { eol, fileUrl, folderUrl, linkedLine, pendingLine } from '../text/edits';
import { meetingDate } from '../workspace/meetingDate';
import { expectedTeams, isSameTeam, rollUpOrder } from '../workspace/roster';
import { folderTeamName } from '../workspace/names';
import { daysInWords, meetingWeekdayOf } from './dateFacts';
import { STALE_DAYS } from './teamOverview';
import { fileSummary, handlesIn, recentHandles, recentMinuteTakers } from './workspaceFacts';
import { entryAt, sectionAt } from './sectionAt';
import { seriesHeadings } from './seriesHeadings';

/** What completion reads besides the document. */
export type CompletionEnvironment = FeatureContext;

export const COMPLETION_TRIGGERS = [':', '@', '(', ' ', '#', '-'];

// What the text before the cursor says is being typed.
const MINUTES_VALUE = /^\s*(?:[-*+]\s+)?\(?\s*minutes\b[^:\n]{0,40}:\s*(\S*)$/iu;
const MARKDOWN_LINK_TARGET = /\[minutes\]\((\S*)$/iu;
const HEADING = /^(#{2,6})\s+(.*)$/u;
const PARTIAL_DATE = /(?<![\w-])(\d{4}(?:-\d{0,2}){0,2})$/u;
const HANDLE = /(?<![\w@./])@([\w-]*)$/u;

/** Completion items for what belongs at `position`: links, team headings, dates, handles, minute takers. */
export function completions(model: MinutesModel, position: Position, env: CompletionEnvironment): CompletionItem[] {
  if (model.kind === 'other') return [];
  const prefix = model.lines.lineText(position.line).slice(0, position.character);
  const typed = (length: number): Range => ({ start: { line: position.line, character: position.character - length }, end: position });
  const date = meetingDate(model, env.config, env.workspace, env.today) ?? env.today;

  const entry = model.kind === 'weekly' ? entryAt(model, position.line) : undefined;
  const linkTarget = MARKDOWN_LINK_TARGET.exec(prefix);
  if (entry && linkTarget) return minutesLinks(model, entry, date, env, typed(linkTarget[1].length), false);
  const value = MINUTES_VALUE.exec(prefix);
  if (value) {
    if (entry) return minutesLinks(model, entry, date, env, typed(value[1].length), true);
    if (sectionAt(model, position.line)?.role === 'meta') return minuteTakers(env, typed(value[1].length));
  }
  const heading = HEADING.exec(prefix);
  if (heading && model.kind === 'weekly') return teamHeadings(model, position.line, date, env, typed(heading[2].length));
  if (heading && model.kind === 'meeting') return seriesHeadings(model, heading[1].length, position.line, date, env, typed(heading[2].length));
  const handle = HANDLE.exec(prefix);
  if (handle && model.kind === 'meeting') return handles(model, env, typed(handle[1].length + 1), position.line);
  const partial = PARTIAL_DATE.exec(prefix);
  if (partial) return dates(model, date, env, typed(partial[1].length));
  return [];
}

function minutesLinks(model: MinutesModel, entry: TeamEntry, date: CalendarDate, env: CompletionEnvironment, range: Range, withPending: boolean): CompletionItem[] {
  const items: CompletionItem[] = [];
  const folder = env.workspace?.folderOf(entry, date);
  if (env.workspace && folder) {
    const files = env.workspace.index.filesIn(folder);
    // Newest on or before the meeting first; later minutes are no link for it (minutes-link-future).
    // A file whose name is found wrong (held a year later) is no minutes of that week.
    const held = (f: (typeof files)[number]) => dayNumber(env.workspace!.held.heldOn(f)) <= dayNumber(date);
    const onOrBefore = files.filter((f) => dayNumber(f.date!) <= dayNumber(date)).reverse();
    const shown: typeof files = [];
    for (const file of onOrBefore) if (shown.length < 8 && held(file)) shown.push(file);
    shown.forEach((file, rank) => {
      const url = fileUrl(env.config, file.path);
      // Minutes as old as the Teams view calls stale are no news of this meeting: say how old.
      const age = dayNumber(date) - dayNumber(file.date!);
      const old = age > STALE_DAYS ? `${daysInWords(age)} before the meeting` : undefined;
      items.push({
        label: file.path,
        labelDetails: { description: `${WEEKDAY_NAMES[weekday(file.date!)]}${rank === 0 ? ', latest' : ''}${old && rank === 0 ? `: ${old}` : ''}` },
        kind: CompletionItemKind.File,
        detail: `${entry.name} minutes of ${formatDate(file.date!)}${old ? `, ${old} (${formatDate(date)})` : ''}`,
        documentation: { kind: MarkupKind.Markdown, value: fileSummary(env.workspace!, file.path) },
        textEdit: { range, newText: url },
        filterText: url,
        sortText: String(rank).padStart(3, '0'),
        preselect: rank === 0,
      });
    });
  }
  if (withPending) {
    const pending = [folder ? `not available yet: ${folderUrl(env.config, folder)}` : undefined, 'none yet'].filter((t): t is string => !!t);
    pending.forEach((text, i) =>
      items.push({ label: text.split(':')[0], detail: 'the minutes are not there yet', kind: CompletionItemKind.Value, textEdit: { range, newText: text }, filterText: text, sortText: `9${i}` }),
    );
  }
  return items;
}

function teamHeadings(model: MinutesModel, line: number, date: CalendarDate, env: CompletionEnvironment, range: Range): CompletionItem[] {
  const group = model.updates?.section;
  const inGroup = group ? group.headingRange.start.line < line && line <= model.lines.positionAt(group.endOffset).line : !!entryAt(model, line);
  if (!inGroup || !env.workspace) return [];
  const present = (model.updates?.entries ?? []).filter((e) => e.section.headingRange.start.line !== line);
  const nl = eol(model);
  const self = env.workspace.relativePath(model.uri);
  const expected = expectedTeams(self, date, env.workspace, env.config);
  // The teams expected this week first; then the other teams of the previous roll-up (or roster),
  // so that a heading typed in the team group never falls back to words of the file.
  const seen = (t: { name: string; folder?: string }, among: Array<{ name: string; folder?: string }>) => among.some((e) => e.name === t.name || (t.folder !== undefined && e.folder === t.folder));
  const known = rollUpOrder(self, date, env.workspace, env.config, expected)
    .filter((t) => !seen(t, expected))
    .map((t) => ({ ...t, reason: 'in the previous roll-up, no minutes since' }));
  // Then every other team the repository knows by then: named in earlier roll-ups, or a team folder.
  const learned = [...env.workspace.learnedFolders(date)].sort((a, b) => b.lastDay - a.lastDay);
  const others: Array<{ name: string; kind: TeamKind; folder?: string; reason: string }> = [];
  for (const l of learned) if (!seen(l, [...expected, ...known, ...others])) others.push({ name: l.name, kind: l.kind, folder: l.folder, reason: `in earlier roll-ups (${l.folder}/)` });
  for (const folder of env.workspace.teamFolders(date)) {
    if (others.some((o) => o.folder === folder) || [...expected, ...known].some((t) => t.folder === folder) || learned.some((l) => l.folder === folder)) continue;
    const name = folderTeamName(folder);
    others.push({ name, kind: /^sig\b/iu.test(name) ? 'sig' : 'team', folder, reason: `team folder ${folder}/` });
  }
  const teams = [...expected, ...known, ...others];
  return teams
    .filter((team) => !present.some((e) => isSameTeam(e, team, env.workspace!, date)))
    .map((team, rank): CompletionItem => {
      const latest = team.folder ? env.workspace!.held.latestOnOrBefore(team.folder, date) : undefined;
      const line = latest ? linkedLine(model, fileUrl(env.config, latest.path)) : pendingLine(env.config, team.folder);
      return {
        label: team.name,
        kind: team.kind === 'sig' ? CompletionItemKind.Interface : CompletionItemKind.Class,
        detail: rank < expected.length ? `expected: ${team.reason}` : team.reason,
        textEdit: { range, newText: `${escapeSnippet(team.name)}${nl}${nl}${escapeSnippet(line)}${nl}${nl}$0` },
        insertTextFormat: InsertTextFormat.Snippet,
        filterText: team.name,
        sortText: String(rank).padStart(3, '0'),
      };
    });
}

function dates(model: MinutesModel, meeting: CalendarDate, env: CompletionEnvironment, range: Range): CompletionItem[] {
  const candidates: Array<{ date: CalendarDate; what: string }> = [{ date: meeting, what: 'meeting date' }];
  const step = (meetingWeekdayOf(model, env.config, meeting) - weekday(meeting) + 7) % 7 || 7;
  for (let i = 0; i < 3; i++) candidates.push({ date: fromDayNumber(dayNumber(meeting) + step + 7 * i), what: i === 0 ? 'next meeting' : 'a later meeting' });
  for (let d = dayNumber(env.today), found = 0; d < dayNumber(env.today) + 120 && found < 3; d++) {
    const holiday = env.calendar.holidayOn(fromDayNumber(d));
    if (holiday) {
      candidates.push({ date: holiday.date, what: holiday.name });
      found++;
    }
  }
  candidates.push({ date: env.today, what: 'today' });
  const seen = new Set<string>();
  return candidates.flatMap(({ date, what }, rank): CompletionItem[] => {
    const text = formatDate(date);
    if (seen.has(`${text}${what}`)) return [];
    seen.add(`${text}${what}`);
    const holiday = env.calendar.holidayOn(date);
    return [
      {
        label: text,
        labelDetails: { description: `${WEEKDAY_NAMES[weekday(date)]}, ${what}${holiday && what !== holiday.name ? ` (holiday: ${holiday.name})` : ''}` },
        kind: CompletionItemKind.Constant,
        textEdit: { range, newText: text },
        filterText: text,
        sortText: String(rank).padStart(3, '0'),
      },
    ];
  });
}

// An action item's owner being typed: `AI @`, `_AI @kim, @`, `TODO @`, `(AI @`.
const ACTION_OWNER = /(?:^|[\s(_*])(?:AI|TODO|action\s+item)\b[^@\n]*(?:@[\w-]+[,\s&]+)*$/iu;

function handles(model: MinutesModel, env: CompletionEnvironment, range: Range, line: number): CompletionItem[] {
  if (!env.workspace || model.path.folder === undefined) return [];
  // Who is listed already (but for the handle being typed) comes last: the next name is someone else's.
  const participants = flatten(model.sections).find((s) => PARTICIPANTS_HEADING.test(s.title));
  const lines = model.text.split(/\r\n?|\n/u);
  const from = participants ? participants.range.start.line : 0;
  const to = participants ? participants.range.end.line : lines.length;
  const listed = new Set(handlesIn(lines.filter((_, i) => i !== line && i >= from && i <= to).join('\n')));
  const found = recentHandles(env.workspace, model);
  // Whoever owns an action item (`AI @`) was at the meeting: those listed come first there.
  const owner = ACTION_OWNER.test(lines[line]?.slice(0, range.start.character) ?? '');
  const [first, then] = owner ? [found.filter((h) => listed.has(h.handle)), found.filter((h) => !listed.has(h.handle))] : [found.filter((h) => !listed.has(h.handle)), found.filter((h) => listed.has(h.handle))];
  const ranked = [...first, ...then];
  return ranked.map(({ handle, meetings, of }, rank) => ({
    label: `@${handle}`,
    kind: CompletionItemKind.Reference,
    detail: `${listed.has(handle) ? (owner ? 'at this meeting; ' : 'listed already; ') : ''}in ${meetings} of the last ${of} meetings`,
    textEdit: { range, newText: `@${handle}` },
    filterText: `@${handle}`,
    sortText: String(rank).padStart(3, '0'),
  }));
}

function minuteTakers(env: CompletionEnvironment, range: Range): CompletionItem[] {
  if (!env.workspace) return [];
  return recentMinuteTakers(env.workspace).map(({ name, times }, rank) => ({
    label: name,
    kind: CompletionItemKind.Reference,
    detail: `took the minutes ${times} time(s) recently`,
    textEdit: { range, newText: name },
    sortText: String(rank).padStart(3, '0'),
  }));
}

function escapeSnippet(text: string): string {
  return text.replace(/[$}\\]/gu, (c) => `\\${c}`);
}
