import type { MinutesConfig } from '../config/types';
import { dayNumber, fromDayNumber, type CalendarDate } from '../model/dates';
import type { MinutesModel, TeamKind } from '../model/types';
import { meetingDate } from './meetingDate';
import type { IndexedFile, MinutesIndex } from './minutesIndex';
import { sameTeam } from './names';

/** A roll-up with the date of its meeting. */
export interface RollUp {
  file: IndexedFile;
  model: MinutesModel;
  date: CalendarDate;
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

/** One link of a team section to a folder, as one roll-up made it. */
interface TeamLink {
  name: string;
  kind: TeamKind;
  folder: string;
  day: number;
}

/** What the history reads of the repository. */
export interface RollUpSource {
  readonly index: MinutesIndex;
  readonly config: MinutesConfig;
  /** Changes whenever anything derived from the repository may change. */
  readonly generation: number;
  model(path: string): MinutesModel | undefined;
  relativePath(uri: string): string | undefined;
}

/**
 * The roll-ups of a repository in the order of their meetings, and what they teach: which team
 * keeps which folder, as of any day. Recomputed when the repository's generation changes.
 */
export class RollUpHistory {
  private list: { generation: number; rollUps: RollUp[] } | undefined;
  private links: { generation: number; links: TeamLink[]; learned: Map<number, LearnedFolder[]> } | undefined;

  constructor(private readonly source: RollUpSource) {}

  /** The files of every roll-up series (of one, with `series`), oldest first. */
  files(series?: string): IndexedFile[] {
    const folders = series !== undefined ? [series] : this.source.index.rollUpFolders();
    const files = folders.flatMap((folder) => this.source.index.filesIn(folder));
    return folders.length > 1 ? files.sort((a, b) => dayNumber(a.date!) - dayNumber(b.date!)) : files;
  }

  /**
   * The roll-ups (slide decks and other files of their folders left out), in the order of their
   * meetings: a misnamed file (`20221127.md` holding the call of 2022-10-27) stands where its meeting
   * was, so that the history around it reads as it happened.
   */
  rollUps(): RollUp[] {
    if (this.list?.generation !== this.source.generation) {
      const rollUps: RollUp[] = [];
      for (const file of this.files()) {
        const model = this.source.model(file.path);
        const date = model?.kind === 'weekly' ? meetingDate(model, this.source.config, this.source) : undefined;
        if (model && date) rollUps.push({ file, model, date });
      }
      rollUps.sort((a, b) => dayNumber(a.date) - dayNumber(b.date) || (a.file.path < b.file.path ? -1 : 1));
      this.list = { generation: this.source.generation, rollUps };
    }
    return this.list.rollUps;
  }

  /** The roll-ups of the series of `path` (of all roll-up series when it is none of theirs), but that file. */
  private others(exceptPath: string | undefined): RollUp[] {
    const series = exceptPath !== undefined ? this.source.index.file(exceptPath) : undefined;
    const own = series?.rollUp ? series.folder : undefined;
    return this.rollUps().filter((r) => r.file.path !== exceptPath && (own === undefined || r.file.folder === own));
  }

  /** The latest roll-up of a meeting before `date`, other than `exceptPath` (of its series). */
  previousWeekly(date: CalendarDate, exceptPath?: string): RollUp | undefined {
    return this.others(exceptPath)
      .filter((r) => dayNumber(r.date) < dayNumber(date))
      .at(-1);
  }

  /** Whether a roll-up of a later meeting than `date` exists: then the one of `date` is history. */
  hasLaterWeekly(date: CalendarDate, exceptPath?: string): boolean {
    return this.others(exceptPath).some((r) => dayNumber(r.date) > dayNumber(date));
  }

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

  /**
   * Team folders as the roll-ups dated before `before` link them (all roll-ups without it), newest
   * name first, with how often each link was made: what the repository knew on that day.
   */
  learnedFolders(before?: CalendarDate): LearnedFolder[] {
    if (this.links?.generation !== this.source.generation) this.links = { generation: this.source.generation, links: this.readLinks(), learned: new Map() };
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

/** How far back a team's minutes can be news for a roll-up (see lastMeetingBefore). */
const NEWS_WINDOW_DAYS = 14;
