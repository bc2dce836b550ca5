// Messages beyond standard LSP, shared by the client and the server so neither keeps its own copy:
// each request is a typed `RequestType<Params, Result, Error>` and each server command names its
// arguments and result, so a changed shape fails to compile on the side that was not updated.
// The client imports nothing else of the server.
import { RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { Range } from 'vscode-languageserver-types';
import { isRealDate, type CalendarDate } from './core/model/dates';
import type { TeamRow } from './core/features/teamOverview';
import type { DocumentInfo } from './core/features/documentInfo';
import type { MinutesConfig } from './core/config/types';
import type { ConfigChange } from './core/features/configChanges';

export { MAX_TEXT_BYTES, SKIPPED_FOLDERS, notMinutesText } from './minutesText';
export type { TeamRow, TeamRowState } from './core/features/teamOverview';
export type { DocumentInfo } from './core/features/documentInfo';
export type { ConfigChange } from './core/features/configChanges';

/**
 * The diagnostic collections VS Code keeps for the server: the pulled ones (under the identifier
 * the server announces) and the pushed ones (the config file's, and any push fallback). Each name
 * once: two collections named alike make the extension host warn "DiagnosticCollection with name
 * 'minutes' does already exist".
 */
export const PULLED_DIAGNOSTICS = 'minutes';
export const PUSHED_DIAGNOSTICS = 'minutes-pushed';

/** A date as messages carry it (`YYYY-MM-DD`, a day that exists), or undefined for anything else. */
export function messageDate(value: unknown): CalendarDate | undefined {
  const m = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value) : null;
  return m && isRealDate(+m[1], +m[2], +m[3]) ? { year: +m[1], month: +m[2], day: +m[3] } : undefined;
}

/**
 * The `minutes.*` settings that override a key of `.minutes.json` when set (null: unset), besides
 * `minutes.rules`. The client sends them (initializationOptions, workspace/configuration), the server
 * reads them, and package.json's settings are generated from them (scripts/manifest-config.ts).
 */
export const OVERRIDABLE_SETTINGS = ['weeklyFolder', 'weeklyTitle', 'meetingWeekday', 'linkBase', 'holidays'] as const satisfies ReadonlyArray<keyof MinutesConfig>;

/** An open document a request is about. */
export interface DocumentParams {
  uri: string;
}

/** `minutes/teams`: the teams and SIGs of a weekly roll-up, for the "Teams & SIGs" view; null if not minutes. */
export const TeamsRequest = new RequestType<DocumentParams, TeamRow[] | null, void>('minutes/teams');

/** `minutes/documentInfo`: the kind of an open document and, if it is not minutes, why; null if it is not open. */
export const DocumentInfoRequest = new RequestType<DocumentParams, DocumentInfo | null, void>('minutes/documentInfo');

/** `minutes/actionItems`: the open action items of every repository open in the editor, each once. */
export const ActionItemsRequest = new RequestType<ActionItemsParams, ActionItemRow[], void>('minutes/actionItems');

export interface ActionItemsParams {
  /** A series not met for more than this many days has ended (null: three of its usual gaps, at least `reminderDays`). */
  olderAfterDays?: number | null;
}

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
  /** Its series has stopped meeting: the view lists it under "Older". */
  older: boolean;
}

/**
 * A command the server runs for any editor (`workspace/executeCommand` with `arguments: [args]`):
 * its name, and (as types only) the one argument object it takes and what it answers.
 */
export interface ServerCommand<Args, Result> {
  readonly name: string;
  /** Never set: carries the types, as `RequestType` does. */
  readonly _?: [Args, Result];
}

const command = <Args, Result>(name: string): ServerCommand<Args, Result> => ({ name });

/** A repository open in the editor; without it, the first one. */
export interface RootParams {
  rootUri?: string;
}

/** Commands the server runs for any editor; VS Code's palette commands call them. */
export const SERVER_COMMANDS = {
  /** The days a new roll-up could be for. */
  weeklyDates: command<RootParams, WeeklyDateChoice[]>('minutes.server.weeklyDates'),
  /** The content of a new roll-up (nothing is written); `date` is YYYY-MM-DD. */
  newWeeklyMinutes: command<RootParams & { date: string }, NewFileResult>('minutes.server.newWeeklyMinutes'),
  /** Team and SIG folders. */
  teamFolders: command<RootParams, string[]>('minutes.server.teamFolders'),
  /** Team and SIG folders with their names and next meeting day. */
  teamChoices: command<RootParams, TeamChoice[]>('minutes.server.teamChoices'),
  /** The content of new team minutes; without `date`, for today. */
  newTeamMinutes: command<RootParams & { folder: string; date?: string }, NewFileResult>('minutes.server.newTeamMinutes'),
  /** A `.minutes.json` inferred from the repository (nothing is written), with a one-line summary and what it changes against the defaults. */
  createConfiguration: command<RootParams, NewFileResult & { summary: string; changes: ConfigChange[] }>('minutes.server.createConfiguration'),
  /** Holiday notices and dates to insert at the cursor. */
  dateInsertions: command<{ uri: string; position: { line: number; character: number } }, DateInsertion[]>('minutes.server.dateInsertions'),
  /** What importing a pad's Markdown (`text`) into a series folder would do, meeting by meeting (nothing is written). */
  importPlan: command<RootParams & { folder: string; text: string }, ImportPlanEntry[]>('minutes.server.importPlan'),
  /** The pad-hosted images an open document links, each with where it would be saved (nothing is fetched or written). */
  padImages: command<{ uri: string }, PadImagesResult>('minutes.server.padImages'),
  /** The pad the calendars name for a series folder (`HedgeDoc: URL` in its event), or null. */
  seriesPad: command<RootParams & { folder: string }, SeriesPadEntry | null>('minutes.server.seriesPad'),
} as const;

