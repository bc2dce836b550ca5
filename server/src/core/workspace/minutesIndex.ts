import { dayNumber, type CalendarDate } from '../model/dates';

/** Where a path's date and series come from: the config's path patterns (see config/paths.ts). */
export type DatePath = (path: string) => { date: { date?: CalendarDate }; series: string; weekly?: boolean } | undefined;

export interface IndexedFile {
  /** Relative to the repository root, with `/`: `iaas/20220928.md`. */
  path: string;
  /** The series: `iaas`, `meetings` for `meetings/2024/2024-01-05.md`; for undated files their folder, `` at the root. */
  folder: string;
  fileName: string;
  date?: CalendarDate;
  /** Whether it is a file of a roll-up series. */
  rollUp?: boolean;
}

/**
 * The minutes files of one repository by folder and date, read from file names alone. Kept up to
 * date file by file as files are created, renamed or deleted: no rescans.
 */
export class MinutesIndex {
  private readonly byFolder = new Map<string, IndexedFile[]>();
  private readonly byPath = new Map<string, IndexedFile>();
  /** Bumped on every change, so that what was derived from the index can tell it is stale. */
  generation = 0;

  constructor(
    paths: Iterable<string> = [],
    private readonly datePath: DatePath = () => undefined,
  ) {
    // Sorting once per folder: adding the files one by one would re-sort a folder per file.
    for (const path of paths) this.insert(path, false);
    for (const list of this.byFolder.values()) list.sort(byDateThenName);
    this.generation++;
  }

  add(path: string): void {
    this.insert(path, true);
  }

  private insert(path: string, keepSorted: boolean): void {
    if (this.byPath.has(path) || !/\.md$/iu.test(path)) return;
    const slash = path.lastIndexOf('/');
    const dated = this.datePath(path);
    const file: IndexedFile = { path, folder: dated?.date.date ? dated.series : slash < 0 ? '' : path.slice(0, slash), fileName: path.slice(slash + 1) };
    if (dated?.date.date) file.date = dated.date.date;
    if (dated?.date.date && dated.weekly) file.rollUp = true;
    this.byPath.set(path, file);
    const list = this.byFolder.get(file.folder) ?? [];
    if (keepSorted) {
      // Binary search for the place: one file at a time, from file events.
      let low = 0;
      let high = list.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (byDateThenName(list[mid], file) <= 0) low = mid + 1;
        else high = mid;
      }
      list.splice(low, 0, file);
      this.generation++;
    } else {
      list.push(file);
    }
    this.byFolder.set(file.folder, list);
  }

  remove(path: string): void {
    const file = this.byPath.get(path);
    if (!file) return;
    this.byPath.delete(path);
    const list = this.byFolder.get(file.folder)!.filter((f) => f !== file);
    if (list.length) this.byFolder.set(file.folder, list);
    else this.byFolder.delete(file.folder);
    this.generation++;
  }

  /** Every file of the repository, dated or not. */
  allPaths(): Iterable<string> {
    return this.byPath.keys();
  }

  /** The indexed file at a path: its series (`folder`), date and whether it is a roll-up. */
  file(path: string): IndexedFile | undefined {
    return this.byPath.get(path);
  }

  has(path: string): boolean {
    return this.byPath.has(path);
  }

  get size(): number {
    return this.byPath.size;
  }

  private datedFoldersCache: { generation: number; folders: string[]; rollUps: string[]; others: string[] } | undefined;

  /** Folders holding at least one dated minutes file, by series: roll-ups and the others. */
  private folders(): { folders: string[]; rollUps: string[]; others: string[] } {
    if (this.datedFoldersCache?.generation !== this.generation) {
      const folders = [...this.byFolder.entries()].filter(([, files]) => files.some((f) => f.date)).map(([folder]) => folder).sort();
      const isRollUp = (folder: string) => this.byFolder.get(folder)!.some((f) => f.rollUp);
      this.datedFoldersCache = { generation: this.generation, folders, rollUps: folders.filter(isRollUp), others: folders.filter((f) => !isRollUp(f)) };
    }
    return this.datedFoldersCache;
  }

  /** Folders holding at least one dated minutes file. */
  datedFolders(): string[] {
    return this.folders().folders;
  }

  /** Series folders of roll-ups (see SeriesConfig's kind). */
  rollUpFolders(): string[] {
    return this.folders().rollUps;
  }

  /** Series folders of minutes other than roll-ups. */
  seriesFolders(): string[] {
    return this.folders().others;
  }

  hasFolder(folder: string): boolean {
    return this.byFolder.has(folder);
  }

  /** The dated files of a folder, oldest first. */
  filesIn(folder: string): IndexedFile[] {
    return (this.byFolder.get(folder) ?? []).filter((f) => f.date);
  }

  /** The newest file of a folder dated on or before `date` (same-day minutes count). */
  latestOnOrBefore(folder: string, date: CalendarDate): IndexedFile | undefined {
    const limit = dayNumber(date);
    const files = this.filesIn(folder);
    for (let i = files.length - 1; i >= 0; i--) if (dayNumber(files[i].date!) <= limit) return files[i];
    return undefined;
  }

  /** Whether a file of a folder other than `exceptPath` is dated after `date`: then a file of `date` is not its newest. */
  hasLater(folder: string, date: CalendarDate, exceptPath?: string): boolean {
    const day = dayNumber(date);
    return this.filesIn(folder).some((f) => f.path !== exceptPath && dayNumber(f.date!) > day);
  }

  /** Files of a folder dated after `after` and on or before `until`. */
  between(folder: string, after: CalendarDate | undefined, until: CalendarDate): IndexedFile[] {
    const low = after ? dayNumber(after) : -Infinity;
    const high = dayNumber(until);
    return this.filesIn(folder).filter((f) => dayNumber(f.date!) > low && dayNumber(f.date!) <= high);
  }
}

function byDateThenName(a: IndexedFile, b: IndexedFile): number {
  const da = a.date ? dayNumber(a.date) : -Infinity;
  const db = b.date ? dayNumber(b.date) : -Infinity;
  return da - db || (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0);
}
