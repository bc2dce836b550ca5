import { ResponseError, ErrorCodes, LSPErrorCodes, type Connection } from 'vscode-languageserver';
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from './analysis';
import { calendarFor, featureContext, dateOptions, formatDate, insertOption, newTeamMinutes, newWeeklyMinutes, WEEKDAY_NAMES, weekday, weeklyDateChoices, type CalendarDate, type NewFile, today, nextTeamMeeting, configText, inferConfig, configChanges, withCalendars, planImport, padOfSeries, readCalendars, uploadOccurrences, uploadTargets, type CalendarParser } from '../core';
import type { Repositories, Repository } from './repositories';
import { MAX_TEXT_BYTES, messageDate, SERVER_COMMANDS, type CommandHandlers, type ImportPlanEntry, type PadImagesResult, type ConfigChange, type DateInsertion, type NewFileResult, type TeamChoice, type WeeklyDateChoice } from '../protocol';
import type { Readiness } from './ready';
import { repositoryReader } from './seriesRequest';

/** `workspace/executeCommand` for the commands that compute content; editors decide what to do with it. */
export function registerCommands(connection: Connection, repositories: Repositories, documents: TextDocuments<TextDocument>, analysis: Analysis, ready: Readiness, parseCalendar: CalendarParser): string[] {
  const repository = (rootUri: unknown): Repository => {
    const state = typeof rootUri === 'string' ? repositories.forRoot(rootUri) : repositories.all()[0];
    if (!state) throw new ResponseError(ErrorCodes.InvalidParams, 'no minutes repository is open');
    return state;
  };
  const result = (state: Repository, file: NewFile): NewFileResult => ({ ...file, uri: state.workspace.uriOf(file.path) });
  const handlers: CommandHandlers = {
    weeklyDates: ({ rootUri }): WeeklyDateChoice[] => {
      const state = repository(rootUri);
      const calendar = calendarFor(state.config.holidays);
      return weeklyDateChoices(state.config, today()).map((d) => ({ date: formatDate(d), weekday: WEEKDAY_NAMES[weekday(d)], holiday: calendar.holidayOn(d)?.name }));
    },
    newWeeklyMinutes: ({ rootUri, date }) => {
      const state = repository(rootUri);
      return result(state, newWeeklyMinutes(state.workspace, state.config, calendarFor(state.config.holidays), parseDate(date)));
    },
    teamFolders: ({ rootUri }): string[] => {
      const state = repository(rootUri);
      return state.workspace.index.seriesFolders();
    },
    teamChoices: ({ rootUri }): TeamChoice[] => {
      const state = repository(rootUri);
      const now = today();
      const names = new Map([...state.workspace.learnedFolders()].sort((a, b) => a.lastDay - b.lastDay || a.votes - b.votes).map((l) => [l.folder, l.name]));
      return state.workspace.index
        .seriesFolders()
        .map((folder) => {
          const next = nextTeamMeeting(state.workspace, folder, now, calendarFor(state.config.holidays));
          const last = state.workspace.index.filesIn(folder).pop()?.date;
          return { folder, name: names.get(folder), last: last && formatDate(last), next: formatDate(next.date), weekday: WEEKDAY_NAMES[weekday(next.date)], basis: next.basis };
        });
    },
    newTeamMinutes: ({ rootUri, folder, date }) => {
      const state = repository(rootUri);
      // Only a folder of the repository: other editors call this directly, with any argument.
      if (typeof folder !== 'string' || !state.workspace.index.datedFolders().includes(folder)) {
        throw new ResponseError(ErrorCodes.InvalidParams, 'folder must be one of the team folders (minutes.server.teamFolders)');
      }
      return result(state, newTeamMinutes(state.workspace, folder, calendarFor(state.config.holidays), date === undefined ? today() : parseDate(date)));
    },
    createConfiguration: async ({ rootUri }): Promise<NewFileResult & { summary: string; changes: ConfigChange[] }> => {
      const state = repository(rootUri);
      const paths = [...state.workspace.index.allPaths()].sort();
      // As `minutes-lint --init`: the calendar files of the repository, where its access can find them.
      const calendars = (await repositories.access.findCalendarFiles?.(state.rootUri)) ?? [];
      const inferred = await withCalendars(inferConfig({ paths, readText: (path) => state.workspace.readText(path) }), paths, calendars, parseCalendar);
      const summary = [...inferred.recognised.map((r) => `${r.files} files ${r.pattern}`), ...(inferred.unrecognised.length ? [`${inferred.unrecognised.length} dated files match no pattern`] : [])].join('; ');
      const text = configText(inferred, `Inferred by Minutes: Create Configuration from This Repository from ${paths.length} Markdown files; every value may be changed (see the README).`);
      return { uri: state.workspace.uriOf('.minutes.json'), text, cursor: { line: 0, character: 0 }, exists: state.configFile.text !== undefined, summary, changes: configChanges(inferred.values) };
    },
    importPlan: ({ rootUri, folder, text }): ImportPlanEntry[] => {
      const state = repository(rootUri);
      if (typeof folder !== 'string' || !state.workspace.index.datedFolders().includes(folder)) {
        throw new ResponseError(ErrorCodes.InvalidParams, 'folder must be one of the team folders (minutes.server.teamFolders)');
      }
      if (typeof text !== 'string' || text.length > MAX_TEXT_BYTES) throw new ResponseError(ErrorCodes.InvalidParams, `text must be the pad's Markdown, at most ${MAX_TEXT_BYTES / 1024 / 1024} MB`);
      const plan = planImport(text, folder, state.workspace, state.config, today());
      if (plan.notRead) throw new ResponseError(ErrorCodes.InvalidParams, `the pad was not read whole (${plan.notRead}); import it in parts`);
      return plan.meetings.map((m) => ({
        uri: state.workspace.uriOf(m.path),
        date: formatDate(m.date),
        title: m.title,
        status: m.status,
        text: m.text,
        remoteImages: m.remoteImages,
      }));
    },
    padImages: ({ uri }): PadImagesResult => {
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      if (!document) throw new ResponseError(ErrorCodes.InvalidParams, 'an open document is needed');
      const located = repositories.locate(document.uri);
      if (!located) throw new ResponseError(ErrorCodes.InvalidParams, 'the document lies in no minutes repository open in the editor');
      const text = document.getText();
      const places = uploadOccurrences(text);
      const images = uploadTargets(text, located.path, located.state.config.assetsFolder).map((target) => ({
        url: target.url,
        uri: located.state.workspace.uriOf(target.path),
        link: target.link,
        ranges: places.filter((p) => p.url === target.url).map((p) => ({ start: document.positionAt(p.start), end: document.positionAt(p.end) })),
      }));
      return { version: document.version, images };
    },
    seriesPad: async ({ rootUri, folder }) => {
      const state = repository(rootUri);
      if (typeof folder !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'folder must be a series folder');
      // Calendars that cannot be read propose nothing; the Series view reports them.
      const { events } = await readCalendars(state.config.calendars, repositoryReader(state.rootUri, repositories, connection), parseCalendar);
      return padOfSeries(events, folder, state.config.linkBase, state.config.calendarSeries, formatDate(today())) ?? null;
    },
    dateInsertions: async ({ uri, position: given }): Promise<DateInsertion[]> => {
      const document = typeof uri === 'string' ? documents.get(uri) : undefined;
      if (!document || !isPosition(given)) throw new ResponseError(ErrorCodes.InvalidParams, 'an open document and a position are needed');
      const model = await analysis.model(document);
      if (!model) return [];
      const config = repositories.configOf(document.uri);
      const position = document.positionAt(document.offsetAt(given));
      return dateOptions(model, featureContext(config, undefined, today())).map((option) => ({
        title: option.title,
        kind: option.kind,
        edit: insertOption(model, position, option),
      }));
    },
  };
  connection.onExecuteCommand(async ({ command, arguments: args }, token) => {
    // The repository's content is what these compute from: not before it is loaded.
    await ready.wait(token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
    const key = (Object.keys(SERVER_COMMANDS) as Array<keyof typeof SERVER_COMMANDS>).find((k) => SERVER_COMMANDS[k].name === command);
    if (!key) throw new ResponseError(ErrorCodes.InvalidParams, `unknown command ${command}`);
    const [first] = (args ?? []) as unknown[];
    const handler = handlers[key] as (args: Record<string, unknown>) => unknown;
    return handler(typeof first === 'object' && first !== null ? (first as Record<string, unknown>) : {});
  });
  return Object.values(SERVER_COMMANDS).map((c) => c.name);
}

function parseDate(value: unknown): CalendarDate {
  const date = messageDate(value);
  if (!date) throw new ResponseError(ErrorCodes.InvalidParams, `not a date: ${String(value)} (expected YYYY-MM-DD)`);
  return date;
}

function isPosition(value: unknown): value is { line: number; character: number } {
  const p = value as { line?: unknown; character?: unknown } | undefined;
  return typeof p?.line === 'number' && typeof p?.character === 'number' && p.line >= 0 && p.character >= 0;
}
