import type { Link, Paragraph, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { LineIndex } from '../text/lineIndex';
import { datedPathOf } from '../config/paths';
import type { MinutesConfig } from '../config/types';

/** What reading minutes links needs of the config: where links point, and how dated files are named. */
export type LinkConfig = Pick<MinutesConfig, 'linkBase' | 'series'>;
import type { LinkTarget, MinutesLine, MinutesLineState } from './types';

// Wording people use for "the minutes are not there yet".
const PENDING_WORDS =
  /\b(not\s+(?:yet\s+)?(?:available|published|present|merged)|unavailable|pending|none|missing|tbd|to\s+follow|will\s+follow|not\s+yet|n\/a|no\s+minutes|coming|in\s+progress|waiting|later)\b/iu;
// Wording for "there was no meeting", which needs no minutes.
const CANCELLED_WORDS = /^\W*(cancell?ed|skipped|no\s+meeting|did\s*n[o']t\s+(?:happen|take\s+place)|did\s+not\s+(?:happen|take\s+place))\b/iu;
// `Minutes:`, `Minutes not available yet:`, `Minutes still pending:` (the label before the colon).
const LABEL = /^\s*\(?\s*(minutes\b[^:\n]{0,60}?)\s*:/iu;
// A status line without the label: `(none yet)`, `No minutes (yet?)`, `Discussion only, no minutes.`
const NO_MINUTES_NOTE = /^\s*\(?\s*none\s+yet\s*\)?\s*\.?\s*$|\bno\s+minutes\b/iu;

/**
 * Reads a paragraph as a minutes line, or says it is none. Status notes without a `Minutes` label
 * ("Cancelled.", "No minutes (yet?)") count only where `allowNotes` says the paragraph opens its section.
 */
export function readMinutesLine(paragraph: Paragraph, text: string, lines: LineIndex, config: LinkConfig, allowNotes: boolean): MinutesLine | undefined {
  const start = paragraph.position!.start.offset!;
  const firstLine = lines.positionAt(start).line;
  const range = { start: lines.positionAt(start), end: lines.positionAt(Math.min(paragraph.position!.end.offset!, lines.lineEnd(firstLine))) };
  const plain = firstLineText(paragraph);

  const labelledLink = paragraph.children.find(
    (child): child is Link => child.type === 'link' && /^\s*minutes\b/iu.test(toString(child)),
  );
  if (labelledLink) {
    const label = toString(labelledLink).trim();
    return withUrl({ range, style: 'markdown-link', label }, labelledLink, text, lines, config, PENDING_WORDS.test(label));
  }

  const labelled = LABEL.exec(plain);
  if (labelled) {
    const label = labelled[1].trim();
    const links = firstLineLinks(paragraph.children);
    const link = links[0];
    const afterLabel = plain.slice(labelled[0].length).trim();
    // Only the words before the link say whether it is pending: `<URL> (waiting to be merged)` is a link.
    const beforeLink = link ? afterLabel.slice(0, Math.max(0, afterLabel.indexOf(link.url))) : afterLabel;
    const pending = PENDING_WORDS.test(label) || PENDING_WORDS.test(beforeLink) || (!link && afterLabel === '');
    if (link) {
      const line = withUrl({ range, style: 'label', label }, link, text, lines, config, pending);
      const more = links.slice(1).flatMap((l) => resolveLinkTarget(l.url, config) ?? []);
      return more.length ? { ...line, moreTargets: more } : line;
    }
    if (!pending) return undefined; // `Minutes: we discussed ...` is prose, not a minutes line
    // A bare `Minutes:` is a blank left to fill in, not a word that the minutes are pending.
    return afterLabel === '' && !PENDING_WORDS.test(label) ? { range, style: 'label', label, state: 'pending', blank: true } : { range, style: 'label', label, state: 'pending' };
  }

  if (!allowNotes) return undefined;
  const label = plain.trim();
  if (CANCELLED_WORDS.test(plain)) return { range, style: 'note', label, state: 'cancelled' };
  if (NO_MINUTES_NOTE.test(plain)) return { range, style: 'note', label, state: 'pending' };
  return undefined;
}

/** The paragraph's text up to its first line break (soft, or a hard break from trailing spaces). */
function firstLineText(paragraph: Paragraph): string {
  let result = '';
  for (const child of paragraph.children) {
    if (child.type === 'break') break;
    result += toString(child);
    if (result.includes('\n')) break;
  }
  return result.split('\n')[0];
}

function withUrl(
  line: Pick<MinutesLine, 'range' | 'style' | 'label'>,
  link: Link,
  text: string,
  lines: LineIndex,
  config: LinkConfig,
  pending: boolean,
): MinutesLine {
  const url = link.url;
  const start = link.position!.start.offset!;
  const end = link.position!.end.offset!;
  const at = text.slice(start, end).lastIndexOf(url);
  const urlRange = at >= 0 ? lines.range(start + at, start + at + url.length) : lines.range(start, end);
  const target = resolveLinkTarget(url, config);
  return { ...line, url, urlRange, target, state: stateOf(url, target, pending) };
}

function stateOf(url: string, target: LinkTarget | undefined, pending: boolean): MinutesLineState {
  if (pending) return 'pending';
  if (/\/pulls?\/\d+/u.test(url)) return 'pull-request';
  if (!target) return 'external';
  return target.fileName ? 'linked' : 'folder';
}

function firstLineLinks(children: PhrasingContent[]): Link[] {
  const links: Link[] = [];
  for (const child of children) {
    if (child.type === 'break' || (child.type === 'text' && child.value.includes('\n') && links.length)) break;
    if (child.type === 'link') links.push(child);
  }
  return links;
}

/**
 * Resolves a minutes URL against the link base. A base of the GitHub form
 * `.../OWNER/REPO/blob/BRANCH/` also accepts the `tree`, `raw` and `edit` views of any branch,
 * because people paste whatever their browser showed.
 */
export function resolveLinkTarget(url: string, config: LinkConfig): LinkTarget | undefined {
  const rest = stripBase(url.replace(/[?#].*$/u, ''), config.linkBase);
  if (rest === undefined) return undefined;
  let segments: string[];
  try {
    segments = rest.split('/').filter((s) => s !== '').map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
  // A link must never resolve outside the repository.
  // (A decoded segment with a slash or NUL was an encoded separator, smuggled past the split.)
  if (segments.length === 0 || segments.some((s) => s === '.' || s === '..' || s.includes('/') || s.includes('\\') || s.includes('\0'))) return undefined;
  const path = segments.join('/');
  const last = segments[segments.length - 1];
  const folder = segments.slice(0, -1).join('/');
  if (/\.md$/iu.test(last)) {
    const dated = datedPathOf(path, config);
    return { path, folder: dated?.date.date ? dated.series : folder, fileName: last, date: dated?.date };
  }
  // A dated file linked without its `.md` (`.../iaas/20220928`).
  const withExtension = folder ? datedPathOf(`${path}.md`, config) : undefined;
  if (withExtension) return { path, folder: withExtension.series, fileName: last, date: withExtension.date, missingExtension: true };
  return { path, folder: path };
}

function stripBase(url: string, linkBase: string): string | undefined {
  const github = /^(.*\/)(?:blob|tree)\/[^/]+\/$/u.exec(linkBase);
  if (github) {
    const repo = github[1];
    if (!url.toLowerCase().startsWith(repo.toLowerCase())) return undefined;
    const m = /^(?:blob|tree|raw|edit)\/[^/]+(?:\/(.*))?$/u.exec(url.slice(repo.length));
    return m ? (m[1] ?? '') : undefined;
  }
  return url.startsWith(linkBase) ? url.slice(linkBase.length) : undefined;
}
