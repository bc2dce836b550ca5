// The web worker loads the calendar parser (dist/browser/calendars.js, about 180 KB) only when a
// config names calendars: most repositories have none, and every vscode.dev visit downloads the server.
import type { CalendarParser } from '../core';

// The worker's global scope; the root tsconfig has no WebWorker library.
declare const self: { location: { href: string }; minutesCalendarsUrl?: string; minutesCalendars?: { parseCalendar?: CalendarParser } };
declare function importScripts(...urls: string[]): void;

/** The bundle's name, beside the server's (dist/browser/). */
export const CALENDARS_SCRIPT = 'calendars.js';

/**
 * A parser that loads the real one at its first call, next to the worker's own script. Loading
 * fails once and for all (logged once): every calendar is then a one-line problem in the Series
 * view, and the rest of the server goes on without calendars.
 */
export function lazyCalendarParser(log: (message: string) => void): CalendarParser {
  let loaded: CalendarParser | Error | undefined;
  return (text, source) => {
    loaded ??= load(log);
    if (loaded instanceof Error) throw new Error(`${source}: not read: ${loaded.message}`);
    return loaded(text, source);
  };
}

function load(log: (message: string) => void): CalendarParser | Error {
  try {
    // A worker started from a Blob URL (code-server) is told where its copy of the reader is
    // (client/src/browser/extension.ts); else the reader lies beside the worker's script.
    importScripts(self.minutesCalendarsUrl ?? new URL(CALENDARS_SCRIPT, self.location.href).toString());
    const parser = self.minutesCalendars?.parseCalendar;
    if (typeof parser !== 'function') throw new Error(`${CALENDARS_SCRIPT} defines no calendar parser`);
    return parser;
  } catch (error) {
    const failed = new Error(`the calendar reader of the web build (${CALENDARS_SCRIPT}) could not be loaded (${(error as Error).message.split('\n')[0]})`);
    log(`Minutes: ${failed.message}; calendars are left out`);
    return failed;
  }
}
