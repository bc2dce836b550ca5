import { statSync } from 'node:fs';
import { join } from 'node:path';
import { listMarkdownFiles } from '../../server/src/node/fileWorkspace';

/**
 * The Markdown files named on the command line, folders searched as the server searches a
 * workspace (no links to folders followed, nothing unreadable), in a stable order.
 */
export function collectMarkdownFiles(paths: string[]): string[] {
  const found = paths.flatMap((path) => {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      process.stderr.write(`${path}: skipped, cannot be read\n`);
      return [];
    }
    const unreadable = (p: string) => process.stderr.write(`${p}: skipped, cannot be read\n`);
    return isFolder ? listMarkdownFiles(path, unreadable).map((file) => join(path, file)) : [path];
  });
  return [...new Set(found)];
}
