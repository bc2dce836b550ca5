import { datedPathOf } from '../config/paths';
import { anchorsOf, hasAnchor, meantHeadings } from '../model/anchors';
import { dayNumber, isRealDate, MOVED_MEETING_DAYS, sameDate, type CalendarDate } from '../model/dates';
import { parseMinutesOutline } from '../model/parse';
import type { CheckedModel } from '../model/types';
import { DOCUMENT_START } from '../text/edits';
import { fileLinks, writtenPath, type FileLink } from '../workspace/fileLinks';
import type { IndexedFile } from '../workspace/minutesIndex';
import type { MinutesWorkspace } from '../workspace/workspace';
import { repositoryNames } from './repositoryNames';
import type { Fix, Rule, RuleContext, RuleFinding } from './types';

/** At most this many files or headings are offered where none is clearly meant. */
const MAX_OFFERED = 3;

export const linkNotFound: Rule = {
  code: 'link-not-found',
  defaultSeverity: 'warning',
  description: 'A link to a Markdown file of this repository (relative, or under the link base) names a file that does not exist.',
  example: '`[last week](../iaas/20220921.md)` when the file is `iaas/20220922.md`',
  check(context) {
    const { model, config, workspace } = context;
    if (model.kind === 'other' || !workspace) return [];
    const from = workspace.relativePath(model.uri);
    return fileLinks(model, config, workspace).flatMap((link): RuleFinding[] => {
      if (link.path === undefined || from === undefined || workspace.index.has(link.path)) return [];
      const { clear, offered } = meantFiles(workspace, context, link.path);
      // A folder this copy of the repository lacks altogether may just not be checked out here
      // (a sparse checkout, a subset): only a file missing among its folder's files is known missing.
      if (!clear && !offered.length && !hasFolderOf(workspace, link.path)) return [];
      const fix = (file: string, preferred: boolean): Fix[] => (link.pathSpan ? [{ title: `Link ${file}`, edits: [edit(model, link.pathSpan, writtenPath(link.form, from, file))], preferred }] : []);
      const fixes = clear ? fix(clear, true) : offered.flatMap((f) => fix(f, false));
      const hint = clear ? `; ${clear} is the file meant` : offered.length ? `; perhaps ${offered.join(' or ')}` : '';
      return [
        {
          message: `${link.path} does not exist in this repository${hint}.`,
          range: rangeOf(model, link.link),
          fixes: fixes.length ? fixes : undefined,
          related: clear ? [{ uri: workspace.uriOf(clear), range: DOCUMENT_START, message: 'the file meant' }] : undefined,
        },
      ];
    });
  },
};

export const linkAnchorNotFound: Rule = {
  code: 'link-anchor-not-found',
  defaultSeverity: 'warning',
  description: "A link's `#fragment` matches no heading of the linked Markdown file (or of this one), as GitHub makes their anchors.",
  example: '`[decisions](#decision)` when the heading is `## Decisions`',
  check(context) {
    const { model, config, workspace } = context;
    if (model.kind === 'other') return [];
    return fileLinks(model, config, workspace).flatMap((link): RuleFinding[] => {
      if (!link.fragment) return [];
      const target = link.path === undefined ? wholeOutline(context) : workspace?.index.has(link.path) ? workspace.outline(link.path) : undefined;
      if (!target) return [];
      const anchors = anchorsOf(target);
      if (hasAnchor(anchors, link.fragment)) return [];
      const meant = meantHeadings(anchors, link.fragment);
      const where = link.path === undefined ? 'this file' : link.path;
      const span = link.fragmentSpan;
      const fixes = span ? meant.slice(0, MAX_OFFERED).map((slug): Fix => ({ title: `Link #${slug}`, edits: [edit(model, span, slug)], preferred: meant.length === 1 })) : [];
      return [
        {
          message: `${where} has no heading with the anchor #${link.fragment}${meant.length === 1 ? `; the heading's anchor is #${meant[0]}` : ''}.`,
          range: span ? model.lines.range(span.start - 1, span.end) : rangeOf(model, link.link),
          fixes: fixes.length ? fixes : undefined,
        },
      ];
    });
  },
};

/** The document's own headings: a model of the checks may hold only its title (see parseMinutesForLint). */
function wholeOutline({ model, config }: RuleContext): CheckedModel {
  if (!model.partial) return model;
  let outline = outlines.get(model);
  if (!outline) outlines.set(model, (outline = parseMinutesOutline(model, config)));
  return outline;
}

const outlines = new WeakMap<CheckedModel, CheckedModel>();

/**
 * The file a link to a missing `path` meant: the one file of its series or folder on the date its
 * name gives, or the one file whose path differs in case alone; else the files it may have meant
 * (of that date, or a few days off; of the same name elsewhere), offered but not applied unasked.
 * Besides their dates, one name must say no more than the other (an agenda's link to its meeting's
 * minutes, not yet written, never meant `05-06-upgrade-insecure-agenda.md`).
 */
function meantFiles(workspace: MinutesWorkspace, { config }: RuleContext, path: string): { clear?: string; offered: string[] } {
  const names = repositoryNames(workspace);
  const sameButCase = names.byLowerCase.get(path.toLowerCase()) ?? [];
  if (sameButCase.length === 1) return { clear: sameButCase[0], offered: [] };
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  const fileName = path.slice(folder.length);
  const dated = datedPathOf(path, config);
  const date = dated?.date.date ?? dateInName(fileName);
  if (date) {
    const said = words(fileName);
    const alike = (f: IndexedFile) => {
      const has = words(f.fileName);
      return has.every((w) => said.includes(w)) || said.every((w) => has.includes(w));
    };
    // The files of its series and of its folder, in the index's order.
    const candidates = new Set([...((dated && names.bySeries.get(dated.series)) ?? []), ...(names.byFolder.get(folder) ?? [])]);
    const nearby = [...candidates].sort((a, b) => names.order.get(a)! - names.order.get(b)!).filter(alike);
    const onDate = nearby.filter((f) => sameDate(f.date!, date));
    if (onDate.length === 1) return { clear: onDate[0].path, offered: [] };
    const distance = (f: IndexedFile) => Math.abs(dayNumber(f.date!) - dayNumber(date));
    const near = onDate.length ? onDate : nearby.filter((f) => distance(f) <= MOVED_MEETING_DAYS).sort((a, b) => distance(a) - distance(b));
    return { offered: near.slice(0, MAX_OFFERED).map((f) => f.path) };
  }
  const named = names.byFileName.get(fileName) ?? [];
  return { offered: named.length === 1 ? named : [] };
}

function hasFolderOf(workspace: MinutesWorkspace, path: string): boolean {
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  return folder === '' || repositoryNames(workspace).folders.has(folder);
}

/** The words of a file name besides its date and extension: `minutes` of `05-06-minutes.md`. */
function words(fileName: string): string[] {
  return fileName.replace(/\.md$/iu, '').toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 1);
}

/** A date in a file name no path pattern covers (`2022-09-28.md`, `20220928-notes.md`). */
function dateInName(fileName: string): CalendarDate | undefined {
  const m = /(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)/u.exec(fileName);
  return m && isRealDate(+m[1], +m[2], +m[3]) ? { year: +m[1], month: +m[2], day: +m[3] } : undefined;
}

function rangeOf(model: CheckedModel, link: FileLink['link']) {
  return model.lines.range(link.start, link.end);
}

function edit(model: CheckedModel, span: { start: number; end: number }, newText: string) {
  return { range: model.lines.range(span.start, span.end), newText };
}
