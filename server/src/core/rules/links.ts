import { dayNumber, formatDate, MOVED_MEETING_DAYS } from '../model/dates';
import type { LinkTarget, MinutesLine, TeamEntry } from '../model/types';
import type { IndexedFile } from '../workspace/minutesIndex';
import { sameTeam } from '../workspace/names';
import { DOCUMENT_START, fileUrl, linkedLine, minimalReplace, minutesLinkSpan, pendingLine } from '../text/edits';
import { lastMeeting } from './teams';
import type { Fix, Rule, RuleContext, RuleFinding } from './types';


/** The entries with a link into the repository, when there is a repository of team folders to check against. */
function linkedEntries({ model, workspace }: RuleContext): Array<TeamEntry & { minutesLine: MinutesLine & { target: LinkTarget } }> {
  if (model.kind !== 'weekly' || !workspace?.hasTeamFolders()) return [];
  return (model.updates?.entries ?? []).filter((e) => e.minutesLine?.state === 'linked' && e.minutesLine.target?.fileName && e.minutesLine.urlRange) as never;
}

function relinkFix(context: RuleContext, line: MinutesLine, file: IndexedFile, preferred = true): Fix {
  return { title: `Link ${file.path}`, edits: [minimalReplace(context.model, line.urlRange!, fileUrl(context.config, file.path))], preferred };
}

function related(context: RuleContext, file: IndexedFile, message: string) {
  return [{ uri: context.workspace!.uriOf(file.path), range: DOCUMENT_START, message }];
}

