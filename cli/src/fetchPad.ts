import { fetchPad as fetchPadBytes } from '../../server/src/feeds/fetchPad';
import { InputError } from './usageError';

export { FETCH_TIMEOUT_MS, isPadUrl, MAX_PAD_BYTES } from '../../server/src/feeds/fetchPad';

/** `--import URL`: the pad's Markdown bytes, or the one line why not (exit 2). */
export async function fetchPad(source: string): Promise<Buffer> {
  try {
    return Buffer.from(await fetchPadBytes(source));
  } catch (error) {
    throw new InputError(`--import ${(error as Error).message}`);
  }
}
