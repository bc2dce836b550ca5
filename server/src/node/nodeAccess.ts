import { lstat } from 'node:fs/promises';
import { URI } from 'vscode-uri';
import type { RepositoryAccess } from '../lsp/repositoryAccess';
import { RepositoryBoundary } from './boundary';
import { findCalendarFiles } from './findCalendars';
import { listMarkdownFilesAsync, readMinutesTextAsync, type SkipReporter } from './fileWorkspace';

// Files read at once: enough to keep the disk busy, few enough not to run out of file handles.
const PARALLEL_READS = 32;

/**
 * The repository on the local disk, read with Node's asynchronous file-system calls. A file is
 * read only when it really lies inside a repository that was listed (every link resolved): the
 * server shows file texts in hovers and completion, and must never show one from elsewhere.
 */
export function nodeAccess(skipped: SkipReporter): RepositoryAccess {
  const boundaries = new Map<string, RepositoryBoundary>();
  const boundaryOf = (path: string) => [...boundaries.values()].find((b) => b.lexicallyContains(path));
  return {
    listMarkdownFiles: (rootUri) => {
      const root = URI.parse(rootUri).fsPath;
      // Known before the first await: the config is read side by side with the listing.
      if (!boundaries.has(root)) boundaries.set(root, new RepositoryBoundary(root));
      return listMarkdownFilesAsync(root, skipped);
    },
    async readTexts(uris) {
      const texts = new Array<string | undefined>(uris.length);
      let next = 0;
      const worker = async () => {
        while (next < uris.length) {
          const i = next++;
          const path = URI.parse(uris[i]).fsPath;
          if (await boundaryOf(path)?.containsAsync(path)) texts[i] = await readMinutesTextAsync(path, skipped);
          else if (await exists(path)) skipped(path, 'skipped, outside the repository (a link?)');
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, uris.length) }, worker));
      return texts;
    },
    // Synchronous, but bounded (findCalendars.ts) and asked for only by Create Configuration.
    findCalendarFiles: (rootUri) => Promise.resolve(findCalendarFiles(URI.parse(rootUri).fsPath)),
  };
}

function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}
