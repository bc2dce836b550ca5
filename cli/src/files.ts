import { statSync } from 'node:fs';
import { join } from 'node:path';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { listMarkdownFiles } from '../../server/src/node/fileWorkspace';

const report = (path: string, reason: string) => process.stderr.write(`${path}: ${reason}\n`);

/**
 * The Markdown files named on the command line, folders searched as the server searches a
 * workspace (no links to folders followed, nothing unreadable), in a stable order. Only files
 * really inside the repository at `root`: a link that leads elsewhere is left out with a note.
 */
export function collectMarkdownFiles(paths: string[], root: string): string[] {
  const boundary = new RepositoryBoundary(root);
  const found = paths.flatMap((path) => {
    let isFolder: boolean;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      report(path, 'skipped, cannot be read');
      return [];
    }
    if (!boundary.contains(path)) {
      report(path, `skipped, outside the repository ${boundary.root} (see --root)`);
      return [];
    }
    return isFolder ? listMarkdownFiles(path, report, boundary).map((file) => join(path, file)) : [path];
  });
  return [...new Set(found)];
}
