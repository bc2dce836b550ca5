/**
 * The parts of the `.minutes.json` schema whose shapes the config's types are derived from (see
 * types.ts): each stated once, for validation, for VS Code and for the compiler.
 */

/** The sections the checks know by their role, in the order a roll-up has them: the one list of them. */
export const SECTION_ROLES = ['meta', 'updates', 'aob', 'projectUpdates'] as const;

/**
 * - minutes: one file per meeting of a group;
 * - rollup: a meeting whose sections link the minutes of other series (SCS's weekly community call).
 */
export const SERIES_KINDS = ['minutes', 'rollup'] as const;

export const PATH_PATTERNS = { type: 'array', items: { type: 'string', pathPattern: true }, minItems: 1 } as const;

export const SCHEDULE = {
  type: 'array',
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['weekdays'],
    properties: {
      weekdays: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 0, maximum: 6 }, description: '0 = Sunday ... 6 = Saturday; two weekdays when both are usual.' },
      everyWeeks: { type: 'integer', minimum: 1, description: 'Every how many weeks (2: every other week).' },
      from: { type: 'string', isoDate: true, description: 'First day of this period, YYYY-MM-DD.' },
      until: { type: 'string', isoDate: true, description: 'Last day of this period, YYYY-MM-DD.' },
    },
  },
} as const;

export const SERIES = {
  type: 'object',
  additionalProperties: false,
  required: ['paths'],
  properties: {
    name: { type: 'string', description: 'What people call the series, e.g. "Board meeting".' },
    kind: { type: 'string', enum: SERIES_KINDS, description: 'minutes (default): one file per meeting; rollup: a meeting whose sections link the minutes of the other series.' },
    paths: {
      ...PATH_PATTERNS,
      description: 'Path patterns of its files, relative to the repository root, first the one new files get: {YYYY} {YY} {MM} {DD} {M} {D} for the date, {*} for any text in a name, {suffix} for an optional "-anything", {series} for a folder per series (at the start only).',
    },
    titles: { type: 'array', items: { type: 'string' }, description: 'Every title form its minutes had over the years, e.g. ["PSC Meeting, {date}", "Board Meeting {date}"]; new files get the first. {date} is the meeting date.' },
    schedule: { ...SCHEDULE, description: 'When it meets, period by period, e.g. [{ "weekdays": [2], "everyWeeks": 2, "from": "2021-01-01" }]. Empty: no schedule is checked.' },
    requiredSections: { type: 'array', items: { type: 'string' }, description: 'Headings each of its minutes must have, as people write them, e.g. ["Present", "Action Items"].' },
  },
} as const;

export const TEAM = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', description: 'Heading of its section, e.g. "Team IaaS".' },
    aliases: { type: 'array', items: { type: 'string' }, description: 'Other headings people use for it.' },
    folder: { type: 'string', repositoryPath: true, description: 'Folder of its minutes, relative to the repository root.' },
    kind: { type: 'string', enum: ['team', 'sig', 'group'] },
    everyWeeks: { type: 'integer', minimum: 1, description: 'How often it meets, in weeks.' },
  },
} as const;
