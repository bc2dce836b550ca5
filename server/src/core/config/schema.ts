/**
 * The JSON schema of `.minutes.json`: the one definition behind validation here, the
 * `jsonValidation` schema the build writes for VS Code, and the README.
 */
import { HOLIDAY_COUNTRIES } from '../calendar/countries';
import { RULES } from '../rules/catalog';
import { RULE_SETTINGS } from './severity';
import { DEFAULT_FILE_NAMING, folderPattern } from './series';
import { PATH_PATTERNS, SCHEDULE, SECTION_ROLES, SERIES, TEAM } from './schemaParts';

export const CONFIG_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: 'Minutes configuration',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    series: {
      type: 'array',
      items: SERIES,
      description:
        'The meeting series of the repository, each with its files, title forms, schedule and required sections; zero, one or several of them roll-ups. Without it, the keys weeklyFolder ... requiredSections describe the roll-up series and minutesPaths the other series; beside it, they change the first roll-up series.',
    },
    weeklyFolder: { type: 'string', repositoryPath: true, description: 'Folder of the weekly roll-up minutes, relative to the repository root.' },
    weeklyPaths: {
      ...PATH_PATTERNS,
      description:
        `Path patterns of the weekly roll-ups, relative to the repository root, first the one new files get: {YYYY} {YY} {MM} {DD} {M} {D} for the date, {*} for any text in a name, {suffix} for an optional "-anything". Default: "<weeklyFolder>/${DEFAULT_FILE_NAMING}".`,
    },
    minutesPaths: {
      ...PATH_PATTERNS,
      description: `Path patterns of all other minutes (teams, meeting series), where {series} is the series' folder(s), e.g. "{series}/{YYYY}/{YYYY}-{MM}-{DD}.md". Default: "${folderPattern('{series}')}".`,
    },
    weeklyTitles: {
      type: 'array',
      items: { type: 'string' },
      minItems: 1,
      description: 'Every title form the roll-ups had over the years, e.g. ["Foundation Board Meeting {date}", "Project Steering Committee (PSC) Meeting {date}"]; new roll-ups get the first. {date} is the meeting date, written as ISO or out (October 8th, 8 October 2024, 08.10.2024).',
    },
    weeklyTitle: { type: 'string', description: 'Title of a weekly roll-up; {date} stands for the meeting date.' },
    meetingWeekday: { type: 'integer', minimum: 0, maximum: 6, description: 'Weekday of the weekly meeting, 0 = Sunday ... 6 = Saturday.' },
    schedule: { ...SCHEDULE, description: 'When the roll-up meeting was held over the years, e.g. [{ "weekdays": [4], "until": "2016-06-30" }, { "weekdays": [3], "everyWeeks": 2, "from": "2016-07-01" }]. Empty: every week on meetingWeekday.' },
    linkBase: { type: 'string', description: 'URL prefix of minutes links, e.g. https://github.com/ORG/minutes/blob/main/' },
    sections: {
      type: 'object',
      additionalProperties: false,
      description: 'Heading names of the well-known sections; the first of each is the canonical one.',
      properties: Object.fromEntries(SECTION_ROLES.map((role) => [role, { type: 'array', items: { type: 'string' }, minItems: 1 }])),
    },
    requiredSections: {
      type: 'array',
      items: { type: 'string', enum: SECTION_ROLES },
      description: 'Sections a weekly roll-up must have.',
    },
    teams: {
      type: 'array',
      description: 'The teams and SIGs of the weekly roll-up, in order. Leave empty to infer them from the workspace.',
      items: TEAM,
    },
    rules: {
      type: 'object',
      additionalProperties: false,
      description: 'Severity of each check, or `off`. Unlisted checks keep their default (see the README).',
      properties: Object.fromEntries(RULES.map((r) => [r.code, { type: 'string', enum: RULE_SETTINGS, default: r.defaultSeverity, description: r.description }])),
    },
    ignores: {
      type: 'array',
      items: { type: 'string', glob: true },
      description: 'Files that are never checked: globs relative to the repository root, e.g. "archive/**" or "**/template*.md".',
    },
    reminderDays: {
      type: 'integer',
      minimum: 0,
      description: 'Reminders about the state of today (pending minutes that now exist) are given on the newest roll-up and on roll-ups dated within this many days of today.',
    },
    draftRollUps: {
      type: 'boolean',
      description: 'New Weekly Minutes fills each team section with the topics and new action items of the minutes it links, as bullets to edit or delete (false: an empty bullet).',
    },
    calendars: {
      type: 'array',
      items: { type: 'string' },
      description: 'Calendars of the meeting series: iCalendar (.ics) or yaml2ics YAML files inside the repository (relative to its root), or http(s) URLs of iCalendar feeds. An event belongs to the series whose minutes folder its description links.',
    },
    calendarSeries: {
      type: 'array',
      description: 'Events of the calendars that link no minutes folder, with the series they belong to, e.g. [{ "event": "SCS Project Board", "folder": "project-board" }].',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['event', 'folder'],
        properties: {
          event: { type: 'string', description: 'The event\'s summary (title) in the calendar.' },
          folder: { type: 'string', repositoryPath: true, description: 'Folder of its minutes, relative to the repository root.' },
        },
      },
    },
    assetsFolder: {
      type: 'string',
      repositoryPath: true,
      description: 'Where images uploaded to a meeting pad are saved when minutes are imported (--import, --download-images): a folder relative to the repository root. Unset or empty: next to the minutes file that shows them.',
    },
    minutesGraceDays: { type: 'integer', minimum: 0, maximum: 366, description: 'A meeting of the calendars is missing its minutes once it is this many days old.' },
    holidays: {
      type: 'object',
      additionalProperties: false,
      properties: {
        country: { type: 'string', enum: HOLIDAY_COUNTRIES, description: 'ISO 3166 country code, e.g. DE.' },
        state: { type: 'string', description: 'State or region code, e.g. BY.' },
        language: { type: 'string', enum: ['en', 'de'], description: 'Language of holiday names.' },
      },
    },
    holidayNotice: {
      type: 'object',
      additionalProperties: false,
      properties: {
        template: { type: 'string', description: 'Wording of the holiday notice; {date}, {country} and {holiday} are filled in.' },
        days: { type: 'integer', minimum: 1, maximum: 366, description: 'How many days ahead holiday notices are offered when the next meeting is not known.' },
      },
    },
  },
} as const;
