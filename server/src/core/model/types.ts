import type { Range } from 'vscode-languageserver-types';
import type { LineIndex } from '../text/lineIndex';
import type { SeriesPath } from '../config/paths';
import type { ParsedDate } from './dates';
import type { WrittenStyle } from './writtenDates';

export type DatedFile = SeriesPath;

export type DocumentKind = 'weekly' | 'meeting' | 'other';

export type SectionRole = 'title' | 'meta' | 'updates' | 'aob' | 'projectUpdates' | 'other';

export interface DateMention extends ParsedDate {
  range: Range;
  /** How a date written out was written (`October 8th`); absent for ISO dates. */
  style?: WrittenStyle;
}

export interface Section {
  title: string;
  depth: number;
  role: SectionRole;
  headingRange: Range;
  /** From the heading to the start of the next heading of the same or a higher level. */
  range: Range;
  startOffset: number;
  endOffset: number;
  /** Offset where the section's own content (after the heading line) starts. */
  contentOffset: number;
  children: Section[];
}

export interface Title {
  text: string;
  range: Range;
  date?: DateMention;
}

export type TeamKind = 'team' | 'sig' | 'other';

/** Where a minutes link points, relative to the repository behind the link base. */
export interface LinkTarget {
  /** `iaas/20220927.md` or `ops-iam` (a folder link). */
  path: string;
  folder: string;
  fileName?: string;
  date?: ParsedDate;
  /** A dated file linked without its `.md` (`.../iaas/20220928`). */
  missingExtension?: boolean;
}

/**
 * - linked: a link to a minutes file
 * - pending: "not available yet", "none yet", ... (maybe with a folder link)
 * - folder: a link to the team's folder without saying it is pending
 * - pull-request: minutes still in review
 * - external: a link outside the link base
 * - cancelled: "Cancelled.", "No meeting this week": nothing to link
 */
export type MinutesLineState = 'linked' | 'pending' | 'folder' | 'pull-request' | 'external' | 'cancelled';

export interface MinutesLine {
  range: Range;
  state: MinutesLineState;
  /** `Minutes: URL`, `[Minutes](URL)` or a bare pending note like `(none yet)`. */
  style: 'label' | 'markdown-link' | 'note';
  label: string;
  url?: string;
  /** The URL's own text (inside `[Minutes](...)` or `<...>`). */
  urlRange?: Range;
  target?: LinkTarget;
  /** Further minutes linked on the same line (`URL + URL` when a roll-up covers two meetings). */
  moreTargets?: LinkTarget[];
  /** `Minutes:` and nothing after it: a blank left to fill in (state `pending`). */
  blank?: boolean;
}

export interface TeamEntry {
  name: string;
  kind: TeamKind;
  section: Section;
  minutesLine?: MinutesLine;
}

export interface UpdatesGroup {
  /** The `## Team Updates` section; absent where teams stand without a group heading. */
  section?: Section;
  entries: TeamEntry[];
}

export interface MinuteTaker {
  name: string;
  range: Range;
}

export interface MetaInfo {
  section: Section;
  minuteTaker?: MinuteTaker;
}

export interface DocumentPath {
  /** Name of the folder the file is in (`community-call`), if any. */
  folder?: string;
  fileName: string;
}

/** Everything the features know about one version of one document. */
export interface MinutesModel {
  uri: string;
  version: number;
  text: string;
  lines: LineIndex;
  path: DocumentPath;
  kind: DocumentKind;
  /**
   * The date the file's path gives (see config/paths.ts), if it is a dated minutes file. Its series
   * is read from the URI's whole path: ask the workspace for the series within the repository.
   */
  dated?: DatedFile;
  fileDate?: ParsedDate;
  title?: Title;
  sections: Section[];
  meta?: MetaInfo;
  updates?: UpdatesGroup;
  /** Why part of the text was read as opaque text rather than Markdown (see markdown.ts), if it was. */
  notFullyRead?: string;
  /**
   * Where the text read whole ends (an offset), in a document too large to read whole in time: what
   * follows is read for its headings alone, and nothing there is checked (see lint).
   */
  readTo?: number;
  /** A slide deck (never minutes, whatever its name says). */
  slideDeck?: boolean;
  /** A whole document's model; see PartialMinutesModel. */
  partial?: false;
}

/**
 * A model of some pieces of a document only (parseMinutesForLint, parseMinutesOutline): its
 * sections lack their content. The checks and the repository's reading of titles and action items
 * take it; the outline, hovers and completion need a whole model.
 */
export interface PartialMinutesModel extends Omit<MinutesModel, 'partial'> {
  partial: true;
}

/** What the checks take: a whole model, or a partial one (see PartialMinutesModel). */
export type CheckedModel = MinutesModel | PartialMinutesModel;
