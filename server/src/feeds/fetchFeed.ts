/**
 * Calendar feeds (`http(s)` URLs in `calendars`), read by the CLI and by the VS Code client (never
 * by the language server): the only network access of either, made only for the URLs the
 * configuration names, with a time limit and a size limit. Runs in Node and in browsers alike.
 */

/** A feed larger than this is refused (as calendar files are: MAX_CALENDAR_BYTES of the core). */
const MAX_FEED_BYTES = 5 * 1024 * 1024;

export const FEED_TIMEOUT_MS = 15_000;

export function feedReader(timeoutMs = FEED_TIMEOUT_MS, maxBytes = MAX_FEED_BYTES): (url: string) => Promise<string> {
  return async (url) => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      const response = await fetch(url, { signal, redirect: 'follow', headers: { accept: 'text/calendar, application/yaml, text/plain;q=0.5' } });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) throw new Error(`larger than ${maxBytes} bytes`);
      const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
      const decoder = new TextDecoder('utf-8');
      let text = '';
      let size = 0;
      // Read as it arrives: a server that lies about its length or never ends is cut off all the same.
      for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
        size += chunk.value.length;
        if (size > maxBytes) {
          await reader!.cancel();
          throw new Error(`larger than ${maxBytes} bytes`);
        }
        text += decoder.decode(chunk.value, { stream: true });
      }
      return text + decoder.decode();
    } catch (error) {
      const reason = signal.aborted ? `no answer within ${timeoutMs / 1000} s` : error instanceof Error && error.message === 'fetch failed' && error.cause instanceof Error ? error.cause.message : (error as Error).message;
      throw new Error(`${url}: the calendar feed could not be read (${reason})`);
    }
  };
}
