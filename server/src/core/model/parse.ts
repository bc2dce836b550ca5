import { URI, Utils } from 'vscode-uri';
import type { MinutesConfig } from '../config/types';
import { LineIndex } from '../text/lineIndex';
import { datedPathOf } from '../config/paths';
import { dayNumber, findDates, names, type CalendarDate, type ParsedDate } from './dates';
import { findWrittenDates, type WrittenStyle } from './writtenDates';
import { documentKind } from './documentKind';
import type { Root } from 'mdast';
import { splitAtHeadings } from './chunks';
import { hostileInput, opaqueReason, readToOf } from './hostileInput';
import { finish, parseChunks, parseMarkdownInSteps, type ChunkCache } from './markdown';
import { isSlideDeck } from './slideDeck';
import { readMeta } from './meta';
import { buildSections } from './sections';
import { readUpdatesGroup } from './teams';
import type { CheckedModel, DocumentPath, MinutesModel, PartialMinutesModel, Section, Title } from './types';

export interface SourceDocument {
  uri: string;
  version: number;
  text: string;
}

/**
 * text -> model: the one parse every feature of a document version shares. With `chunks` (kept
 * per document between versions), only the sections that changed since the last version are parsed.
 */
export function parseMinutes(doc: SourceDocument, config: MinutesConfig, chunks?: ChunkCache): MinutesModel {
  return finish(parseMinutesInSteps(doc, config, chunks));
}

/**
 * `parseMinutes` in steps (see parseMarkdownInSteps): for a caller that must stay responsive. From
 * `readUpTo` (an offset) on, the text is read for its headings alone (see MinutesModel.readTo).
 */
export function* parseMinutesInSteps(doc: SourceDocument, config: MinutesConfig, chunks?: ChunkCache, readUpTo?: number): Generator<void, MinutesModel> {
  const root = yield* parseMarkdownInSteps(doc.text, chunks, readUpTo);
  // Indexing the lines of megabytes takes a step of its own.
  const lines = new LineIndex(doc.text);
  if (doc.text.length > 1024 * 1024) yield;
  return buildModel(doc, config, root, lines);
}

/**
 * For checking a whole repository: only what the checks read. The checks of team minutes read
 * their title alone (unless their series requires sections), so only the pieces that can hold it are parsed (see chunks.ts); roll-ups, and
 * documents whose title cannot be found that way, are parsed whole. The model's sections are then
 * incomplete (`partial`): fine for `lint`, not for the outline.
 */
