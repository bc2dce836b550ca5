// The core's second entry: the calendar parser, with ical.js and yaml (about 170 KB minified). The
// Node server and the CLI bundle it; the web build loads it only when a config names calendars
// (dist/browser/calendars.js), so index.ts must never import it.
import { readICalendar } from './meetings/icalendar';
import type { CalendarParser } from './meetings/readCalendars';
import { readYamlCalendar } from './meetings/yamlCalendar';

/** An iCalendar file (it begins so, whatever its name), else yaml2ics YAML. */
export const parseCalendar: CalendarParser = (text, source) =>
  /^\uFEFF?\s*BEGIN:VCALENDAR/iu.test(text) ? { events: readICalendar(text, source), includes: [] } : readYamlCalendar(text, source);
