/** Calendar files read from disk, only from inside the repository and only up to a size. */
import { readFile, stat } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { RepositoryBoundary } from './boundary';
import { MAX_CALENDAR_BYTES, type CalendarReader } from '../core';

/** Reads calendars by their path relative to `root`; feeds (URLs) go to `readFeed`, if given. */
export function calendarFileReader(root: string, readFeed?: CalendarReader): CalendarReader {
  const boundary = new RepositoryBoundary(root);
  return async (location) => {
    if (/^https?:\/\//iu.test(location)) {
      if (!readFeed) throw new Error(`${location}: calendar feeds are not read here`);
      return readFeed(location);
    }
    if (isAbsolute(location) || /^[a-z][a-z+.-]*:/iu.test(location) || location.split(/[\\/]/u).includes('..')) throw new Error(`${location}: a calendar must be a path inside the repository`);
    const path = join(root, location);
    if (!(await boundary.containsAsync(path))) throw new Error(`${location}: no such calendar inside the repository`);
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${location}: not a file`);
    if (info.size > MAX_CALENDAR_BYTES) throw new Error(`${location}: larger than ${MAX_CALENDAR_BYTES / 1024 / 1024} MB`);
    return readFile(path, 'utf8');
  };
}
