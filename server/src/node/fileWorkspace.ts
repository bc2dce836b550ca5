import { lstatSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { MinutesWorkspace, type MinutesConfig } from '../core';
import { notMinutesText, SKIPPED_FOLDERS } from '../protocol';

// What is minutes text, and where none is, is one fact for the desktop and the browser (protocol.ts).
const SKIPPED = new Set(SKIPPED_FOLDERS);

export type SkipReporter = (path: string, reason: string) => void;

/** Reads a file as minutes text, or says why not (too large, binary). */
export function readMinutesText(path: string, skipped: SkipReporter = () => undefined): string | undefined {
  try {
    const tooLarge = notMinutesText(statSync(path).size);
    return tooLarge ? refused(path, tooLarge, skipped) : minutesText(path, readFileSync(path), skipped);
  } catch (error) {
    skipped(path, `cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

/** `readMinutesText` with asynchronous calls: for the server, which must not wait on the disk. */
export async function readMinutesTextAsync(path: string, skipped: SkipReporter = () => undefined): Promise<string | undefined> {
  try {
    const tooLarge = notMinutesText((await stat(path)).size);
    return tooLarge ? refused(path, tooLarge, skipped) : minutesText(path, await readFile(path), skipped);
  } catch (error) {
    // Gone since it was listed, or an optional file (`.minutes.json`): nothing to report.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    skipped(path, `cannot be read: ${(error as Error).message}`);
    return undefined;
  }
}

function refused(path: string, reason: string, skipped: SkipReporter): undefined {
  skipped(path, reason);
  return undefined;
}

function minutesText(path: string, bytes: Buffer, skipped: SkipReporter): string | undefined {
  const problem = notMinutesText(bytes.length, bytes);
  return problem ? refused(path, problem, skipped) : bytes.toString('utf8');
}

/** Whether the bytes are UTF-8: other encodings would not survive being read and written back. */
export function isUtf8Text(path: string): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
    return true;
  } catch {
    return false;
  }
}

/** The Markdown files below a folder, relative to it with `/`; `skippedLink` hears of unreadable entries. */
export function listMarkdownFiles(root: string, skippedLink: (path: string) => void = () => undefined): string[] {
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
      } catch {
        skippedLink(path);
        continue;
      }
      if (entry.isDirectory()) visit(path);
      else if (isMarkdown(name, entry)) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(root);
  return found.sort();
}

/** `listMarkdownFiles` with asynchronous calls, folders read side by side: for the server. */
export async function listMarkdownFilesAsync(root: string, skippedLink: (path: string) => void = () => undefined): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      return;
    }
    const folders: string[] = [];
    for (const name of names) {
      if (SKIPPED.has(name)) continue;
      const path = join(dir, name);
      let entry: Stats;
      try {
        const own = await lstat(path);
        entry = own.isSymbolicLink() ? linkedFile(own, await stat(path)) : own;
      } catch {
        skippedLink(path);
        continue;
      }
      if (entry.isDirectory()) folders.push(path);
      else if (isMarkdown(name, entry)) found.push(relative(root, path).split(sep).join('/'));
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

function isMarkdown(name: string, entry: Stats): boolean {
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
  const workspace: MinutesWorkspace = new MinutesWorkspace(rootUri, { readFile: (path) => overlay(workspace.uriOf(path)) ?? readMinutesText(join(root, path), skipped) }, config, listMarkdownFiles(root));
  return workspace;
}
