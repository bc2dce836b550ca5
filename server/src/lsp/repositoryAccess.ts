import type { CalendarDate, CalendarFile, ConfigFile, Finding } from '../core';

/**
 * How the server reaches the files of a repository: Node's file system on the desktop
 * (`node/nodeAccess.ts`), the editor's `vscode.workspace.fs` in the browser (`browser/clientAccess.ts`).
 * Asynchronous, so that reading a large repository never holds up a request.
 */
export interface RepositoryAccess {
  /** The Markdown files below a folder, as `/`-separated paths relative to it, sorted. */
  listMarkdownFiles(rootUri: string): Promise<string[]>;
  /**
   * The texts of files (by URI), in order; undefined for one that is missing or is no minutes text
   * (binary, too large): the access says why where it can (a log line), never throws for one file.
   */
  readTexts(uris: string[]): Promise<Array<string | undefined>>;
  /** The repository's calendar files (iCalendar, yaml2ics YAML), for Create Configuration to propose; an access without it proposes none. */
  findCalendarFiles?(rootUri: string): Promise<CalendarFile[]>;
  /**
   * The findings `minutes-lint --cache` left in the folder that still hold for its files as they are
   * on disk, by path, for this config and day (none without a cache); an access without it reuses none.
   */
  cachedFindings?(rootUri: string, config: Pick<ConfigFile, 'config' | 'text'>, day: CalendarDate): Promise<Record<string, Finding[]>>;
}
