import { URI, Utils } from 'vscode-uri';
import { compilePathPattern, datedPathOf, formatDatedPath } from '../config/paths';
import { folderPattern } from '../config/series';
import type { MinutesConfig } from '../config/types';
import { dayNumber, type CalendarDate } from '../model/dates';
import { parseMinutes, parseMinutesInSteps, parseMinutesOutline, type SourceDocument } from '../model/parse';
import type { CheckedModel, MinutesModel, TeamKind } from '../model/types';
import { CopyFinder } from './copies';
import { HeldDates } from './heldDates';
import { MinutesIndex, type IndexedFile } from './minutesIndex';
import { RollUpHistory, type LearnedFolder, type RollUp } from './rollUpHistory';
import { findFolder } from './teamFolders';

export type { LearnedFolder, RollUp };

/** How the core reads files of the repository; the server and the CLI each provide one. */
export interface WorkspaceFiles {
  /** The text of a file (relative path), or undefined when it cannot be read. */
  readFile(path: string): string | undefined;
}

// One counter for all workspaces: a reloaded workspace never repeats an earlier one's generation.
let generations = 0;

/** Windows drive letters come in either case (`/C:/` and `/c:/`). */
function comparable(path: string): string {
  return path.replace(/^\/([A-Za-z]):/u, (_, drive: string) => `/${drive.toLowerCase()}:`);
}

/**
 * One minutes repository: the index of its files and its generations, the models of the files that
 * rules look at (earlier roll-ups, linked minutes), and, each in a module of its own, the history of
 * its roll-ups with the team folders they teach, and the copies among its minutes.
 */
export class MinutesWorkspace {
  readonly index: MinutesIndex;
  private readonly models = new Map<string, MinutesModel | null>();
  private readonly history = new RollUpHistory(this);
  private readonly copies = new CopyFinder(this);
  /** When each file's meeting was held, where its name is the wrong date (see HeldDates). */
  readonly held = new HeldDates(this);
  private folders: { generation: number; byTeam: Map<string, string | undefined> } | undefined;
  private contentGeneration = 0;

  constructor(
    readonly rootUri: string,
    private readonly files: WorkspaceFiles,
    readonly config: MinutesConfig,
    paths: Iterable<string> = [],
  ) {
    this.index = new MinutesIndex(paths, (path) => datedPathOf(path, config));
  }

  /**
   * Changes whenever the index or a file's content changes, and differs between workspaces: the key
   * for anything derived from the repository.
   */
  get generation(): number {
    if (this.seenIndexGeneration !== this.index.generation || this.seenContentGeneration !== this.contentGeneration) {
      this.seenIndexGeneration = this.index.generation;
      this.seenContentGeneration = this.contentGeneration;
      this.currentGeneration = ++generations;
    }
    return this.currentGeneration;
  }

  private seenIndexGeneration = -1;
  private seenContentGeneration = -1;
  private currentGeneration = 0;

  /**
   * The path of a document relative to this repository, if it lies inside it. URIs are compared by
   * their decoded paths: editors encode them differently (`file:///c%3A/x` vs `file:///C:/x`).
   */
  relativePath(uri: string): string | undefined {
    let parsed: URI;
    try {
      parsed = URI.parse(uri);
    } catch {
      return undefined;
    }
    if (parsed.scheme !== this.root.scheme || parsed.authority !== this.root.authority) return undefined;
    const rootPath = comparable(this.root.path.endsWith('/') ? this.root.path : `${this.root.path}/`);
    const path = parsed.path;
    if (!comparable(path).startsWith(rootPath)) return undefined;
    const relative = path.slice(rootPath.length);
    // Whatever an editor's event names, nothing outside the folder is ever indexed or read.
    if (relative.split('/').some((segment) => segment === '..' || segment === '.')) return undefined;
    return relative;
  }

  uriOf(path: string): string {
    return Utils.joinPath(this.root, ...path.split('/')).toString();
  }

  private get root(): URI {
    this.parsedRoot ??= URI.parse(this.rootUri);
    return this.parsedRoot;
  }

  private parsedRoot: URI | undefined;

  fileCreated(path: string): void {
    this.index.add(path);
  }

  fileDeleted(path: string): void {
    this.index.remove(path);
    this.models.delete(path);
    this.outlines.delete(path);
    this.copies.forget(path);
    this.held.forget(path);
  }

  /**
   * A file's text changed (on disk, or in an open editor): forget what was read from it, or take
   * the editor's model of the new text, so that it is not parsed a second time.
   */
  fileChanged(path: string, model?: MinutesModel): void {
    if (model && this.models.get(path) === model) return;
    this.copies.forget(path);
    this.held.forget(path);
    const outlined = this.outlines.delete(path);
    const known = this.models.has(path);
    if (model) this.models.set(path, model);
    else this.models.delete(path);
    if (known || outlined || model) this.contentGeneration++;
  }

  /** The text of a file of the repository (an open editor's, else the file's), if it can be read. */
  readText(path: string): string | undefined {
    return this.models.get(path)?.text ?? this.files.readFile(path);
  }

  /** The model of a file of the repository, parsed once until it changes. */
  model(path: string): MinutesModel | undefined {
    if (!this.models.has(path)) {
      const source = this.source(path);
      this.models.set(path, source ? parseMinutes(source, this.config) : null);
    }
    return this.models.get(path) ?? undefined;
  }

  /** A file of the repository as the parser takes it, if it can be read. */
  private source(path: string): SourceDocument | undefined {
    const text = this.files.readFile(path);
    return text === undefined ? undefined : { uri: this.uriOf(path), version: 0, text };
  }

