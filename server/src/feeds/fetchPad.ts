/**
 * A note's Markdown from its pad server (HedgeDoc, CodiMD, HackMD): read by the CLI (`--import URL`)
 * and by the VS Code client (the pad the user picks), never by the language server. Runs in Node
 * and in browsers alike; every failure is an Error of one line, `URL: why`.
 */

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
    throw new Error(`${source}: not a URL`);
  }
  url.hash = '';
  url.search = '';
  if (!url.pathname.endsWith('/download')) url.pathname = `${url.pathname.replace(/\/+$/u, '')}/download`;
  return url;
}

/**
 * The pad's Markdown, or one line saying why not: a private note (the server redirects to its
 * sign-in page), an HTML page, an error, a server slower than FETCH_TIMEOUT_MS or an answer larger
 * than MAX_PAD_BYTES.
 */
export async function fetchPad(source: string): Promise<Uint8Array> {
  const url = downloadUrl(source);
  const signal = AbortSignal.timeout(FETCH_TIMEOUT_MS);
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/markdown, text/plain' } });
  } catch (error) {
    throw new Error(`${url.href}: ${signal.aborted ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : `cannot be fetched (${describe(error)})`}`);
  }
  const fail = (why: string) => {
    void response.body?.cancel().catch(() => undefined);
    return new Error(`${url.href}: ${why}`);
  };
  if (response.status >= 300 && response.status < 400) throw fail('the pad needs a login (the server redirects to its sign-in page); download it in the browser and import the file');
  if (!response.ok) throw fail(`the server answered ${response.status} ${response.statusText}`.trimEnd());
  if (/html/iu.test(response.headers.get('content-type') ?? '')) throw fail('the server sent an HTML page, not the pad\'s Markdown (a private pad needs a login)');
  if (Number(response.headers.get('content-length') ?? 0) > MAX_PAD_BYTES) throw fail(`larger than ${MAX_PAD_BYTES / 1024 / 1024} MB, not a pad`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  const tooLarge = `larger than ${MAX_PAD_BYTES / 1024 / 1024} MB, not a pad`;
  // A reader, not `for await`: browsers without async iteration of streams read pads too.
  const reader = response.body?.getReader() as ReadableStreamDefaultReader<Uint8Array> | undefined;
  try {
    for (let chunk = await reader?.read(); chunk && !chunk.done; chunk = await reader!.read()) {
      size += chunk.value.length;
      if (size > MAX_PAD_BYTES) break;
      chunks.push(chunk.value);
    }
  } catch (error) {
    throw new Error(`${url.href}: ${signal.aborted ? `not read within ${FETCH_TIMEOUT_MS / 1000} s` : `cannot be read (${describe(error)})`}`);
  }
  if (size > MAX_PAD_BYTES) {
    void reader?.cancel().catch(() => undefined);
    throw new Error(`${url.href}: ${tooLarge}`);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? String((error as Error).message ?? error);
}
