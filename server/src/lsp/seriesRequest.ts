/** The `minutes/series` request: the calendars' series of every repository, for the Series view. */
import type { Connection } from 'vscode-languageserver';
import { Utils, URI } from 'vscode-uri';
import { calendarGaps, dayNumber, formatDate, openItems, SCHEDULE_SOURCE, seriesEnded, today, type CalendarParser, type CalendarReader } from '../core';
import { FetchCalendarRequest, SeriesRequest, type FetchCalendarResult, type SeriesRow } from '../protocol';
import type { Readiness } from './ready';
import type { Repositories, Repository } from './repositories';

export function registerSeriesRequest(connection: Connection, repositories: Repositories, ready: Readiness, parse: CalendarParser): void {
  connection.onRequest(SeriesRequest, async (): Promise<SeriesRow[]> => {
    await ready.wait();
    const rows = await Promise.all(repositories.all().map((state) => seriesOf(state, repositoryReader(state.rootUri, repositories, connection), parse)));
    return rows.flat();
  });
}

async function seriesOf(state: Repository, read: CalendarReader, parse: CalendarParser): Promise<SeriesRow[]> {
  const day = today();
  const { workspace } = state;
  const gaps = await calendarGaps(state.config, read, parse, workspace.index, day);
  const open = openItems(workspace, day);
  // Where a schedule comes from: the config file, or the defaults when there is none.
  const scheduleSource = state.configFile.text === undefined ? 'the default configuration' : '.minutes.json';
  const named = <T extends { source: string }>(entry: T): T & { scheduled?: true } =>
    entry.source === SCHEDULE_SOURCE ? { ...entry, source: scheduleSource, scheduled: true } : entry;
  const row = (folder: string, schedule: SeriesRow['schedule'], missing: SeriesRow['missing']): SeriesRow => {
    const files = workspace.index.filesIn(folder);
    const last = files.filter((f) => dayNumber(f.date!) <= dayNumber(day)).at(-1);
    return {
      rootUri: state.rootUri,
      folder,
      schedule,
      lastMinutes: last ? { date: formatDate(last.date!), uri: workspace.uriOf(last.path) } : undefined,
      missing,
      openActionItems: open.filter((o) => o.series === folder).length,
      ended: seriesEnded(files, day, state.config.reminderDays),
      problems: gaps.problems,
    };
  };
  const covered = gaps.series.map((series) =>
    row(series.series, series.schedule.map(named), series.missing.map(({ date, event, source }) => named({ date, event, source }))),
  );
  // Every other series of the repository too, with its last minutes: no meetings are expected without a schedule or calendar.
  const others = workspace.index.datedFolders().filter((folder) => !gaps.series.some((s) => s.series === folder)).map((folder) => row(folder, [], []));
  return [...covered, ...others].sort((a, b) => Number(a.ended) - Number(b.ended) || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

/**
 * Calendars are read like the minutes, through the repository's access: from inside the folder
 * only (the node access refuses links out, the browser's reads the editor's files). Feeds (URLs)
 * are fetched by the client: the server neither opens connections nor calls fetch.
 */
export function repositoryReader(rootUri: string, repositories: Repositories, connection: Connection): CalendarReader {
  return async (location) => {
    if (/^https?:\/\//iu.test(location)) {
      const answer: FetchCalendarResult = await connection.sendRequest(FetchCalendarRequest, { url: location }).then(
        (result) => result,
        () => ({ error: 'this editor does not fetch calendar feeds' }),
      );
      if (answer.text === undefined) throw new Error(answer.error?.startsWith(location) ? answer.error : `${location}: ${answer.error ?? 'not read'}`);
      return answer.text;
    }
    if (location.startsWith('/') || /^[a-z][a-z+.-]*:/iu.test(location) || location.split(/[\\/]/u).includes('..')) throw new Error(`${location}: a calendar must be a path inside the repository`);
    const [text] = await repositories.access.readTexts([Utils.joinPath(URI.parse(rootUri), ...location.split('/')).toString()]);
    if (text === undefined) throw new Error(`${location}: no such calendar inside the repository (or larger than 5 MB)`);
    return text;
  };
}
