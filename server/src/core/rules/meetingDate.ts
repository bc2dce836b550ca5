import type { MinutesConfig } from '../config/types';
import { sameDate, weekday, type CalendarDate } from '../model/dates';
import type { MinutesModel } from '../model/types';

/**
 * The date the minutes are about. Title and file name usually agree; when they do not, a wrong
 * title (copied from last week) is the common mistake, so the file name wins, unless only the
 * title falls on the roll-up's meeting weekday (a misnamed file).
 */
export function meetingDate(model: MinutesModel, config: MinutesConfig): CalendarDate | undefined {
  const titleDate = model.title?.date?.problem === 'impossible' ? undefined : model.title?.date?.date;
  const fileDate = model.fileDate?.date;
  if (!titleDate || !fileDate) return fileDate ?? titleDate;
  if (sameDate(titleDate, fileDate)) return fileDate;
  return fileNameLooksWrong(model, config) ? titleDate : fileDate;
}

/** A roll-up whose title is on the meeting weekday while its file name is not. */
export function fileNameLooksWrong(model: MinutesModel, config: MinutesConfig): boolean {
  const titleDate = model.title?.date?.date;
  const fileDate = model.fileDate?.date;
  if (model.kind !== 'weekly' || !titleDate || !fileDate || model.title?.date?.problem) return false;
  return weekday(titleDate) === config.meetingWeekday && weekday(fileDate) !== config.meetingWeekday;
}
