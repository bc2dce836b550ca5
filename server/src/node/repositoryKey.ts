import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { notMinutesText, SKIPPED_FOLDERS } from '../minutesText';

const SKIPPED = new Set(SKIPPED_FOLDERS);

/** A fingerprint of the repository as the checks see it, and each Markdown file's content hash. */
export interface RepositoryFingerprint {
  key: string;
  /** Content hash by path (relative to the root, with `/`), for every Markdown file found. */
  hashes: Map<string, string>;
}

export function contentHash(bytes: Uint8Array): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/**
 * Hashes what a check of any file may depend on besides file contents: `inputs` (the version, the
 * config, the day) and the name of every file in the repository (the index is made of names, and a
 * link check may ask whether a file exists): any file added, renamed or deleted gives another key.
 * The content of each Markdown file is hashed on its own (see lintWithCache). `exclude` (the cache
 * file itself) is left out.
 */
export function repositoryFingerprint(root: string, inputs: unknown, exclude: string): RepositoryFingerprint {
  const { key, markdown } = repositoryKey(root, inputs, exclude);
  return { key, hashes: contentHashes(root, markdown) };
}

/** The key of repositoryFingerprint alone (no file is read), and the Markdown files found (relative, with `/`). */
export function repositoryKey(root: string, inputs: unknown, exclude: string): { key: string; markdown: string[] } {
  const hash = createHash('sha256').update(JSON.stringify(inputs));
  const markdown: string[] = [];
  const excluded = resolve(exclude);
  const visit = (dir: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      hash.update(`\0unreadable folder ${relative(root, dir)}`);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (path === excluded) continue;
      const file = relative(root, path).split(sep).join('/');
      // Folders are followed, links to folders not (as the file listing does).
      if (entry.isDirectory()) {
        hash.update(`\0folder ${file}`);
        visit(path);
        continue;
      }
      hash.update(`\0${entry.isSymbolicLink() ? 'link' : 'file'} ${file}`);
      if (entry.name.toLowerCase().endsWith('.md')) markdown.push(file);
    }
  };
  visit(resolve(root));
  return { key: hash.digest('hex'), markdown };
}

/** The content hash of each readable file, by path (relative to the root, with `/`). */
export function contentHashes(root: string, files: string[]): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const file of files) {
    const content = readableHash(join(root, file));
    if (content) hashes.set(file, content);
  }
  return hashes;
}

/** The content hash of a file (a link's target), or undefined for a folder or an unreadable file. */
export function readableHash(path: string): string | undefined {
  try {
    const entry = statSync(path);
    if (!entry.isFile()) return undefined;
    // One no check reads (too large): its size and time stand for it rather than gigabytes read.
    if (notMinutesText(entry.size)) return `large ${entry.size} ${entry.mtimeMs}`;
    return contentHash(readFileSync(path));
  } catch {
    return undefined;
  }
}
