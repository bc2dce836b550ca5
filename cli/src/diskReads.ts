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

  /** The files of the folder `root` as the core reads them (relative paths): only those really inside, quietly. */
  repositoryFiles(root: string): WorkspaceFiles {
    const boundary = new RepositoryBoundary(root);
    // A path the workspace asks for may come from a link's text.
    return {
      readFile: (path) => {
        const file = join(root, path);
        return boundary.contains(file) ? this.read(file)?.text : undefined;
      },
    };
  }
}
