// dist/browser/calendars.js: the calendar parser (ical.js, yaml) apart from the server's bundle, for
// a classic worker's `importScripts`: the build names this bundle's value `minutesCalendars`, a
// global of the worker once loaded (see loadCalendars.ts).
export { parseCalendar } from '../core/calendars';
