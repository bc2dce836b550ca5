/** The `minutes/series` request: the calendars' series of every repository, for the Series view. */
import type { Connection } from 'vscode-languageserver';
import { Utils, URI } from 'vscode-uri';
import { calendarGaps, formatDate, openItems, today, type CalendarParser, type CalendarReader } from '../core';
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
  return gaps.series.map((series) => {
    const last = workspace.index.filesIn(series.series).filter((f) => formatDate(f.date!) === series.lastMinutes).at(-1);
    return {
      rootUri: state.rootUri,
      folder: series.series,
      schedule: series.schedule,
      lastMinutes: series.lastMinutes && last ? { date: series.lastMinutes, uri: workspace.uriOf(last.path) } : undefined,
      missing: series.missing.map(({ date, event, source }) => ({ date, event, source })),
      openActionItems: open.filter((o) => o.series === series.series).length,
      problems: gaps.problems,
    };
  });
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
