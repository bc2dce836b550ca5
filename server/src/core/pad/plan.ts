import { splitBom } from '../text/bom';
import type { MinutesConfig } from '../config/types';
import { formatDate, sameDate, type CalendarDate } from '../model/dates';
import type { MinutesWorkspace } from '../workspace/workspace';
import { localUploads, uploadTargets, type UploadTarget } from './images';
import { remoteUploads } from './uploads';
import { withoutLeftovers } from './leftovers';
import { shiftHeadings, splitPad, type PadMeeting } from './split';

/**
 * What importing one meeting does: `new` creates `path`; `identical` leaves the series' file of
 * that date as it is; `differs` leaves it too, and shows `diff` (never overwrites); `duplicate`
 * is a second meeting of a date the pad already had.
 */
export type ImportStatus = 'new' | 'identical' | 'differs' | 'duplicate';

export interface PlannedMeeting {
  date: CalendarDate;
  title: string;
  status: ImportStatus;
  /** The file the meeting is (`new`) or was compared with (relative to the repository). */
  path: string;
  /** The meeting's text as it would be written. */
  text: string;
  /** A unified diff from the existing file to the pad's meeting (`differs` only, when asked for one). */
  diff?: string;
  /** Images on the pad's host (`.../uploads/...`) that the meeting (an identical file: that file) links. */
  remoteImages: string[];
  /** Where each of them goes, and its link (`new` only: other meetings write nothing). */
  images: UploadTarget[];
}

/** Makes a unified diff of two texts (jsdiff's createTwoFilesPatch in the CLI, the one that shows it). */
export type UnifiedDiff = (oldName: string, newName: string, oldText: string, newText: string) => string;

export interface ImportPlan {
  meetings: PlannedMeeting[];
  /** Why the pad could not be read whole, if so (see splitPad). */
  notRead?: string;
}

/**
 * Decides, meeting by meeting, what importing the pad `padText` into the series folder `series`
 * does. The title keeps its words; its level becomes that of the series' latest file's title.
 * With `diff`, a meeting whose file differs carries the diff to show.
 */
export function planImport(padText: string, series: string, workspace: MinutesWorkspace, config: MinutesConfig, today: CalendarDate, diff?: UnifiedDiff): ImportPlan {
  const titleDepth = seriesTitleDepth(workspace, series);
  const seen: CalendarDate[] = [];
  const pad = splitPad(padText, config, today);
  // What the series' recent files keep of a template (see withoutLeftovers).
  const seriesTexts = workspace.index.filesIn(series).slice(-RECENT_FILES).flatMap((f) => workspace.readText(f.path) ?? []);
  const meetings = pad.meetings.map((meeting): PlannedMeeting => {
    const shifted = titleDepth ? shiftHeadings(meeting.text, titleDepth - meeting.depth, config) : meeting.text;
    const text = withoutLeftovers(shifted, seriesTexts);
    const base = { date: meeting.date, title: meeting.title, text, remoteImages: remoteUploads(text), images: [] };
    const duplicate = seen.some((d) => sameDate(d, meeting.date));
    seen.push(meeting.date);
    const existing = workspace.index.filesIn(series).filter((f) => sameDate(f.date!, meeting.date));
    if (duplicate) return { ...base, status: 'duplicate' as const, path: existing[0]?.path ?? workspace.pathFor(series, meeting.date) };
    if (!existing.length) {
      const path = workspace.pathFor(series, meeting.date);
      return { ...base, status: 'new' as const, path, images: uploadTargets(text, path, config.assetsFolder) };
    }
    // A meeting imported before has the pad's uploads as local links (those that could be saved).
    const local = (t: string | undefined, path: string) => t && localUploads(t, path, config.assetsFolder);
    const same = existing.find((f) => comparable(local(workspace.readText(f.path), f.path)) === comparable(local(text, f.path)));
    if (same) return { ...base, status: 'identical' as const, path: same.path, remoteImages: remoteUploads(workspace.readText(same.path) ?? '') };
    const path = existing[0].path;
    return { ...base, status: 'differs' as const, path, diff: diff && differences(diff, path, workspace.readText(path) ?? '', text, meeting) };
  });
  return { meetings, notRead: pad.notRead };
}

/** How many of the series' latest files tell what it keeps of a template. */
const RECENT_FILES = 20;

/** The level of the title of the series' latest file (`#` or `##`), if it has one. */
function seriesTitleDepth(workspace: MinutesWorkspace, series: string): number | undefined {
  const latest = workspace.index.filesIn(series).at(-1);
  const model = latest && workspace.model(latest.path);
  if (!model?.title) return undefined;
  const line = model.text.split(/\r\n?|\n/u)[model.title.range.start.line] ?? '';
  const hashes = /^ {0,3}(#{1,6})(?:[ \t]|$)/u.exec(line)?.[1].length;
  return hashes && hashes <= 2 ? hashes : undefined;
}

/** Texts equal but for line endings, a byte order mark and blank lines before and after. */
function comparable(text: string | undefined): string | undefined {
  return text && splitBom(text).text.replace(/\r\n?/gu, '\n').replace(/^(?:[ \t]*\n)+/u, '').trimEnd();
}

function differences(diff: UnifiedDiff, path: string, existing: string, text: string, meeting: PadMeeting): string {
  const lf = (t: string) => t.replace(/\r\n?/gu, '\n');
  return diff(path, `pad: ${formatDate(meeting.date)} (line ${meeting.line + 1})`, lf(existing), lf(text));
}
