import type { MinutesConfig } from './types';

/** The Sovereign Cloud Stack's conventions: the default, not the only possible setup. */
export const DEFAULT_CONFIG: MinutesConfig = {
  weeklyFolder: 'community-call',
  weeklyPaths: ['community-call/{YYYY}{MM}{DD}{suffix}.md'],
  minutesPaths: ['{series}/{YYYY}{MM}{DD}{suffix}.md'],
  weeklyTitle: 'SCS Tech Weekly {date}',
  weeklyTitles: ['SCS Tech Weekly {date}'],
  meetingWeekday: 4,
  schedule: [],
  linkBase: 'https://github.com/SovereignCloudStack/minutes/blob/main/',
  sections: {
    meta: ['Meta'],
    updates: ['Team Updates', 'Team and SIG Updates'],
    aob: ['AOB', 'Any other business'],
    projectUpdates: ['Project Updates'],
  },
  requiredSections: ['meta', 'updates', 'aob'],
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
};
