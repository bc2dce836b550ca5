import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { MinutesWorkspace, type MinutesConfig, type WorkspaceFiles } from '../core';

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

/** The Markdown files below a folder, relative to it with `/`. */
export function listMarkdownFiles(root: string): string[] {
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
        stat = statSync(path);
      } catch {
        continue;
      }
      if (stat.isDirectory()) visit(path);
      else if (name.toLowerCase().endsWith('.md')) found.push(relative(root, path).split(sep).join('/'));
    }
  };
  visit(root);
  return found.sort();
}

/** A minutes workspace over a folder on disk; `overlay` gives the text of files open in an editor. */
export function fileWorkspace(root: string, config: MinutesConfig, overlay: (path: string) => string | undefined = () => undefined, skipped?: SkipReporter): MinutesWorkspace {
  const files: WorkspaceFiles = { readFile: (path) => overlay(path) ?? readMinutesText(join(root, path), skipped) };
  return new MinutesWorkspace(pathToFileURL(root).toString(), files, config, listMarkdownFiles(root));
}
