import { readFileSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { MinutesWorkspace, splitBom, type MinutesConfig, type WorkspaceFiles } from '../core';
import { notMinutesText } from '../minutesText';
import { RepositoryBoundary } from './boundary';
import { listMarkdownFiles, type SkipReporter } from './listFiles';

// The listing lives apart: the server's reading thread lists without loading the core.
export { listMarkdownFiles, type SkipReporter };

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
