import { lstatSync, readFileSync, statSync } from 'node:fs';
import writeFileAtomic from 'write-file-atomic';
import type { RepositoryBoundary } from './boundary';

/**
 * Writes a user's file so that no byte is lost: only inside the repository, never over a change
 * made since it was read, and atomically (a temporary file in the same folder, then a rename:
 * a crash or a full disk leaves the old text or the new one, never a part).
 * Returns why it did not write, or undefined when it did.
 */
export function replaceFileIfUnchanged(path: string, expected: Buffer, next: Buffer, boundary: RepositoryBoundary): string | undefined {
  const outside = boundary.writeProblem(path) ?? (boundary.contains(path) ? undefined : 'it lies outside the repository');
  if (outside) return outside;
  try {
    if (isReadOnly(path)) return 'the file is read-only';
    // The last look before writing: an edit made since the check wins over the fix.
    if (!readFileSync(path).equals(expected)) return 'it changed since it was checked; run again to fix it';
    writeFileAtomic.sync(path, next);
    return undefined;
  } catch (error) {
    return reason(error);
  }
}

/** Creates a file that must not exist yet, atomically; returns why not, or undefined when it did. */
export function createFile(path: string, text: Buffer | string, boundary: RepositoryBoundary, replace = false): string | undefined {
  const problem = boundary.writeProblem(path);
  if (problem) return problem;
  try {
    if (exists(path)) {
      if (!replace) return 'it exists';
      if (isReadOnly(path)) return 'the file is read-only';
    }
    writeFileAtomic.sync(path, text);
    return undefined;
  } catch (error) {
    return reason(error);
  }
}

/** Whether nobody may write the file: root may, but a read-only file says the user wants it kept. */
function isReadOnly(path: string): boolean {
  return (statSync(path).mode & 0o222) === 0;
}

/** Whether anything is at `path`, a dangling link included (a write would follow it). */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/** One line: the system's code and words, without a stack. */
export function reason(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  const text = String(message ?? error).split('\n')[0];
  return code && !text.startsWith(code) ? `${code}: ${text}` : text;
}
