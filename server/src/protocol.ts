// Messages beyond standard LSP, shared by the client and the server so neither keeps its own copy.
import type { Range } from 'vscode-languageserver-types';
import { isRealDate, type CalendarDate } from './core/model/dates';

export type { TeamRow, TeamRowState } from './core/features/teamOverview';
export type { DocumentInfo } from './core/features/documentInfo';

/** A date as messages carry it (`YYYY-MM-DD`, a day that exists), or undefined for anything else. */
export function messageDate(value: unknown): CalendarDate | undefined {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value) : null;
  return m && isRealDate(+m[1], +m[2], +m[3]) ? { year: +m[1], month: +m[2], day: +m[3] } : undefined;
}

export interface TeamsParams {
  uri: string;
}

/** `minutes/teams`: the teams and SIGs of a weekly roll-up, for the "Teams & SIGs" view; null if not minutes. */
export const TEAMS_REQUEST = 'minutes/teams';

/** `minutes/documentInfo` ({ uri }) -> DocumentInfo | null: the kind of an open document and, if it is not minutes, why. */
export const DOCUMENT_INFO_REQUEST = 'minutes/documentInfo';

/** [] -> ActionItemRow[]: the open action items of every repository open in the editor. */
export const ACTION_ITEMS_REQUEST = 'minutes/actionItems';

export interface ActionItemRow {
  /** Handles without `@`. */
  owners: string[];
  text: string;
  /** The team's or meeting series' folder. */
  series: string;
  /** When it was first raised (YYYY-MM-DD) and how many days ago. */
  raised: string;
  ageDays: number;
  /** Where it was last written. */
  uri: string;
  line: number;
}

/** Commands the server runs for any editor (`workspace/executeCommand`); VS Code's palette commands call them. */
export const SERVER_COMMANDS = {
  /** [{ rootUri }] -> WeeklyDateChoice[]: the days a new roll-up could be for. */
  weeklyDates: 'minutes.server.weeklyDates',
  /** [{ rootUri, date }] -> NewFileResult: the content of a new roll-up (nothing is written). */
  newWeeklyMinutes: 'minutes.server.newWeeklyMinutes',
  /** [{ rootUri }] -> string[]: team and SIG folders. */
  teamFolders: 'minutes.server.teamFolders',
  /** [{ rootUri }] -> TeamChoice[]: team and SIG folders with their names and next meeting day. */
  teamChoices: 'minutes.server.teamChoices',
  /** [{ rootUri, folder, date }] -> NewFileResult: the content of new team minutes. */
  newTeamMinutes: 'minutes.server.newTeamMinutes',
  /** [{ rootUri }] -> NewFileResult & { summary }: a `.minutes.json` inferred from the repository (nothing is written). */
  createConfiguration: 'minutes.server.createConfiguration',
  /** [{ uri, position }] -> DateInsertion[]: holiday notices and dates to insert at the cursor. */
  dateInsertions: 'minutes.server.dateInsertions',
} as const;

export interface WeeklyDateChoice {
  date: string;
  weekday: string;
  holiday?: string;
}

export interface NewFileResult {
  uri: string;
  text: string;
  cursor: { line: number; character: number };
  exists: boolean;
  holiday?: string;
  /** Ask before writing: the series stopped long ago or changed format. */
  warning?: string;
}

export interface TeamChoice {
  folder: string;
  /** The team's name as the roll-ups call it, if known. */
  name?: string;
  /** The date of its latest minutes (YYYY-MM-DD). */
  last?: string;
  /** Its next meeting day from its own history, on or after today (YYYY-MM-DD). */
  next: string;
  weekday: string;
}

export interface DateInsertion {
  title: string;
  kind: 'holiday-notice' | 'date';
  edit: { range: Range; newText: string };
}

/**
 * Where there is no file system (the browser, where the server runs in a web worker), the server reads
 * the repository through the client, which answers with `vscode.workspace.findFiles` and `workspace.fs`.
 * `minutes/fs/listMarkdownFiles` ({ rootUri }) -> string[]: the folder's Markdown files as `/`-separated
 * paths relative to it, sorted, without `node_modules` and `.git`.
 */
export const LIST_MARKDOWN_FILES_REQUEST = 'minutes/fs/listMarkdownFiles';

export interface ListMarkdownFilesParams {
  rootUri: string;
}

/**
 * `minutes/fs/readTexts` ({ uris }) -> ReadTextsResult: the texts of many files in one round trip, in order;
 * null for a file that is missing, binary (has a 0 byte) or larger than MAX_TEXT_BYTES.
 */
export const READ_TEXTS_REQUEST = 'minutes/fs/readTexts';

export interface ReadTextsParams {
  uris: string[];
}

export interface ReadTextsResult {
  texts: Array<string | null>;
  /** Why files were skipped (path or URI, reason), for the server's log. */
  skipped: Array<{ uri: string; reason: string }>;
}

/** Larger files are not minutes a person writes: the desktop server and the browser client skip them alike. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Folders that hold no minutes: not walked on the desktop, left out of `findFiles` in the browser. */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.vscode-test'];

/** Why a file of `size` bytes (and these bytes, once read) is not read as minutes text, if it is not. */
export function notMinutesText(size: number, bytes?: Uint8Array): string | undefined {
  if (size > MAX_TEXT_BYTES) return `skipped, ${size} bytes is larger than minutes files get`;
  if (bytes?.includes(0)) return 'skipped, not a text file';
  return undefined;
}

/**
 * `minutes/series` () -> SeriesRow[]: each series of the configured calendars in every repository,
 * with its schedule, its last minutes, its meetings without minutes and its open action items.
 */
export const SERIES_REQUEST = 'minutes/series';

export interface SeriesRow {
  /** The repository's root URI. */
  rootUri: string;
  /** The series' folder, relative to the root. */
  folder: string;
  /** One line per calendar event of the series: `every 2 weeks, Friday 09:05, from ...`. */
  schedule: Array<{ event: string; schedule: string; source: string }>;
  /** The newest minutes (YYYY-MM-DD and URI), if any. */
  lastMinutes?: { date: string; uri: string };
  /** Meetings older than the grace period that have no minutes, oldest first (YYYY-MM-DD). */
  missing: Array<{ date: string; event: string; source: string }>;
  openActionItems: number;
  /** Calendars of the repository that could not be read (one line each), repeated on each row. */
  problems: string[];
}

/**
 * `minutes/fetchCalendar` ({ url }) -> FetchCalendarResult, sent by the server to the client: the
 * text of a calendar feed the configuration names. The server opens no connections itself; VS Code
 * fetches (in trusted workspaces only) with a time and size limit, and caches for a few minutes.
 */
export const FETCH_CALENDAR_REQUEST = 'minutes/fetchCalendar';

export interface FetchCalendarParams {
  url: string;
}

export interface FetchCalendarResult {
  text?: string;
  /** Why it was not read, one line. */
  error?: string;
}
