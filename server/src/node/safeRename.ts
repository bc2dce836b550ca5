import { linkSync, lstatSync, renameSync, unlinkSync } from 'node:fs';
import type { RepositoryBoundary } from './boundary';
import { reason } from './safeWrite';

/**
 * Renames a file inside the repository without ever replacing another: a hard link to the new
 * name fails if that name exists (atomically, unlike a look before a rename), then the old name
 * goes. Where hard links are not possible, a look and a rename. Returns why not, or undefined.
 */
export function renameWithin(from: string, to: string, boundary: RepositoryBoundary): string | undefined {
  const problem = boundary.writeProblem(to) ?? (boundary.contains(from) ? undefined : 'the file lies outside the repository');
  if (problem) return problem;
  try {
    linkSync(from, to);
    unlinkSync(from);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return 'a file of that name exists';
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'EMLINK') return reason(error);
  }
  try {
    lstatSync(to);
    return 'a file of that name exists';
  } catch {
    // Free: rename.
  }
  try {
    renameSync(from, to);
    return undefined;
  } catch (error) {
    return reason(error);
  }
}
