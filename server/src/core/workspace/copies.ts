import { dayNumber, sameDate } from '../model/dates';
import type { CheckedModel } from '../model/types';
import type { IndexedFile, MinutesIndex } from './minutesIndex';

/** What finding copies reads of the repository. */
export interface CopySource {
  readonly index: MinutesIndex;
  readText(path: string): string | undefined;
}

/**
 * Copies of minutes within a series: a file that is another meeting's minutes but for white space,
 * or but for white space and the dates of its headings (the title's date changed, nothing else). Each file's folded
 * text is kept until that file changes: typing in one file re-reads no other.
 */
export class CopyFinder {
  private readonly folded = new Map<string, Folded>();

  constructor(private readonly source: CopySource) {}

  forget(path: string): void {
    this.folded.delete(path);
  }

  /**
   * The file of the same series that a document at `path` copies, if any. An exact copy shares its
   * title, so the original is the one named after the title's date (`20230816.md` holding the
   * minutes titled 2023-08-23 copies `20230823.md`), failing that the earliest; a copy with its
   * dates changed copies the latest earlier file with the same text.
   */
  copyOf(model: CheckedModel, path: string): IndexedFile | undefined {
    const date = model.fileDate?.date;
    if (!date) return undefined;
    const series = this.source.index.file(path)?.folder ?? (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
    const others = this.source.index.filesIn(series).filter((file) => file.path !== path);
    // A document longer than any of them, white space aside, copies none (and a huge one is not folded for nothing).
    const longest = Math.max(0, ...others.map((f) => this.foldedOf(f.path).text.length));
    if (!foldsWithin(model.text, longest + DATE_SLACK)) return undefined;
    // A file is mostly folded already as another's: its own check folds it only if its text is new.
    const known = this.folded.get(path);
    const own = known?.raw === model.text ? known : folded(model.text);
    const titleDate = model.title?.date?.date;
    if (own.text.length >= MIN_COPY_LENGTH && !(titleDate && sameDate(titleDate, date))) {
      const same = others.filter((file) => this.foldedOf(file.path).text === own.text);
      const named = titleDate && same.find((f) => sameDate(f.date!, titleDate));
      const exact = named || same.find((f) => dayNumber(f.date!) < dayNumber(date));
      if (exact) return exact;
    }
    // Only the dates differ: longer texts only, since short notes ("No meeting this week.") repeat by nature.
    if (own.undated.length < MIN_UNDATED_COPY_LENGTH) return undefined;
    // Exact copies were settled above (the original is the one named after the title's date).
    return others.filter((file) => dayNumber(file.date!) < dayNumber(date) && this.foldedOf(file.path).text !== own.text && this.foldedOf(file.path).undated === own.undated).at(-1);
  }

  private foldedOf(path: string): Folded {
    let found = this.folded.get(path);
    if (!found) this.folded.set(path, (found = folded(this.source.readText(path) ?? '')));
    return found;
  }
}

/** A text as copies are compared: white space folded, and also without the dates of its headings. */
interface Folded {
  raw: string;
  text: string;
  undated: string;
}

function folded(raw: string): Folded {
  return { raw, text: comparableText(raw), undated: comparableText(withoutHeadingDates(raw)) };
}

const MIN_COPY_LENGTH = 80;
/** A copy whose dates were changed must have this much text besides: template-like notes are not copies. */
const MIN_UNDATED_COPY_LENGTH = 200;
/** Dates written out differ in length (`May 5` and `December 25`): a copy may be this much longer. */
const DATE_SLACK = 64;

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

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?';
// Dates as minutes write them: 2024-01-05, 20240105, 05.01.2024, 1/5/24, January 5th, 2024, 5 January 2024,
// and ranges of days (06-08 March 2023, March 6-8): a range is one date, whatever its days.
const DATES = new RegExp(
  [
    `\\b\\d{1,2}\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}(?:,?\\s+\\d{4})?\\b`,
    `\\b${MONTH}\\s+\\d{1,2}\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`,
    '\\b\\d{4}[-_./]\\d{1,2}[-_./]\\d{1,2}\\b',
    '\\b\\d{8}\\b',
    '\\b\\d{1,2}[./-]\\d{1,2}[./-]\\d{2,4}\\b',
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?\\b`,
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+${MONTH}(?:,?\\s+\\d{4})?\\b`,
  ].join('|'),
  'giu',
);

/**
 * A text with each date of its headings replaced by one mark: copies whose title (or agenda
 * heading) got the new date compare equal. Dates elsewhere stay: a roll-up that links this week's
 * files differs from last week's in its links' dates.
 */
function withoutHeadingDates(text: string): string {
  return text.replace(/^ {0,3}#{1,6}[ \t].*$/gmu, (heading) => heading.replace(DATES, '\u0000'));
}
