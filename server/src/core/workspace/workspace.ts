import { URI, Utils } from 'vscode-uri';
import type { MinutesConfig } from '../config/types';
import { dayNumber, type CalendarDate } from '../model/dates';
import { parseMinutes } from '../model/parse';
import type { MinutesModel, TeamKind } from '../model/types';
import { findRosterTeam } from '../model/teams';
import { MinutesIndex, type IndexedFile } from './minutesIndex';
import { nameTokens, sameTeam, tokenSimilarity } from './names';

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

interface LearnedFolder {
  name: string;
  kind: TeamKind;
  folder: string;
  /** How many roll-ups link this team to this folder: one mistaken link does not outvote history. */
  votes: number;
}

/**
 * One minutes repository: the index of its files, the models of the files that rules look at
 * (earlier roll-ups, linked minutes), and what those teach about which team keeps which folder.
 */
export class MinutesWorkspace {
  readonly index: MinutesIndex;
  private readonly models = new Map<string, MinutesModel | null>();
  private learned: { generation: number; folders: LearnedFolder[] } | undefined;
  private folders: { generation: number; byTeam: Map<string, string | undefined> } | undefined;
  private contentGeneration = 0;

  constructor(
    readonly rootUri: string,
    private readonly files: WorkspaceFiles,
    readonly config: MinutesConfig,
    paths: Iterable<string> = [],
  ) {
    this.index = new MinutesIndex(paths);
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
  }

  /**
   * A file's text changed (on disk, or in an open editor): forget what was read from it, or take
   * the editor's model of the new text, so that it is not parsed a second time.
   */
  fileChanged(path: string, model?: MinutesModel): void {
    const known = this.models.has(path);
    if (model) this.models.set(path, model);
    else this.models.delete(path);
    if (known || model) this.contentGeneration++;
  }

  /** The model of a file of the repository, parsed once until it changes. */
  model(path: string): MinutesModel | undefined {
    if (!this.models.has(path)) {
      const text = this.files.readFile(path);
      this.models.set(path, text === undefined ? null : parseMinutes({ uri: this.uriOf(path), version: 0, text }, this.config));
    }
    return this.models.get(path) ?? undefined;
  }

  /** Whether this is a minutes repository at all: link checks that need one are skipped otherwise. */
  hasTeamFolders(): boolean {
    return this.index.datedFolders().some((f) => f !== this.config.weeklyFolder);
  }

  weeklyFiles(): IndexedFile[] {
    return this.index.filesIn(this.config.weeklyFolder);
  }

  /** The latest roll-up dated before `date`, other than `exceptPath`. */
  previousWeekly(date: CalendarDate, exceptPath?: string): { file: IndexedFile; model: MinutesModel } | undefined {
    const before = this.weeklyFiles().filter((f) => f.path !== exceptPath && dayNumber(f.date!) < dayNumber(date));
    for (let i = before.length - 1; i >= 0; i--) {
      const model = this.model(before[i].path);
      if (model?.kind === 'weekly') return { file: before[i], model };
    }
    return undefined;
  }

  /** The folder of a team's minutes: from the roster, from earlier roll-ups' links, or from folder names. */
  folderOf(team: { name: string; kind?: TeamKind }): string | undefined {
    // Asked for every team on every keystroke: remembered until the repository changes.
    if (this.folders?.generation !== this.generation) this.folders = { generation: this.generation, byTeam: new Map() };
    const key = `${team.kind ?? ''}\u0000${team.name}`;
    if (!this.folders.byTeam.has(key)) this.folders.byTeam.set(key, this.findFolder(team));
    return this.folders.byTeam.get(key);
  }

  private findFolder(team: { name: string; kind?: TeamKind }): string | undefined {
    const rostered = findRosterTeam(team.name, this.config.teams);
    if (rostered?.folder) return rostered.folder;
    const votes = new Map<string, number>();
    for (const l of this.learnedFolders()) if (sameTeam(l, team) && this.index.hasFolder(l.folder)) votes.set(l.folder, (votes.get(l.folder) ?? 0) + l.votes);
    const ranked = [...votes.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length && (ranked.length === 1 || ranked[0][1] > ranked[1][1])) return ranked[0][0];
    return this.folderByName(team.name);
  }

  /** Team folders as the roll-ups link them, newest name first, with how often each link was made. */
  learnedFolders(): LearnedFolder[] {
    if (this.learned?.generation !== this.generation) {
      const folders: LearnedFolder[] = [];
      for (const file of [...this.weeklyFiles()].reverse()) {
        for (const entry of this.model(file.path)?.updates?.entries ?? []) {
          const folder = entry.minutesLine?.target?.folder;
          if (!folder || entry.minutesLine?.state === 'external') continue;
          const known = folders.find((f) => f.folder === folder && sameTeam(f, entry));
          if (known) known.votes++;
          else folders.push({ name: entry.name, kind: entry.kind, folder, votes: 1 });
        }
      }
      this.learned = { generation: this.generation, folders };
    }
    return this.learned.folders;
  }

  /** The dated folder whose name best matches a team's name (`ops-iam` for `Team Ops, IAM`); none if it is a tie. */
  private folderByName(name: string): string | undefined {
    const tokens = nameTokens(name);
    let best: string | undefined;
    let bestScore = 0;
    let tie = false;
    for (const folder of this.index.datedFolders()) {
      if (folder === this.config.weeklyFolder) continue;
      const score = tokenSimilarity(tokens, nameTokens(folder.split('/').pop()!.replace(/-/gu, ' ')));
      if (score > bestScore) [best, bestScore, tie] = [folder, score, false];
      else if (score === bestScore && score > 0) tie = true;
    }
    return tie ? undefined : best;
  }
}
