import { folderPattern, seriesViews } from './series';
import type { MinutesConfig, SectionNames, SeriesConfig } from './types';

/** The path pattern of every series without one of its own: a folder per series, a file per meeting named by its date. */
const DEFAULT_MINUTES_PATH = folderPattern('{series}');

const SECTIONS: SectionNames = {
  meta: ['Meta'],
  updates: ['Team Updates', 'Team and SIG Updates'],
  aob: ['AOB', 'Any other business'],
  projectUpdates: ['Project Updates'],
};

/** The Sovereign Cloud Stack's series: the weekly community call that rolls up the teams' minutes, and the teams' own series. */
const SERIES: SeriesConfig[] = [
  {
    name: 'SCS Tech Weekly',
    kind: 'rollup',
    paths: [folderPattern('community-call')],
    titles: ['SCS Tech Weekly {date}'],
    schedule: [{ weekdays: [4] }],
    requiredSections: ['Meta', 'Team Updates', 'AOB'],
  },
  { kind: 'minutes', paths: [DEFAULT_MINUTES_PATH], titles: [], schedule: [], requiredSections: [] },
];

/** The Sovereign Cloud Stack's conventions: the default, not the only possible setup. */
export const DEFAULT_CONFIG: MinutesConfig = {
  series: SERIES,
  ...seriesViews(SERIES, SECTIONS),
  linkBase: 'https://github.com/SovereignCloudStack/minutes/blob/main/',
  sections: SECTIONS,
  teams: [],
  calendars: [],
  calendarSeries: [],
  minutesGraceDays: 7,
  holidays: { country: 'DE', language: 'en' },
  holidayNotice: {
    template: '{date} is a public holiday in {country} ({holiday}); the team meeting will be cancelled on that day',
    days: 14,
  },
  rules: {},
  ignores: [],
  reminderDays: 14,
  draftRollUps: true,
  assetsFolder: '',
};
