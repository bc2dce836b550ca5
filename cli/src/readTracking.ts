import { URI } from 'vscode-uri';
import { MinutesWorkspace, type CalendarDate, type CheckedModel, type IndexedFile, type MinutesConfig, type MinutesModel, type TeamKind } from '../../server/src/core';
import { listMarkdownFiles } from '../../server/src/node/fileWorkspace';
import { DiskReads } from './diskReads';

type RollUp = ReturnType<MinutesWorkspace['rollUps']>[number];
type LearnedFolder = ReturnType<MinutesWorkspace['learnedFolders']>[number];

/**
 * A workspace over the folder on disk that notes, for each file checked, every file whose content
 * its check depends on: for `--cache`, which checks a file again when one of them changes.
 *
 * Contents are read in three ways (the text, the model, the outline), each noted on every call, even
 * where the model was parsed before. The workspace also keeps facts derived from many files between
 * checks (the roll-up history, when meetings were held, the copies in a series): a check that reuses
 * one reads nothing, yet depends on what it was derived from. So each such fact belongs to a group
 * (DERIVED below), and a check asking anything of a group depends on every file that any
 * computation in that group has read so far: more than it may need, never less. A method of the
 * workspace that derives facts from contents must be listed here (test/cli/readTracking.test.ts
 * fails on a method it does not know).
 */
export class ReadTrackingWorkspace extends MinutesWorkspace {
  private checked: Set<string> | undefined;
  private ownReading = false;
  /** The reads of the derived-fact calls under way, innermost last. */
  private readonly open: Array<Set<string>> = [];
  private readonly groups = new Map<string, Set<string>>();

  /**
   * `disk`: where the files are read (once a run), by the checks too. Without `tracking` nothing is
   * noted (a run without `--cache`): in a repository of thousands of files each check depends on
   * thousands, and noting them took a third of the run.
   */
  constructor(
    root: string,
    config: MinutesConfig,
    readonly disk = new DiskReads(),
    private readonly tracking = true,
  ) {
    const listed = listMarkdownFiles(root);
    super(URI.file(root).toString(), disk.repositoryFiles(root, new Set(listed)), config, listed);
    const held = this.held;
    const heldOn = held.heldOn.bind(held);
    // Also when HeldDates asks itself (latestOnOrBefore, between): its memory is per file.
    held.heldOn = (file) => this.derived(`held\0${file.path}`, () => heldOn(file));
  }

  /** Runs one file's check; `read` is every file (relative path) whose content it depends on. */
  checking<T>(work: () => T): { result: T; read: Set<string> } {
    const read = (this.checked = new Set());
    try {
      return { result: work(), read };
    } finally {
      this.checked = undefined;
    }
  }

  /** Runs `work` unnoted: the checked file's own reading, which its content hash already covers. */
  readingOwnFile<T>(work: () => T): T {
    this.ownReading = true;
    try {
      return work();
    } finally {
      this.ownReading = false;
    }
  }

  override readText(path: string): string | undefined {
    this.note(path);
    return super.readText(path);
  }

  override model(path: string): MinutesModel | undefined {
    this.note(path);
    return super.model(path);
  }

  override outline(path: string): CheckedModel | undefined {
    this.note(path);
    return super.outline(path);
  }

  override *prepare(): Generator<void, void> {
    // It reads every roll-up into the models (noted when asked for) and the history.
    yield* this.derived(HISTORY, () => [...super.prepare()]);
  }

  override weeklyFiles(): IndexedFile[] {
    return this.derived(HISTORY, () => super.weeklyFiles());
  }

  override rollUps(): RollUp[] {
    return this.derived(HISTORY, () => super.rollUps());
  }

  override lastMeetingBefore(date: CalendarDate, exceptPath?: string): CalendarDate {
    return this.derived(HISTORY, () => super.lastMeetingBefore(date, exceptPath));
  }

  override previousWeekly(date: CalendarDate, exceptPath?: string): RollUp | undefined {
    return this.derived(HISTORY, () => super.previousWeekly(date, exceptPath));
  }

  override hasLaterWeekly(date: CalendarDate, exceptPath?: string): boolean {
    return this.derived(HISTORY, () => super.hasLaterWeekly(date, exceptPath));
  }

  override learnedFolders(before?: CalendarDate): LearnedFolder[] {
    return this.derived(HISTORY, () => super.learnedFolders(before));
  }

  override folderOf(team: { name: string; kind?: TeamKind }, asOf?: CalendarDate): string | undefined {
    // Remembered per team from the roll-ups' links (learnedFolders) and the index.
    return this.derived(HISTORY, () => super.folderOf(team, asOf));
  }

  override copyOf(model: CheckedModel): IndexedFile | undefined {
    // CopyFinder keeps each file's folded text and compares a file with the others of its series.
    const path = this.relativePath(model.uri);
    const series = path === undefined ? '' : (this.index.file(path)?.folder ?? path.slice(0, Math.max(0, path.lastIndexOf('/'))));
    return this.derived(`copies\0${series}`, () => super.copyOf(model));
  }

  private note(path: string): void {
    if (!this.tracking) return;
    // A fact derived meanwhile depends on the file all the same, whoever asks for it later.
    for (const reads of this.open) reads.add(path);
    if (!this.ownReading) this.checked?.add(path);
  }

  /** Runs a call of a group of derived facts: see the class comment. */
  private derived<T>(group: string, work: () => T): T {
    if (!this.tracking) return work();
    let reads = this.groups.get(group);
    if (!reads) this.groups.set(group, (reads = new Set()));
    this.open.push(reads);
    try {
      return work();
    } finally {
      this.open.pop();
      for (const path of reads) this.note(path);
    }
  }
}

const HISTORY = 'history';

/** Methods of MinutesWorkspace that derive facts from file contents, each tracked above. */
export const DERIVED = ['readText', 'model', 'outline', 'prepare', 'weeklyFiles', 'rollUps', 'lastMeetingBefore', 'previousWeekly', 'hasLaterWeekly', 'learnedFolders', 'folderOf', 'copyOf', 'held.heldOn'];
