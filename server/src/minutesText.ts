// What is minutes text, for the desktop's disk reads (node/) and the browser client's alike; apart
// from protocol.ts (which re-exports it for the client) so that the CLI bundles no LSP message types.

/** Larger files are not minutes a person writes: the desktop server and the browser client skip them alike. */
export const MAX_TEXT_BYTES = 5 * 1024 * 1024;

/** Folders that hold no minutes: not walked on the desktop, left out of `findFiles` in the browser. */
export const SKIPPED_FOLDERS = ['node_modules', '.git', '.vscode-test'];

/** Why a file of `size` bytes (and these bytes, once read) is not read as minutes text, if it is not. */
export function notMinutesText(size: number, bytes?: Uint8Array): string | undefined {
  if (size > MAX_TEXT_BYTES) return `skipped, ${size} bytes is larger than minutes files get`;
  if (bytes?.includes(0)) return 'skipped, not a text file';
  return undefined;
}
