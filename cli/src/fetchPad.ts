import { InputError } from './usageError';

/** How long a pad's server may take to answer in all, and how much it may send. */
export const FETCH_TIMEOUT_MS = 15_000;
export const MAX_PAD_BYTES = 10 * 1024 * 1024;

/** Whether `source` names a pad on a server rather than a local file. */
export function isPadUrl(source: string): boolean {
  return /^https?:\/\//iu.test(source);
}

/**
 * HedgeDoc, CodiMD and HackMD serve a note's Markdown at `<note>/download`; a note's address
 * (`https://pad.example.org/abc?both#x`) is turned into that one.
 */
export function downloadUrl(source: string): URL {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    throw new InputError(`--import ${source}: not a URL`);
  }
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/download')) url.pathname = `${url.pathname.replace(/\/+$/u, '')}/download`;
  return url;
}

/**
 * The pad's Markdown, or one line saying why not: a private note (the server redirects to its
 * sign-in page), an HTML page, an error, a server slower than FETCH_TIMEOUT_MS or an answer larger
 * than MAX_PAD_BYTES. The only network access of the CLI, and only for `--import URL`.
 */
export async function fetchPad(source: string): Promise<Buffer> {
  const url = downloadUrl(source);
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/markdown, text/plain' } });
  } catch (error) {
    throw new InputError(`--import ${url.href}: ${signal.aborted ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : `cannot be fetched (${describe(error)})`}`);
  }
  const fail = (why: string) => {
    void response.body?.cancel().catch(() => undefined);
    return new InputError(`--import ${url.href}: ${why}`);
  };
  if (response.status >= 300 && response.status < 400) throw fail('the pad needs a login (the server redirects to its sign-in page); download it in the browser and import the file');
  if (!response.ok) throw fail(`the server answered ${response.status} ${response.statusText}`.trimEnd());
  if (/html/iu.test(response.headers.get('content-type') ?? '')) throw fail('the server sent an HTML page, not the pad\'s Markdown (a private pad needs a login)');
  if (Number(response.headers.get('content-length') ?? 0) > MAX_PAD_BYTES) throw fail(`larger than ${MAX_PAD_BYTES / 1024 / 1024} MB, not a pad`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for await (const chunk of (response.body ?? []) as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > MAX_PAD_BYTES) throw fail(`larger than ${MAX_PAD_BYTES / 1024 / 1024} MB, not a pad`);
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(`--import ${url.href}: ${signal.aborted ? `not read within ${FETCH_TIMEOUT_MS / 1000} s` : `cannot be read (${describe(error)})`}`);
  }
  return Buffer.concat(chunks);
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String((error as Error).message ?? error);
}