  /**
   * Reads what every check of a roll-up needs (each roll-up's model, the team links they make) one
   * file per step, so that a caller can spread the work and stay responsive (see parseMinutesInSteps).
   */
  *prepare(): Generator<void, void> {
    for (const file of this.weeklyFiles()) {
      if (this.models.has(file.path)) continue;
      const source = this.source(file.path);
      const model = source ? yield* parseMinutesInSteps(source, this.config) : null;
      // An editor's model may have come in meanwhile: it is newer.
      if (!this.models.has(file.path)) this.models.set(file.path, model);
      yield;
    }
    this.learnedFolders();
  }

  /**
   * A file's model as far as reading its action items needs (its headings; see parseMinutesOutline):
   * the full model where there is one (an open editor's), else one parsed once until the file changes.
   */
  outline(path: string): CheckedModel | undefined {
    const full = this.models.get(path);
    if (full !== undefined) return full ?? undefined;
    if (!this.outlines.has(path)) {
      const source = this.source(path);
      this.outlines.set(path, source ? parseMinutesOutline(source, this.config) : null);
    }
    return this.outlines.get(path) ?? undefined;
  }

  private readonly outlines = new Map<string, CheckedModel | null>();

  /** Whether this is a minutes repository at all: link checks that need one are skipped otherwise. */
  hasTeamFolders(): boolean {
    return this.index.seriesFolders().length > 0;
  }

  /** The files of every roll-up series, oldest first. */
  weeklyFiles(): IndexedFile[] {
    return this.history.files();
  }

  /** The roll-ups of the repository in the order of their meetings (see RollUpHistory). */
  rollUps(): RollUp[] {
    return this.history.rollUps();
  }

  /** The day after which a team's minutes are news for the roll-up of `date` (see RollUpHistory). */
  lastMeetingBefore(date: CalendarDate, exceptPath?: string): CalendarDate {
    return this.history.lastMeetingBefore(date, exceptPath);
  }

  /** The latest roll-up of a meeting before `date`, other than `exceptPath` (of its series). */
  previousWeekly(date: CalendarDate, exceptPath?: string): RollUp | undefined {
    return this.history.previousWeekly(date, exceptPath);
  }

  /** Whether a roll-up of a later meeting than `date` exists: then the one of `date` is history. */
  hasLaterWeekly(date: CalendarDate, exceptPath?: string): boolean {
    return this.history.hasLaterWeekly(date, exceptPath);
  }

  /** The earlier minutes of the same series that a document copies, if any (see CopyFinder). */
  copyOf(model: CheckedModel): IndexedFile | undefined {
    const path = this.relativePath(model.uri);
    return path === undefined ? undefined : this.copies.copyOf(model, path);
  }

  /**
   * Where the minutes of `date` of a series go: named like the series' latest file (same pattern,
   * same prefix), else by the first pattern of the config.
   */
  pathFor(series: string, date: CalendarDate): string {
    const latest = this.index.filesIn(series).at(-1);
    const like = latest && datedPathOf(latest.path, this.config);
    const weekly = series === this.config.weeklyFolder || this.index.rollUpFolders().includes(series);
    // Without a file of its own yet: its series' own pattern, else the first of its kind (a folder per series where there is none).
    const own = this.config.series.flatMap((s) => s.paths).find((p) => compilePathPattern(p).literalSeries === series);
    const source = own ?? (weekly ? this.config.weeklyPaths[0] : this.config.minutesPaths.find((p) => compilePathPattern(p).hasSeries)) ?? folderPattern('{series}');
    const pattern = like?.pattern ?? compilePathPattern(source);
    return formatDatedPath(date, series, pattern, like?.wildcards.map((w, i) => (i === like.wildcards.length - 1 && like.suffixed ? '' : w)) ?? [])!;
  }

  /** The folder of a team's minutes as the repository stood on `asOf` (see findFolder). */
  folderOf(team: { name: string; kind?: TeamKind }, asOf?: CalendarDate): string | undefined {
    // Asked for every team on every keystroke: remembered until the repository changes.
    if (this.folders?.generation !== this.generation) this.folders = { generation: this.generation, byTeam: new Map() };
    const key = `${team.kind ?? ''}\u0000${team.name}\u0000${asOf ? dayNumber(asOf) : ''}`;
    if (!this.folders.byTeam.has(key)) this.folders.byTeam.set(key, findFolder(team, asOf, { teams: this.config.teams, teamFolders: (day) => this.teamFolders(day), learnedFolders: (day) => this.learnedFolders(day), folderTitle: (folder, day) => this.folderTitle(folder, day) }));
    return this.folders.byTeam.get(key);
  }

  /** The title of a folder's latest minutes on or before `asOf`, without its date, where it says more than the date. */
  folderTitle(folder: string, asOf?: CalendarDate): string | undefined {
    const files = this.index.filesIn(folder);
    const latest = asOf ? this.index.latestOnOrBefore(folder, asOf) : files.at(-1);
    const title = latest && this.outline(latest.path)?.title;
    if (!title) return undefined;
    const named = (title.date ? title.text.replace(title.date.text, ' ') : title.text).replace(/[\s,;:–—-]+$/u, '').trim();
    return /\p{L}/u.test(named) ? named : undefined;
  }

  /** Folders of team minutes (not the roll-ups') that held minutes dated on or before `asOf`. */
  teamFolders(asOf?: CalendarDate): string[] {
    const folders = this.index.seriesFolders();
    if (!asOf) return folders;
    const limit = dayNumber(asOf);
    return folders.filter((f) => dayNumber(this.index.filesIn(f)[0].date!) <= limit);
  }

  /** Team folders as the roll-ups dated before `before` link them (see RollUpHistory). */
  learnedFolders(before?: CalendarDate): LearnedFolder[] {
    return this.history.learnedFolders(before);
  }
}
