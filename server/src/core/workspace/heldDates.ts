import type { MinutesConfig } from '../config/types';
import { dayNumber, type CalendarDate } from '../model/dates';
import { wrongDate, type SeriesSource } from './meetingDate';
import type { IndexedFile } from './minutesIndex';

/**
 * When the meetings of a repository's files were held. A file's name is its date, except where
 * the name is the one found wrong (its title and the series' weekday say another date, and the
 * check offers the rename): such a file is no minutes of the week its name says, so no link to
 * it is proposed there, and it does not count as that week's minutes (`iam/20230612.md`, titled
 * 2024-06-12).
 */
export class HeldDates {
  private readonly misnamed = new Map<string, CalendarDate | null>();
  private indexGeneration = -1;

  constructor(
    private readonly source: SeriesSource & { readonly config: MinutesConfig; outline(path: string): ReturnType<NonNullable<SeriesSource['outline']>> },
  ) {}

  forget(path: string): void {
    this.misnamed.delete(path);
  }

  /** The date the meeting of a file was held: its title's where its name is the wrong one. */
  heldOn(file: IndexedFile): CalendarDate {
    if (this.indexGeneration !== this.source.index.generation) {
      this.indexGeneration = this.source.index.generation;
      this.misnamed.clear();
    }
    if (!this.misnamed.has(file.path)) {
      const model = this.source.outline(file.path);
      const verdict = model && wrongDate(model, this.source.config, this.source);
      this.misnamed.set(file.path, verdict?.wrong === 'file' ? (model!.title?.date?.date ?? null) : null);
    }
    return this.misnamed.get(file.path) ?? file.date!;
  }

  /** The newest file of a folder whose meeting was held on or before `date`. */
  latestOnOrBefore(folder: string, date: CalendarDate): IndexedFile | undefined {
    const limit = dayNumber(date);
    const files = this.source.index.filesIn(folder);
    for (let i = files.length - 1; i >= 0; i--) {
      if (dayNumber(files[i].date!) <= limit && dayNumber(this.heldOn(files[i])) <= limit) return files[i];
    }
    return undefined;
  }

  /** Files of a folder named after `after` and on or before `until` whose meeting was held then too. */
  between(folder: string, after: CalendarDate | undefined, until: CalendarDate): IndexedFile[] {
    const low = after ? dayNumber(after) : -Infinity;
    const high = dayNumber(until);
    return this.source.index.between(folder, after, until).filter((f) => {
      const held = dayNumber(this.heldOn(f));
      return held > low && held <= high;
    });
  }
}
