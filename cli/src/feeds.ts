/**
 * Calendar feeds (`http(s)` URLs in `calendars`) for the CLI: the only network access of the CLI,
 * made only for the URLs the configuration names, with a time limit and a size limit.
 */
import type { CalendarReader } from '../../server/src/core/meetings/readCalendars';
import { MAX_CALENDAR_BYTES } from '../../server/src/node/calendarFiles';

export const FEED_TIMEOUT_MS = 15_000;

export function feedReader(timeoutMs = FEED_TIMEOUT_MS, maxBytes = MAX_CALENDAR_BYTES): CalendarReader {
  return async (url) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/calendar, application/yaml, text/plain;q=0.5' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
      const chunks: Uint8Array[] = [];
      let size = 0;
      // Read as it arrives: a server that lies about its length or never ends is cut off all the same.
      for await (const chunk of response.body ?? []) {
        size += (chunk as Uint8Array).length;
        if (size > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
        chunks.push(chunk as Uint8Array);
      }
      return Buffer.concat(chunks).toString('utf8');
    } catch (error) {
      const reason = signal.aborted ? `no answer within ${timeoutMs / 1000} s` : error instanceof Error && error.message === 'fetch failed' && error.cause instanceof Error ? error.cause.message : (error as Error).message;
      throw new Error(`${url}: the calendar feed could not be read (${reason})`);
    }
  };
}
