import { join } from 'node:path';
import type { WorkspaceFiles } from '../../server/src/core';
import { RepositoryBoundary } from '../../server/src/node/boundary';
import { readMinutesFile, type MinutesFile, type SkipReporter } from '../../server/src/node/fileWorkspace';

/**
 * Each file of a run read from disk once, by its own check (which needs its bytes too) or by the
 * repository's reading of it for other files' checks, whichever comes first: one run checks the
 * repository as it first read it. Why a file was skipped is kept, and told to every reader that asks.
 */
export class DiskReads {
  private readonly reads = new Map<string, { file: MinutesFile | undefined; reasons: string[] }>();

  /** The file at an absolute path; `skipped` hears why not, if it cannot be read as minutes. */
  read(path: string, skipped?: SkipReporter): MinutesFile | undefined {
    let read = this.reads.get(path);
    if (!read) {
      const reasons: string[] = [];
      read = { file: readMinutesFile(path, (_, reason) => reasons.push(reason)), reasons };
      this.reads.set(path, read);
    }
    for (const reason of read.reasons) skipped?.(path, reason);
    return read.file;
  }

  /**
   * The files of the folder `root` as the core reads them (relative paths): only those really
   * inside, quietly. `listed` are the files listMarkdownFiles found there, inside by the listing's
   * own checks (it follows no link to a folder, and a link to a file only where it leads inside):
   * only another path, which may come from a link's text, has its real location looked up.
   */
  repositoryFiles(root: string, listed: ReadonlySet<string>): WorkspaceFiles {
    const boundary = new RepositoryBoundary(root);
    return {
      readFile: (path) => {
        const file = join(root, path);
        return listed.has(path) || boundary.contains(file) ? this.read(file)?.text : undefined;
      },
    };
  }
}
