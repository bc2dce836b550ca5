import { lstatSync, readdirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { MinutesWorkspace, splitBom, type MinutesConfig, type WorkspaceFiles } from '../core';
import { notMinutesText, SKIPPED_FOLDERS } from '../minutesText';
import { RepositoryBoundary } from './boundary';

// What is minutes text, and where none is, is one fact for the desktop and the browser (minutesText.ts).
const SKIPPED = new Set(SKIPPED_FOLDERS);

export type SkipReporter = (path: string, reason: string) => void;

/** A minutes file as read: its text (without a byte order mark), whether it had one, and the bytes it was read from. */
export interface MinutesFile {
  text: string;
  bom: boolean;
  bytes: Buffer;
}

/** Reads a file as minutes text, or says why not (too large, binary, not a regular file). */
export function readMinutesText(path: string, skipped: SkipReporter = () => undefined): string | undefined {
  return readMinutesFile(path, skipped)?.text;
}

/** `readMinutesText` with the bytes, for writing the file back only if they are still the same. */
export function readMinutesFile(path: string, skipped: SkipReporter = () => undefined): MinutesFile | undefined {
  try {
    const refusal = notReadable(statSync(path));
    if (refusal) return refused(path, refusal, skipped);
    const bytes = readFileSync(path);
    const decoded = minutesText(path, bytes, skipped);
    return decoded && { ...decoded, bytes };
  } catch (error) {
    skipped(path, `cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

function refused(path: string, reason: string, skipped: SkipReporter): undefined {
  skipped(path, reason);
  return undefined;
}

/** A device (`/dev/zero`), a pipe or a folder has no size to trust: only regular files are read. */
function notReadable(entry: Stats): string | undefined {
  return entry.isFile() ? notMinutesText(entry.size) : 'skipped, not a regular file';
}

function minutesText(path: string, bytes: Buffer, skipped: SkipReporter): { text: string; bom: boolean } | undefined {
  const problem = notMinutesText(bytes.length, bytes);
  return problem ? refused(path, problem, skipped) : splitBom(bytes.toString('utf8'));
}

/** Whether the bytes are UTF-8: other encodings would not survive being read and written back. */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const LINKS_OUT = 'skipped, a link to a file outside the repository';

/**
 * The Markdown files below a folder, relative to it with `/`; `skipped` hears of entries left out:
 * unreadable ones, and links to files outside `boundary`, by default the folder (links to folders
 * are never followed).
 */
export function listMarkdownFiles(root: string, skipped: SkipReporter = () => undefined, boundary = new RepositoryBoundary(root)): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (SKIPPED.has(name)) continue;
      const path = join(dir, name);
      let entry: Stats;
      try {
        const own = lstatSync(path);
        entry = own.isSymbolicLink() ? linkedFile(own, statSync(path)) : own;
        if (own.isSymbolicLink() && isMarkdown(name, entry) && !boundary.contains(path)) {
          skipped(path, LINKS_OUT);
          continue;
        }
      } catch {
        skipped(path, 'skipped, cannot be read (a broken link?)');
        continue;
      }
      if (entry.isDirectory()) visit(path);
      else if (isMarkdown(name, entry)) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(root);
  return found.sort();
}

/**
 * `listMarkdownFiles` with asynchronous calls, folders read side by side: for the server. The
 * folder's entries say what each is: only links cost a call more (thousands of files at start-up).
 */
export async function listMarkdownFilesAsync(root: string, skipped: SkipReporter = () => undefined): Promise<string[]> {
  const boundary = new RepositoryBoundary(root);
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    const folders: string[] = [];
    for (const entry of entries) {
      const { name } = entry;
      if (SKIPPED.has(name)) continue;
      const path = join(dir, name);
      if (entry.isSymbolicLink()) {
        try {
          if (!isMarkdown(name, await stat(path))) continue; // links to folders are not followed
          if (!(await boundary.containsAsync(path))) {
            skipped(path, LINKS_OUT);
            continue;
          }
        } catch {
          skipped(path, 'skipped, cannot be read (a broken link?)');
          continue;
        }
      } else if (entry.isDirectory()) {
        folders.push(path);
        continue;
      } else if (!isMarkdown(name, entry)) continue;
      found.push(relative(root, path).split(sep).join('/'));
    }
    await Promise.all(folders.map(visit));
  };
  await visit(root);
  return found.sort();
}

/**
 * A link's target when it is a file: links to folders are not followed (a link back into the
 * repository would loop), so they stay links, neither file nor folder.
 */
function linkedFile(link: Stats, target: Stats): Stats {
  return target.isFile() ? target : link;
}

function isMarkdown(name: string, entry: Stats | Dirent): boolean {
  return entry.isFile() && name.toLowerCase().endsWith('.md');
}

/**
 * A minutes workspace over a folder on disk; `overlay` gives the text of files open in an editor.
 * `rootUri` is the folder as the editor names it (its URIs are what documents come with).
 */
export function fileWorkspace(
  root: string,
  config: MinutesConfig,
  overlay: (uri: string) => string | undefined = () => undefined,
  skipped?: SkipReporter,
  rootUri = URI.file(root).toString(),
): MinutesWorkspace {
  const files = repositoryFiles(root, skipped);
  const workspace: MinutesWorkspace = new MinutesWorkspace(rootUri, { readFile: (path) => overlay(workspace.uriOf(path)) ?? files.readFile(path) }, config, listMarkdownFiles(root));
  return workspace;
}

/** The files of the folder on disk as the core reads them (relative paths, with `/`). */
export function repositoryFiles(root: string, skipped?: SkipReporter): WorkspaceFiles {
  const boundary = new RepositoryBoundary(root);
  // Only files really inside are read: a path the workspace asks for may come from a link's text.
  return {
    readFile: (path) => {
      const file = join(root, path);
      return boundary.contains(file) ? readMinutesText(file, skipped) : undefined;
    },
  };
}
