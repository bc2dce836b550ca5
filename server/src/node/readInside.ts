import { closeSync, constants, fstatSync, lstatSync, openSync, readSync } from 'node:fs';
import { dirname } from 'node:path';
import { notMinutesText } from '../minutesText';
import { RepositoryBoundary } from './boundary';

/** A file as read: its text as decoded (a byte order mark kept), why it was not read, or null for one that is not there. */
export type FileRead = { text: string } | { skipped: string } | null;

const OUTSIDE = 'skipped, outside the repository (a link?)';

/**
 * Reads files of the repositories under `roots`, each only if it really lies inside one: the server
 * shows file texts in hovers and completion, and must never show one from elsewhere. Each folder is
 * resolved once (a realpath per file doubled start-up in big repositories, issue 27); in a folder
 * inside, a file opened without following a link is inside too; a link is resolved whole. Only a
 * regular file is read (a pipe or a device in its place is refused, not waited on), and only a text
 * of minutes size. Synchronous: the server runs it in a thread of its own (readWorker.ts).
 */
export function readFilesInside(paths: string[], roots: string[]): FileRead[] {
  const boundaries = roots.map((root) => new RepositoryBoundary(root));
  const folders = new Map<string, boolean>();
  const folderInside = (boundary: RepositoryBoundary, folder: string) => folders.get(folder) ?? folders.set(folder, boundary.contains(folder)).get(folder)!;
  return paths.map((path) => {
    const boundary = boundaries.find((b) => b.lexicallyContains(path));
    if (!boundary) return exists(path) ? { skipped: OUTSIDE } : null;
    if (CAN_REFUSE_LINKS && folderInside(boundary, dirname(path))) {
      const read = readMinutesFile(path, true);
      if (read !== IS_A_LINK) return read;
    }
    if (boundary.contains(path)) return readMinutesFile(path, false) as FileRead;
    return exists(path) ? { skipped: OUTSIDE } : null;
  });
}

const IS_A_LINK = Symbol('a symbolic link');
/** Where the platform can refuse to follow a link in the file's own place (not on Windows). */
const CAN_REFUSE_LINKS = constants.O_NOFOLLOW !== undefined;

function readMinutesFile(path: string, refuseLinks: boolean): FileRead | typeof IS_A_LINK {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (refuseLinks ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (refuseLinks && code === 'ELOOP') return IS_A_LINK;
    // Gone since it was listed, or an optional file (`.minutes.json`): nothing to report.
    return code === 'ENOENT' ? null : { skipped: `cannot be read: ${(error as Error).message}` };
  }
  try {
    const entry = fstatSync(fd);
    if (!entry.isFile()) return { skipped: 'skipped, not a regular file' };
    const tooLarge = notMinutesText(entry.size);
    if (tooLarge) return { skipped: tooLarge };
    const bytes = readUpTo(fd, entry.size);
    const problem = notMinutesText(bytes.length, bytes);
    return problem ? { skipped: problem } : { text: bytes.toString('utf8') };
  } catch (error) {
    return { skipped: `cannot be read: ${(error as Error).message}` };
  } finally {
    closeSync(fd);
  }
}

/** The file's bytes up to the size it had when opened (one that grew meanwhile is read again on its change event). */
function readUpTo(fd: number, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  let length = 0;
  for (let n = 1; n > 0 && length < size; length += n) n = readSync(fd, buffer, length, size - length, length);
  return length < size ? buffer.subarray(0, length) : buffer;
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
