import { URI, Utils } from 'vscode-uri';
import type { MinutesConfig } from '../config/types';
import { dayNumber, fromDayNumber, sameDate, type CalendarDate } from '../model/dates';
import { parseMinutes, parseMinutesInSteps, parseMinutesOutline, type SourceDocument } from '../model/parse';
import type { CheckedModel, MinutesModel, TeamKind } from '../model/types';
import { findRosterTeam } from '../model/teams';
import { meetingDate } from './meetingDate';
import { compilePathPattern, datedPathOf, formatDatedPath } from '../config/paths';
import { MinutesIndex, type IndexedFile } from './minutesIndex';
import { nameTokens, sameTeam, teamSimilarity, tokenSimilarity } from './names';

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

export interface LearnedFolder {
  name: string;
  kind: TeamKind;
  folder: string;
  /** How many roll-ups link this team to this folder: one mistaken link does not outvote history. */
  votes: number;
  /** The day (dayNumber) of the latest roll-up that made this link. */
  lastDay: number;
}

/** A roll-up with the date of its meeting. */
export interface RollUp {
  file: IndexedFile;
  model: MinutesModel;
  date: CalendarDate;
}

/** One link of a team section to a folder, as one roll-up made it. */
interface TeamLink {
  name: string;
  kind: TeamKind;
  folder: string;
  day: number;
}

/**
 * One minutes repository: the index of its files, the models of the files that rules look at
 * (earlier roll-ups, linked minutes), and what those teach about which team keeps which folder.
 */
