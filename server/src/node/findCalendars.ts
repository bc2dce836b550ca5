/** The calendar files of a repository on disk, for `--init` to propose: iCalendar, and yaml2ics YAML. */
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { isCalendarFile, MAX_CALENDAR_BYTES, type CalendarFile } from '../core';
import { SKIPPED_FOLDERS } from '../minutesText';

/** A repository with more candidate files, or more of their bytes, than this is looked at no further (CI configs are YAML too). */
const MAX_CANDIDATES = 2000;
const MAX_BYTES = 50 * 1024 * 1024;

/**
 * `*.ics` files that are iCalendar, and `*.yml`/`*.yaml` files with a top-level `events:` or
 * `include:`, below `root`. Links are not followed: a calendar outside the repository is not its.
 */
export function findCalendarFiles(root: string): CalendarFile[] {
  const found: CalendarFile[] = [];
  let candidates = 0;
  let bytes = 0;
  const visit = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of names) {
      if (SKIPPED_FOLDERS.includes(name) || candidates >= MAX_CANDIDATES || bytes >= MAX_BYTES) continue;
      const path = join(dir, name);
      let entry;
      try {
        entry = lstatSync(path);
      } catch {
        continue;
      }
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile() && /\.(?:ics|ya?ml)$/iu.test(name) && entry.size <= MAX_CALENDAR_BYTES) {
        candidates++;
        bytes += entry.size;
        const text = readText(path);
        if (text !== undefined && isCalendarFile(name, text)) found.push({ path: relative(root, path).split(sep).join('/'), text });
      }
    }
  };
  visit(root);
  return found;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
