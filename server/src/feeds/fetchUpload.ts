/**
 * A file uploaded to a pad's server (an image minutes show): read by the CLI (`--import`,
 * `--download-images`) and by the VS Code client (Minutes: Download Pad Images), never by the
 * language server. Runs in Node and in browsers alike; a failure is a few words, not an exception.
 */
import { FETCH_TIMEOUT_MS } from './fetchPad';

/** An upload larger than this is left on the pad's host: no image in minutes is that large. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

export type FetchedUpload = { bytes: Uint8Array } | { error: string };

/**
 * A pad-hosted upload's bytes, or why not, in a few words: the server's error, an HTML page (a
 * sign-in or error page is never saved as an image), no answer within FETCH_TIMEOUT_MS, or more
 * than MAX_IMAGE_BYTES.
 */
export async function fetchUpload(url: string): Promise<FetchedUpload> {
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  const tooLarge = { error: `larger than ${MAX_IMAGE_BYTES / 1024 / 1024} MB` };
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'image/*, application/pdf;q=0.9, */*;q=0.5' } });
  } catch (error) {
    return { error: signal.aborted ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : `cannot be fetched (${describe(error)})` };
  }
  const refuse = (result: FetchedUpload) => {
    void response.body?.cancel().catch(() => undefined);
    return result;
  };
  if (!response.ok) return refuse({ error: `the server answered ${response.status} ${response.statusText}`.trimEnd() });
  if (/html/iu.test(response.headers.get('content-type') ?? '')) return refuse({ error: 'the server sent an HTML page, not the upload' });
  if (Number(response.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES) return refuse(tooLarge);
  const chunks: Uint8Array[] = [];
  let size = 0;
  // A reader, not `for await`: browsers without async iteration of streams read uploads too.
  const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    // Counted as it arrives: a server that lies about the length is cut off all the same.
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
      size += chunk.value.length;
      if (size > MAX_IMAGE_BYTES) {
        void reader?.cancel().catch(() => undefined);
        return tooLarge;
      }
      chunks.push(chunk.value);
    }
  } catch (error) {
    return { error: signal.aborted ? `not read within ${FETCH_TIMEOUT_MS / 1000} s` : `cannot be read (${describe(error)})` };
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes };
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String((error as Error).message ?? error);
}