export const linkNotFound: Rule = {
  code: 'minutes-link-not-found',
  defaultSeverity: 'warning',
  description: 'The linked minutes file does not exist in the workspace.',
  example: '`Minutes: .../iaas/20220927.md` when only `iaas/20220928.md` exists',
  check(context) {
    const { workspace, meetingDate } = context;
    return linkedEntries(context).flatMap((entry): RuleFinding[] => {
      const { target } = entry.minutesLine;
      const index = workspace!.index;
      if (!target.missingExtension && index.has(target.path)) return [];
      if (target.missingExtension && index.has(`${target.path}.md`)) {
        // `.md` goes before a `?query` or `#fragment`, not at the end of the URL.
        const { lines } = context.model;
        const url = entry.minutesLine.url!;
        const at = lines.positionAt(lines.offsetAt(entry.minutesLine.urlRange!.start) + url.search(/[?#]|$/u));
        return [{ message: `The link to ${target.path}.md lacks ".md".`, range: entry.minutesLine.urlRange!, fixes: [{ title: 'Add ".md"', edits: [{ range: { start: at, end: at }, newText: '.md' }], preferred: true }] }];
      }
      if (!index.hasFolder(target.folder)) {
        return [{ message: `${target.path} does not exist: there is no folder "${target.folder}" in this repository.`, range: entry.minutesLine.urlRange! }];
      }
      const reference = target.date?.date ?? meetingDate;
      const candidate = reference && meetingDate ? workspace!.held.latestOnOrBefore(target.folder, dayNumber(reference) <= dayNumber(meetingDate) ? meetingDate : reference) : undefined;
      const since = meetingDate && lastMeeting(workspace!, context.model, meetingDate);
      // A link a day or two off names the meeting it meant (`iaas/20221004.md` for `iaas/20221005.md`).
      const meant = candidate && target.date?.date && Math.abs(dayNumber(candidate.date!) - dayNumber(target.date.date)) <= MOVED_MEETING_DAYS;
      if (candidate && since && !meant && dayNumber(candidate.date!) <= dayNumber(since)) {
        // The team met without minutes: last week's file, which the last roll-up linked, would be wrong.
        const span = minutesLinkSpan(context.model, entry.minutesLine);
        const pending = pendingLine(context.config, target.folder);
        return [
          {
            message: `${target.path} does not exist, and no ${entry.name} minutes are dated since the last roll-up (${formatDate(since)}).`,
            range: entry.minutesLine.urlRange!,
            fixes: span ? [{ title: 'Say the minutes are not available yet', edits: [minimalReplace(context.model, span, pending)], preferred: true }] : undefined,
          },
        ];
      }
      const suggestion = candidate ? `; ${candidate.path} is the ${entry.name} minutes of that week` : '';
      return [
        {
          message: `${target.path} does not exist${suggestion}.`,
          range: entry.minutesLine.urlRange!,
          fixes: candidate ? [relinkFix(context, entry.minutesLine, candidate)] : undefined,
          related: candidate ? related(context, candidate, `${entry.name} minutes`) : undefined,
        },
      ];
    });
  },
};

export const linkOutdated: Rule = {
  code: 'minutes-link-outdated',
  defaultSeverity: 'warning',
  description: 'A newer minutes file of that team exists, dated on or before the meeting.',
  example: '`Minutes: .../iaas/20220801.md` when `iaas/20220803.md` exists and the meeting is on 2022-08-04',
  check(context) {
    const { workspace, meetingDate } = context;
    if (!meetingDate) return [];
    return linkedEntries(context).flatMap((entry): RuleFinding[] => {
      const { target, moreTargets = [] } = entry.minutesLine;
      const linked = [target, ...moreTargets].filter((t) => t.folder === target.folder && t.date?.date && workspace!.index.has(t.path));
      if (!linked.length || linked.length < 1 + moreTargets.filter((t) => t.folder === target.folder).length) return [];
      const newestLinked = Math.max(...linked.map((t) => dayNumber(t.date!.date!)));
      if (newestLinked > dayNumber(meetingDate)) return [];
      const latest = workspace!.held.latestOnOrBefore(target.folder, meetingDate);
      if (!latest || dayNumber(latest.date!) <= newestLinked) return [];
      return [
        {
          message: `${target.path} is not the latest ${entry.name} minutes: ${latest.path} is dated ${formatDate(latest.date!)}, on or before the meeting (${formatDate(meetingDate)}).`,
          range: entry.minutesLine.urlRange!,
          fixes: moreTargets.length ? undefined : [relinkFix(context, entry.minutesLine, latest)],
          related: related(context, latest, `newer ${entry.name} minutes`),
        },
      ];
    });
  },
};

export const linkFuture: Rule = {
  code: 'minutes-link-future',
  defaultSeverity: 'warning',
  description: 'The linked minutes are dated after the meeting.',
  example: '`Minutes: .../iaas/20221005.md` in the roll-up of 2022-09-29',
  check(context) {
    const { workspace, meetingDate } = context;
    if (!meetingDate) return [];
    return linkedEntries(context).flatMap((entry): RuleFinding[] => {
      const { target } = entry.minutesLine;
      if (!target.date?.date || dayNumber(target.date.date) <= dayNumber(meetingDate)) return [];
      const latest = workspace!.held.latestOnOrBefore(target.folder, meetingDate);
      return [
        {
          message: `${target.path} is dated after the meeting (${formatDate(meetingDate)})${latest ? `; ${latest.path} is the latest before it` : ''}.`,
          range: entry.minutesLine.urlRange!,
          fixes: latest ? [relinkFix(context, entry.minutesLine, latest)] : undefined,
        },
      ];
    });
  },
};

export const linkWrongTeam: Rule = {
  code: 'minutes-link-wrong-team',
  defaultSeverity: 'warning',
  description: "The link points into another team's folder.",
  example: '`### Team IaaS` with `Minutes: .../container/20220926.md`',
  check(context) {
    const { workspace, meetingDate } = context;
    return linkedEntries(context).flatMap((entry): RuleFinding[] => {
      const { target } = entry.minutesLine;
      // Judged on what the roll-ups before this one said: later ones may link the folders otherwise.
      const expected = workspace!.folderOf(entry, meetingDate);
      if (!expected || expected === target.folder) return [];
      // Only a link into a folder that is known to be some other team's is a mistake we can name.
      const owner = workspace!.learnedFolders(meetingDate).find((l) => l.folder === target.folder && !sameTeam(l, entry));
      if (!owner) return [];
      const latest = meetingDate ? workspace!.held.latestOnOrBefore(expected, meetingDate) : undefined;
      return [
        {
          message: `${entry.name} links ${target.path}, in ${owner.name}'s folder; its own minutes are in ${expected}/.`,
          range: entry.minutesLine.urlRange!,
          fixes: latest ? [relinkFix(context, entry.minutesLine, latest)] : undefined,
        },
      ];
    });
  },
};

export const nowAvailable: Rule = {
  code: 'minutes-now-available',
  defaultSeverity: 'information',
  description: 'A pending minutes line ("none yet", "not available yet", a pull request) while the minutes file now exists.',
  example: '`Minutes not available yet: .../tree/main/ops-iam` when `ops-iam/20220929.md` exists',
  check(context) {
    const { model, workspace, meetingDate, today, config } = context;
    if (model.kind !== 'weekly' || !workspace || !meetingDate) return [];
    // A pending line was true when written: that the minutes came later is news only on the newest
    // roll-up, within the reminder days (a roll-up newest because later weekly files are slide decks is history).
    const recent = today === undefined || dayNumber(today) - dayNumber(meetingDate) <= config.reminderDays;
    if (!recent || workspace.hasLaterWeekly(meetingDate, workspace.relativePath(model.uri))) return [];
    const since = lastMeeting(workspace, model, meetingDate);
    return (model.updates?.entries ?? []).flatMap((entry): RuleFinding[] => {
      const line = entry.minutesLine;
      // A blank `Minutes:` is missing-minutes-link's: it was never a statement about the minutes.
      if (!line || line.blank || !['pending', 'folder', 'pull-request'].includes(line.state)) return [];
      const folder = line.target?.folder && workspace.index.hasFolder(line.target.folder) ? line.target.folder : workspace.folderOf(entry, meetingDate);
      const file = folder ? workspace.held.between(folder, since, meetingDate).pop() : undefined;
      const span = minutesLinkSpan(model, line);
      if (!file) return [];
      return [
        {
          message: `The ${entry.name} minutes are available now: ${file.path}.`,
          range: line.range,
          fixes: span ? [{ title: `Link ${file.path}`, edits: [minimalReplace(model, span, linkedLine(model, fileUrl(config, file.path)))], preferred: true }] : undefined,
          related: related(context, file, `${entry.name} minutes`),
        },
      ];
    });
  },
};
