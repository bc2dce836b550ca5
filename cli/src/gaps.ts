/** `minutes-lint --gaps`: the meetings of the config's calendars (or of the series' schedules) that have no minutes. */
import { calendarGaps, datedPathOf, MinutesIndex, SCHEDULE_SOURCE, type CalendarDate, type CalendarGaps, type CalendarReader, type MinutesConfig } from '../../server/src/core';
import { parseCalendar } from '../../server/src/core/calendars';
import { calendarFileReader } from '../../server/src/node/calendarFiles';
import { listMarkdownFiles } from '../../server/src/node/fileWorkspace';

export async function repositoryGaps(root: string, config: MinutesConfig, today: CalendarDate, readFeed?: CalendarReader): Promise<CalendarGaps> {
  const index = new MinutesIndex(listMarkdownFiles(root), (path) => datedPathOf(path, config));
  return calendarGaps(config, calendarFileReader(root, readFeed), parseCalendar, index, today);
}

/** One line per missing meeting, `series  date  event  (source)`, and a last line counting them. */
export function formatGapsText(gaps: CalendarGaps): string {
  const lines = gaps.missing.map((m) => `${m.series}  ${m.date}  ${m.event}  (${m.source})`);
  const bySchedule = gaps.series.filter((s) => s.schedule.some((entry) => entry.source === SCHEDULE_SOURCE)).length;
  const scheduled = bySchedule ? ` and ${bySchedule} series of the schedules in the config` : '';
  lines.push(`${gaps.missing.length} meeting(s) without minutes in ${gaps.series.length - bySchedule} series of the calendars${scheduled}`);
  return lines.join('\n');
}
