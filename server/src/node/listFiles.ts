import { readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { SKIPPED_FOLDERS } from '../minutesText';
import { RepositoryBoundary } from './boundary';

// What is minutes text, and where none is, is one fact for the desktop and the browser (minutesText.ts).
const SKIPPED = new Set(SKIPPED_FOLDERS);

/** Hears of a file left out, and why. */
export type SkipReporter = (path: string, reason: string) => void;

const LINKS_OUT = 'skipped, a link to a file outside the repository';

/**
 * The Markdown files below a folder, relative to it with `/`, sorted; `skipped` hears of entries left
 * out: unreadable ones, and links to files outside `boundary`, by default the folder (links to folders
 * are never followed). A folder's entries say what each is: only links cost a call more.
 */
export function listMarkdownFiles(root: string, skipped: SkipReporter = () => undefined, boundary = new RepositoryBoundary(root)): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const { name } = entry;
      if (SKIPPED.has(name)) continue;
      const path = join(dir, name);
      if (entry.isSymbolicLink()) {
        try {
          if (!isMarkdown(name, statSync(path))) continue; // links to folders are not followed
          if (!boundary.contains(path)) {
            skipped(path, LINKS_OUT);
            continue;
          }
        } catch {
          skipped(path, 'skipped, cannot be read (a broken link?)');
          continue;
        }
      } else if (entry.isDirectory()) {
        visit(path);
        continue;
      } else if (!isMarkdown(name, entry)) continue;
      found.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(root);
  return found.sort();
}

function isMarkdown(name: string, entry: Stats | Dirent): boolean {
  return entry.isFile() && name.toLowerCase().endsWith('.md');
}