export class MinutesWorkspace {
  readonly index: MinutesIndex;
  private readonly models = new Map<string, MinutesModel | null>();
  private links: { generation: number; links: TeamLink[]; learned: Map<number, LearnedFolder[]> } | undefined;
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
    this.contents.delete(path);
  }

  /**
   * A file's text changed (on disk, or in an open editor): forget what was read from it, or take
   * the editor's model of the new text, so that it is not parsed a second time.
   */
  fileChanged(path: string, model?: MinutesModel): void {
    if (model && this.models.get(path) === model) return;
    this.contents.delete(path);
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
    return this.index.datedFolders().some((f) => f !== this.config.weeklyFolder);
  }

  weeklyFiles(): IndexedFile[] {
    return this.index.filesIn(this.config.weeklyFolder);
  }

  /**
   * The roll-ups of the repository (slide decks and other files of the folder left out), in the
   * order of their meetings: a misnamed file (`20221127.md` holding the call of 2022-10-27) stands
   * where its meeting was, so that the history around it reads as it happened.
   */
  rollUps(): RollUp[] {
    if (this.rollUpList?.generation !== this.generation) {
      const list: RollUp[] = [];
      for (const file of this.weeklyFiles()) {
        const model = this.model(file.path);
        const date = model?.kind === 'weekly' ? meetingDate(model, this.config) : undefined;
        if (model && date) list.push({ file, model, date });
      }
      list.sort((a, b) => dayNumber(a.date) - dayNumber(b.date) || (a.file.path < b.file.path ? -1 : 1));
      this.rollUpList = { generation: this.generation, list };
    }
    return this.rollUpList.list;
  }

  private rollUpList: { generation: number; list: RollUp[] } | undefined;

  /**
   * The day after which a team's minutes are news for the roll-up of `date`: the previous roll-up's
   * meeting, but no more than two weeks back (a group meeting every other week reports at the next
   * call; a roll-up that was not written, or not kept, does not make three weeks' old minutes news).
   */
  lastMeetingBefore(date: CalendarDate, exceptPath?: string): CalendarDate {
    const previous = this.previousWeekly(date, exceptPath)?.date;
    const windowStart = dayNumber(date) - NEWS_WINDOW_DAYS;
    return previous && dayNumber(previous) > windowStart ? previous : fromDayNumber(windowStart);
  }

  /** The latest roll-up of a meeting before `date`, other than `exceptPath`. */
  previousWeekly(date: CalendarDate, exceptPath?: string): RollUp | undefined {
    const before = this.rollUps().filter((r) => r.file.path !== exceptPath && dayNumber(r.date) < dayNumber(date));
    return before[before.length - 1];
  }

  /**
   * The file of the same folder that a document is a copy of, but for white space, if any. Copies
   * share their title, so the original is the one named after the title's date (`20230816.md`
   * holding the minutes titled 2023-08-23 copies `20230823.md`); failing that, the earliest.
   */
  copyOf(model: CheckedModel): IndexedFile | undefined {
    const path = this.relativePath(model.uri);
    const date = model.fileDate?.date;
    if (path === undefined || !date) return undefined;
    const titleDate = model.title?.date?.date;
    if (titleDate && sameDate(titleDate, date)) return undefined;
    const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
    const others = this.index.filesIn(folder).filter((file) => file.path !== path);
    const comparable = (file: IndexedFile) => {
      let content = this.contents.get(file.path);
      if (content === undefined) {
        const text = this.readText(file.path);
        this.contents.set(file.path, (content = text === undefined ? '' : comparableText(text)));
      }
      return content;
    };
    // A document longer than any of them, white space aside, copies none (and a huge one is not folded for nothing).
    if (!foldsWithin(model.text, Math.max(0, ...others.map((f) => comparable(f).length)))) return undefined;
    const content = comparableText(model.text);
    // An empty template or a bare title is the same in every file; it copies nothing.
    if (content.length < MIN_COPY_LENGTH) return undefined;
    const same = others.filter((file) => comparable(file) === content);
    const named = titleDate && same.find((f) => sameDate(f.date!, titleDate));
    return named || same.find((f) => dayNumber(f.date!) < dayNumber(date));
  }

  /** Each file's text with its white space folded, kept until that file changes: typing in one file re-reads no other. */
  private readonly contents = new Map<string, string>();

  /**
   * Where the minutes of `date` of a series go: named like the series' latest file (same pattern,
   * same prefix), else by the first pattern of the config.
   */
  pathFor(series: string, date: CalendarDate): string {
    const latest = this.index.filesIn(series).at(-1);
    const like = latest && datedPathOf(latest.path, this.config);
    const weekly = series === this.config.weeklyFolder;
    const pattern = like?.pattern ?? compilePathPattern(weekly ? this.config.weeklyPaths[0] : this.config.minutesPaths[0]);
    return formatDatedPath(date, series, pattern, like?.wildcards.map((w, i) => (i === like.wildcards.length - 1 && like.suffixed ? '' : w)) ?? [])!;
  }

  /** Whether a roll-up of a later meeting than `date` exists: then the one of `date` is history. */
  hasLaterWeekly(date: CalendarDate, exceptPath?: string): boolean {
    return this.rollUps().some((r) => r.file.path !== exceptPath && dayNumber(r.date) > dayNumber(date));
  }

  /**
   * The folder of a team's minutes as the repository stood on `asOf` (without it: as it stands): from the
   * roster, else from how the roll-ups before that day linked the team, else from the names of the
   * folders that had minutes by then. Closer names win over more links (after the Ops/IAM split,
   * `Team IAM` is `iam/`, not the `ops-iam/` of `Team Operations and IAM`); among equally close
   * names, more links win, then the more recent; a tie is no answer.
   */
  folderOf(team: { name: string; kind?: TeamKind }, asOf?: CalendarDate): string | undefined {
    // Asked for every team on every keystroke: remembered until the repository changes.
    if (this.folders?.generation !== this.generation) this.folders = { generation: this.generation, byTeam: new Map() };
    const key = `${team.kind ?? ''}\u0000${team.name}\u0000${asOf ? dayNumber(asOf) : ''}`;
    if (!this.folders.byTeam.has(key)) this.folders.byTeam.set(key, this.findFolder(team, asOf));
    return this.folders.byTeam.get(key);
  }

  private findFolder(team: { name: string; kind?: TeamKind }, asOf: CalendarDate | undefined): string | undefined {
    const rostered = findRosterTeam(team.name, this.config.teams);
    if (rostered?.folder) return rostered.folder;
    const existing = new Set(this.teamFolders(asOf));
    type Candidate = { folder: string; similarity: number; votes: number; lastDay: number };
    const candidates = new Map<string, Candidate>();
    const consider = (folder: string, similarity: number, votes: number, lastDay: number) => {
      if (similarity <= 0 || !existing.has(folder)) return;
      const known = candidates.get(folder);
      if (!known || similarity > known.similarity) candidates.set(folder, { folder, similarity, votes, lastDay });
      else if (similarity === known.similarity) candidates.set(folder, { ...known, votes: known.votes + votes, lastDay: Math.max(known.lastDay, lastDay) });
    };
    for (const l of this.learnedFolders(asOf)) consider(l.folder, teamSimilarity(l, team), l.votes, l.lastDay);
    // A folder's name is weaker evidence: each of its words must be in the team's name (`sig-iam`
    // is `IAM SIG`'s, `ops-iam` is not), and it must not be kind-marked for another kind.
    const tokens = nameTokens(team.name);
    for (const folder of existing) {
      if (candidates.has(folder) || !kindsAgree(folderKind(folder), team.kind)) continue;
      const words = folderTokens(folder);
      if (words.every((w) => tokens.some((t) => tokenSimilarity([w], [t]) > 0))) consider(folder, tokenSimilarity(tokens, words), 0, -Infinity);
    }
    const ranked = [...candidates.values()].sort((a, b) => b.similarity - a.similarity || b.votes - a.votes || b.lastDay - a.lastDay);
    const [best, next] = ranked;
    if (!best) return undefined;
    if (next && next.similarity === best.similarity && next.votes === best.votes && next.lastDay === best.lastDay) return undefined;
    return best.folder;
  }

  /** Folders of team minutes (not the roll-ups') that held minutes dated on or before `asOf`. */
  teamFolders(asOf?: CalendarDate): string[] {
    const folders = this.index.datedFolders().filter((f) => f !== this.config.weeklyFolder);
    if (!asOf) return folders;
    const limit = dayNumber(asOf);
    return folders.filter((f) => dayNumber(this.index.filesIn(f)[0].date!) <= limit);
  }

  /**
   * Team folders as the roll-ups dated before `before` link them (all roll-ups without it), newest
   * name first, with how often each link was made: what the repository knew on that day.
   */
  learnedFolders(before?: CalendarDate): LearnedFolder[] {
    if (this.links?.generation !== this.generation) this.links = { generation: this.generation, links: this.readLinks(), learned: new Map() };
    const limit = before ? dayNumber(before) : Infinity;
    let learned = this.links.learned.get(limit);
    if (!learned) {
      learned = [];
      for (const link of this.links.links) {
        if (link.day >= limit) continue;
        const known = learned.find((f) => f.folder === link.folder && sameTeam(f, link));
        if (known) known.votes++;
        else learned.push({ name: link.name, kind: link.kind, folder: link.folder, votes: 1, lastDay: link.day });
      }
      this.links.learned.set(limit, learned);
    }
    return learned;
  }

  /** Every team-to-folder link of every roll-up, newest roll-up first. */
  private readLinks(): TeamLink[] {
    const links: TeamLink[] = [];
    for (const { model, date } of [...this.rollUps()].reverse()) {
      for (const entry of model.updates?.entries ?? []) {
        const folder = entry.minutesLine?.target?.folder;
        if (!folder || entry.minutesLine?.state === 'external') continue;
        links.push({ name: entry.name, kind: entry.kind, folder, day: dayNumber(date) });
      }
    }
    return links;
  }
}

