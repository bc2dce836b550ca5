import { lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { URI } from 'vscode-uri';
import { MinutesWorkspace, type MinutesConfig } from '../core';

// Larger files are not minutes a person writes; reading them would only cost time and memory.
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

export type SkipReporter = (path: string, reason: string) => void;

/** Reads a file as minutes text, or says why not (too large, binary). */
export function readMinutesText(path: string, skipped: SkipReporter = () => undefined): string | undefined {
  let bytes: Buffer;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_BYTES) {
      skipped(path, `skipped, ${size} bytes is larger than minutes files get`);
      return undefined;
    }
    bytes = readFileSync(path);
  } catch (error) {
    skipped(path, `cannot be read: ${(error as Error).message}`);
    return undefined;
  }
  if (bytes.includes(0)) {
    skipped(path, 'skipped, not a text file');
    return undefined;
  }
  return bytes.toString('utf8');
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
      if (SKIPPED_FOLDERS.has(name)) continue;
      const path = join(dir, name);
      let stat;
      try {
        // lstat: links to folders are not followed (a link back into the repository would loop).
        stat = lstatSync(path);
        if (stat.isSymbolicLink()) {
          const target = statSync(path);
          if (!target.isFile()) continue;
          stat = target;
        }
      } catch {
        skippedLink(path);
        continue;
      }
      if (stat.isDirectory()) visit(path);
      else if (name.toLowerCase().endsWith('.md')) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(root);
  return found.sort();
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
