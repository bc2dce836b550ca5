import { fetchUpload } from '../../server/src/feeds/fetchUpload';

export { MAX_IMAGE_BYTES } from '../../server/src/feeds/fetchUpload';

export type FetchedImage = { bytes: Buffer } | { error: string };

/** A pad-hosted upload's bytes (see fetchUpload) as a Buffer, the form Node's files compare and write. */
export async function fetchImage(url: string): Promise<FetchedImage> {
  const answer = await fetchUpload(url);
  return 'error' in answer ? answer : { bytes: Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength) };
}