const MIN_COPY_LENGTH = 80;
/** How far back a team's minutes can be news for a roll-up (see lastMeetingBefore). */
const NEWS_WINDOW_DAYS = 14;

/** Whether the text has at most `max` characters that are not white space (stops counting past it). */
function foldsWithin(text: string, max: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // ASCII white space is common; anything else beyond ASCII is asked of the same \s that folding uses.
    if (c === 32 || (c >= 9 && c <= 13) || (c > 127 && /\s/u.test(text[i]))) continue;
    if (++count > max) return false;
  }
  return true;
}

/** A text with its white space folded: copies that differ only in blank lines or spaces compare equal. */
function comparableText(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** What a folder's name says it holds: `sig-monitoring` a SIG's minutes, `team-iaas` a team's. */
function folderKind(folder: string): TeamKind | undefined {
  const name = folder.split('/').pop()!;
  if (/(?:^|[-_])sigs?(?:[-_]|$)/iu.test(name)) return 'sig';
  if (/(?:^|[-_])team(?:[-_]|$)/iu.test(name)) return 'team';
  return undefined;
}

function kindsAgree(a: TeamKind | undefined, b: TeamKind | undefined): boolean {
  return !a || !b || a === 'other' || b === 'other' || a === b;
}

/** The words of a folder's name, as a team's name would have them: `sig-monitoring` -> `monitoring`. */
function folderTokens(folder: string): string[] {
  return nameTokens(folder.split('/').pop()!.replace(/[-_]/gu, ' '));
}
