/** The series no calendar covers whose config gives a schedule: the meetings it expects. */
import { calendarFor } from '../calendar/calendarFor';
import { datedPathOf } from '../config/paths';
import type { MinutesConfig } from '../config/types';
import { describeScheduleEntry } from './describe';
import type { ExpectedMeeting } from './missing';
import { scheduledDates } from './scheduled';
import type { SeriesFiles } from './types';

/** The `source` of a meeting a schedule expects (a calendar's is its file or URL). */
export const SCHEDULE_SOURCE = 'schedule';

export interface ScheduledSeries {
  series: string;
  schedule: Array<{ event: string; schedule: string; source: string }>;
  meetings: ExpectedMeeting[];
}

/** Each series folder outside `covered` whose series config has a schedule, with its expected meetings up to `today` (YYYY-MM-DD). */
export function scheduledSeries(config: MinutesConfig, files: SeriesFiles, covered: ReadonlySet<string>, today: string): ScheduledSeries[] {
  const holidays = calendarFor(config.holidays);
  const found: ScheduledSeries[] = [];
  for (const folder of files.datedFolders()) {
    const dated = files.filesIn(folder);
    if (covered.has(folder) || !dated.length) continue;
    const seriesConfig = datedPathOf(dated[0].path, config)?.seriesConfig;
    if (!seriesConfig?.schedule.length) continue;
    const event = { summary: seriesConfig.name ?? folder, source: SCHEDULE_SOURCE };
    const dates = scheduledDates(seriesConfig.schedule, dated.flatMap((f) => (f.date ? [f.date] : [])), {
      today,
      graceDays: config.minutesGraceDays,
      isHoliday: (date) => !!holidays.holidayOn(date),
    });
    found.push({
      series: folder,
      schedule: seriesConfig.schedule.map((entry) => ({ event: event.summary, schedule: describeScheduleEntry(entry), source: SCHEDULE_SOURCE })),
      meetings: dates.map((date) => ({ series: folder, date, event })),
    });
  }
  return found;
}