export function parseMinutesForLint(doc: SourceDocument, config: MinutesConfig): CheckedModel {
  const dated = datedPathOf(uriPath(doc.uri), config);
  const chunks = splitAtHeadings(doc.text);
  // Minutes whose series requires sections are read whole: their headings are checked.
  if (dated?.weekly || dated?.seriesConfig.requiredSections.length || chunks.length < 3 || SETEXT_H1.test(doc.text)) return parseMinutes(doc, config);
  const firstLine = (text: string) => text.slice(0, text.indexOf('\n') >>> 0);
  const h1 = (i: number) => /^#[ \t]/u.test(chunks[i].text);
  // The first heading: the first piece's own when it opens with one, else the next piece's.
  const wanted = new Set(/^#{1,6}(?:[ \t]|\r?\n|$)/u.test(chunks[0].text) ? [0] : [0, 1]);
  // Level-1 headings and dated headings of any level, up to the one with the file's date (the
  // title, see readTitle).
  const fileDate = dated?.date.date;
  const ownDate = (text: string) => fileDate !== undefined && datesIn(text, fileDate).some((d) => names(d, fileDate));
  for (let i = 1; i < chunks.length; i++) {
    const heading = firstLine(chunks[i].text);
    if (!h1(i) && !(/^#{2,6}[ \t]/u.test(heading) && datesIn(heading, fileDate).length)) continue;
    wanted.add(i);
    if (ownDate(heading)) break;
  }
  const root = parseChunks(chunks.filter((_, i) => wanted.has(i)));
  const model = buildModel(doc, config, root);
  if (model.kind === 'weekly') return parseMinutes(doc, config);
  return { ...model, partial: true } satisfies PartialMinutesModel;
}

// A setext `===` underline makes a level-1 heading that the pieces' first lines do not show.
const SETEXT_H1 = /^ {0,3}=+[ \t]*\r?$/mu;

/**
 * For reading what stands under which heading line by line (action items): a model of the
 * document's headings alone, each section reaching to the next heading as in a full parse, but
 * without its content (`partial`). A piece where a heading might not start it (setext or indented
 * headings, or a document in one piece) is parsed whole, its headings kept; hostile input, as parseMinutes does.
 */
export function parseMinutesOutline(doc: SourceDocument, config: MinutesConfig): CheckedModel {
  const chunks = splitAtHeadings(doc.text);
  // A document in one piece may be one that cannot be split (HTML, link definitions): read whole.
  const hidden = chunks.map((c) => chunks.length === 1 || hidesHeading(c.text));
  // A piece read whole must be one parseWhole would read as Markdown: else the document goes there.
  if (chunks.some((c, i) => hidden[i] && hostileInput(c.text))) return parseMinutes(doc, config);
  const pieces = chunks.flatMap((c, i) => (hidden[i] ? [c] : /^#{1,6}(?:[ \t]|\r?\n|$)/u.test(c.text) ? [{ ...c, text: c.text.slice(0, c.text.indexOf('\n') + 1 || c.text.length) }] : []));
  const root = parseChunks(pieces);
  root.children = root.children.filter((node) => node.type === 'heading');
  return { ...buildModel(doc, config, root), partial: true } satisfies PartialMinutesModel;
}

/**
 * Whether a piece may hold a heading its first line does not show: an ATX heading indented by one
 * to three spaces, or a setext underline (`===`, `---`) under a line that is not blank (after a
 * blank line, or first in the piece, `---` is a thematic break and `===` text).
 */
function hidesHeading(text: string): boolean {
  if (INDENTED_HEADING.test(text)) return true;
  for (const underline of text.matchAll(UNDERLINE)) {
    const end = underline.index - 1;
    if (end >= 0 && !BLANK.test(text.slice(text.lastIndexOf('\n', end - 1) + 1, end))) return true;
  }
  return false;
}

const INDENTED_HEADING = /^ {1,3}#{1,6}(?:[ \t]|\r?$)/mu;
const UNDERLINE = /^ {0,3}(?:=+|-+)[ \t]*\r?$/gmu;
// A blank line to CommonMark: spaces and tabs only (a no-break space is text).
const BLANK = /^[ \t]*\r?$/u;

// More team sections than any roll-up has: comparing them with each other and the repository
// would take long, and tell nothing.
const MAX_TEAM_SECTIONS = 500;

function buildModel(doc: SourceDocument, config: MinutesConfig, root: Root, lines = new LineIndex(doc.text)): MinutesModel {
  const { text } = doc;
  const { roots, drafts } = buildSections(root.children, text, lines, config.sections);
  const path = documentPath(doc.uri);
  const dated = datedPathOf(uriPath(doc.uri), config);
  const fileDate = dated?.date;
  const readTo = readToOf(root);
  const title = readTitle(roots, text, lines, fileDate?.date, readTo);
  const slideDeck = isSlideDeck(text);
  const kind = documentKind(path, title, dated, config, slideDeck);
  // Team sections are what a roll-up is made of; in team minutes they would only be topics.
  const updates = kind === 'weekly' ? readUpdatesGroup(drafts, text, lines, config, MAX_TEAM_SECTIONS) : undefined;
  return {
    uri: doc.uri,
    version: doc.version,
    text,
    lines,
    path,
    kind,
    slideDeck,
    readTo,
    notFullyRead: opaqueReason(root) ?? (updates && updates.entries.length > MAX_TEAM_SECTIONS ? `${updates.entries.length} team sections` : undefined),
    dated,
    fileDate,
    title,
    sections: roots,
    meta: kind !== 'other' ? readMeta(drafts, text, lines) : undefined,
    updates: updates && updates.entries.length <= MAX_TEAM_SECTIONS ? updates : undefined,
  };
}

/** The path of a URI (or the text itself, for a name that is no URI). */
function uriPath(uri: string): string {
  try {
    return URI.parse(uri).path;
  } catch {
    return uri;
  }
}

export function documentPath(uri: string): DocumentPath {
  let parsed: URI;
  try {
    parsed = URI.parse(uri);
  } catch {
    return { fileName: uri };
  }
  const fileName = Utils.basename(parsed);
  const folder = Utils.basename(Utils.dirname(parsed));
  return { fileName, folder: folder || undefined };
}

/**
 * The title is the heading, of any level, with the file's date (the others are an agenda for the
 * next meeting left on top, or a pad's leftovers); else the first heading when it is dated, at any
 * level (pads often start with `## 2024-02-19`), or the date alone in a heading under it; else the
 * first dated `#` heading (a pad's leftover `# Backlog` may precede it); else the first `#`
 * heading, which then lacks its date.
 */
function readTitle(sections: Section[], text: string, lines: LineIndex, fileDate: CalendarDate | undefined, readTo?: number): Title | undefined {
  // Only what was read whole (see MinutesModel.readTo) is looked at: thousands of headings after it would take long.
  const all = readTo === undefined ? flatten(sections) : flatten(sections).filter((s) => lines.offsetAt(s.headingRange.start) < readTo);
  const dated = (s: Section) => datesIn(s.title, fileDate).length > 0;
  const opening = all[0] && dated(all[0]) ? all[0] : undefined;
  const ownDate = fileDate && all.find((s) => datesIn(s.title, fileDate).some((d) => names(d, fileDate)));
  // `# TAG Teleconference` over `#### 27 November 2018`: the date stands in a heading of its own.
  const subtitle = !opening && all[1] && all[1].depth > all[0].depth && dateOnly(all[1].title, fileDate) ? all[1] : undefined;
  // A heading at the title's level with the file's date is the title (a stray `# 2023-02-15` of the
  // next meeting may stand above it); one deeper (`### Breakout A - 2023-05-15`) is an agenda item,
  // and the dated heading at the top is the title.
  const ownAtTop = ownDate && ownDate.depth === all[0].depth ? ownDate : undefined;
  const heading = ownAtTop || opening || subtitle || ownDate || all.find((s) => s.depth === 1 && dated(s)) || all.find((s) => s.depth === 1);
  if (!heading) return undefined;
  const start = lines.offsetAt(heading.headingRange.start);
  const source = text.slice(start, lines.offsetAt(heading.headingRange.end));
  const inTitle = datesIn(source, fileDate);
  const found = (fileDate && inTitle.find((d) => names(d, fileDate))) || inTitle[0];
  const date = found && { ...found, range: lines.range(start + found.offset, start + found.offset + found.text.length) };
  return { text: heading.title, range: heading.headingRange, date };
}

/**
 * The dates of a title: ISO dates, and dates written out (`October 8th`, `8 October 2024`), which
 * without a year take the one nearest the file's date.
 */
export function datesIn(text: string, fileDate: CalendarDate | undefined): Array<ParsedDate & { offset: number; style?: WrittenStyle }> {
  const iso = isoRanges(text, findDates(text));
  const written = findWrittenDates(text, fileDate).filter((w) => !iso.some((d) => d.offset < w.offset + w.text.length && w.offset < d.offset + d.text.length));
  return [...iso, ...written].sort((a, b) => a.offset - b.offset);
}

/** Whether a heading says a date and nothing more (a weekday aside): `27 November 2018`, `Monday, 2024-02-19`. */
function dateOnly(title: string, fileDate: CalendarDate | undefined): boolean {
  const dates = datesIn(title, fileDate);
  if (!dates.length) return false;
  let rest = title;
  for (const d of [...dates].reverse()) rest = rest.slice(0, d.offset) + rest.slice(d.offset + d.text.length);
  return rest.replace(WEEKDAY_WORDS, '').replace(/[^\p{L}]/gu, '') === '';
}

const WEEKDAY_WORDS = /\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b/giu;

/** ISO dates with a range joined (`2024-10-14 – 2024-10-16`, `2024-10-14 to 2024-10-16`). */
function isoRanges(text: string, dates: Array<ParsedDate & { offset: number }>): Array<ParsedDate & { offset: number }> {
  const joined: Array<ParsedDate & { offset: number }> = [];
  for (const date of dates) {
    const last = joined.at(-1);
    const between = last && text.slice(last.offset + last.text.length, date.offset);
    if (last?.date && !last.until && date.date && between !== undefined && RANGE_JOIN.test(between) && dayNumber(date.date) > dayNumber(last.date)) {
      joined[joined.length - 1] = { ...last, text: text.slice(last.offset, date.offset + date.text.length), until: date.date };
    } else joined.push(date);
  }
  return joined;
}

const RANGE_JOIN = /^\s*(?:[-\u2013\u2014]|to|until|bis)\s*$/iu;

export function flatten(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