export type ServerCommands = typeof SERVER_COMMANDS;
export type CommandArgs<C> = C extends ServerCommand<infer A, unknown> ? A : never;
export type CommandResult<C> = C extends ServerCommand<unknown, infer R> ? R : never;
/**
 * What a server's handler of each command gets and gives: the arguments come from any editor, so
 * each is `unknown` until the handler has checked it; the result must be the declared one.
 */
export type CommandHandlers = {
  [K in keyof ServerCommands]: (args: { [F in keyof CommandArgs<ServerCommands[K]>]?: unknown }) => CommandResult<ServerCommands[K]> | Promise<CommandResult<ServerCommands[K]>>;
};

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
  /** Its next meeting day by its schedule or its own history, on or after today (YYYY-MM-DD). */
  next: string;
  weekday: string;
  /** Why that day: "its schedule: every 2 weeks, Thursday", "it meets on Thursdays, from its recent minutes". */
  basis?: string;
}

export interface DateInsertion {
  title: string;
  kind: 'holiday-notice' | 'date';
  edit: { range: Range; newText: string };
}

/** One meeting of a pad to import: see core/pad/plan.ts. */
export interface ImportPlanEntry {
  /** The file it would create (`new`) or was compared with. */
  uri: string;
  /** YYYY-MM-DD. */
  date: string;
  title: string;
  status: 'new' | 'identical' | 'differs' | 'duplicate';
  /** The meeting's text as it would be written. */
  text: string;
  /** Images still on the pad's host. */
  remoteImages: string[];
}

/** The pad-hosted images of a document, as its `version` links them: see core/pad/images.ts. */
export interface PadImagesResult {
  version: number;
  images: PadImage[];
}

export interface PadImage {
  /** The upload's URL, as the document has it. */
  url: string;
  /** The file it is saved in (next to the document, or in the config's `assetsFolder`). */
  uri: string;
  /** The relative link that replaces the URL. */
  link: string;
  /** Each place the document has the URL (the URL only, never the punctuation after it). */
  ranges: Range[];
}

export interface SeriesPadEntry {
  url: string;
  /** The calendar event that names it. */
  event: string;
  /** Its last meeting on or before today, YYYY-MM-DD. */
  lastMeeting?: string;
}

export interface ListMarkdownFilesParams {
  rootUri: string;
}

/**
 * Where there is no file system (the browser, where the server runs in a web worker), the server reads
 * the repository through the client, which answers with `vscode.workspace.findFiles` and `workspace.fs`.
 * `minutes/fs/listMarkdownFiles`: the folder's Markdown files as `/`-separated paths relative to it,
 * sorted, without the SKIPPED_FOLDERS.
 */
export const ListMarkdownFilesRequest = new RequestType<ListMarkdownFilesParams, string[], void>('minutes/fs/listMarkdownFiles');

/** `minutes/fs/listCalendarFiles`: the folder's `*.ics`, `*.yml` and `*.yaml` files, as ListMarkdownFilesRequest lists Markdown (Create Configuration proposes the calendars among them). */
export const ListCalendarFilesRequest = new RequestType<ListMarkdownFilesParams, string[], void>('minutes/fs/listCalendarFiles');

export interface ReadTextsParams {
  uris: string[];
}

export interface ReadTextsResult {
  texts: Array<string | null>;
  /** Why files were skipped (path or URI, reason), for the server's log. */
  skipped: Array<{ uri: string; reason: string }>;
}

/**
 * `minutes/fs/readTexts`: the texts of many files in one round trip, in order; null for a file that is
 * missing, binary (has a 0 byte) or larger than MAX_TEXT_BYTES.
 */
export const ReadTextsRequest = new RequestType<ReadTextsParams, ReadTextsResult, void>('minutes/fs/readTexts');

/**
 * `minutes/series`: each series of the configured calendars in every repository, with its
 * schedule, its last minutes, its meetings without minutes and its open action items.
 */
export const SeriesRequest = new RequestType0<SeriesRow[], void>('minutes/series');

export interface SeriesRow {
  /** The repository's root URI. */
  rootUri: string;
  /** The series' folder, relative to the root. */
  folder: string;
  /**
   * One line per calendar event or schedule of the series: `every 2 weeks, Friday 09:05, from ...`;
   * none for a series no calendar or schedule gives. `source`: the calendar's file or URL, or (for a
   * schedule) `.minutes.json` or `the default configuration`, with `scheduled` set.
   */
  schedule: Array<{ event: string; schedule: string; source: string; scheduled?: true }>;
  /** The newest minutes (YYYY-MM-DD and URI), if any. */
  lastMinutes?: { date: string; uri: string };
  /** Meetings older than the grace period that have no minutes, oldest first (YYYY-MM-DD). */
  missing: Array<{ date: string; event: string; source: string; scheduled?: true }>;
  openActionItems: number;
  /** The series stopped meeting (its newest minutes several usual gaps ago): listed last. */
  ended: boolean;
  /** Calendars of the repository that could not be read (one line each), repeated on each row. */
  problems: string[];
}

/**
 * `minutes/fetchCalendar`, sent by the server to the client: the text of a calendar feed the
 * configuration names. The server opens no connections itself; VS Code fetches (in trusted
 * workspaces only) with a time and size limit, and caches for a few minutes.
 */
export const FetchCalendarRequest = new RequestType<FetchCalendarParams, FetchCalendarResult, void>('minutes/fetchCalendar');

export interface FetchCalendarParams {
  url: string;
}

export interface FetchCalendarResult {
  text?: string;
  /** Why it was not read, one line. */
  error?: string;
}
