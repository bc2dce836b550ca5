import { URI } from 'vscode-uri';
import type { RepositoryAccess } from '../lsp/repositoryAccess';
import { listMarkdownFilesAsync, readMinutesTextAsync, type SkipReporter } from './fileWorkspace';

// Files read at once: enough to keep the disk busy, few enough not to run out of file handles.
const PARALLEL_READS = 32;

/** The repository on the local disk, read with Node's asynchronous file-system calls. */
export function nodeAccess(skipped: SkipReporter): RepositoryAccess {
  return {
    listMarkdownFiles: (rootUri) => listMarkdownFilesAsync(URI.parse(rootUri).fsPath, (path) => skipped(path, 'cannot be read (a broken link?)')),
    async readTexts(uris) {
      const texts = new Array<string | undefined>(uris.length);
      let next = 0;
      const worker = async () => {
        while (next < uris.length) {
          const i = next++;
          const path = URI.parse(uris[i]).fsPath;
          texts[i] = await readMinutesTextAsync(path, skipped);
        }
      };
      await Promise.all(Array.from({ length: Math.min(PARALLEL_READS, uris.length) }, worker));
      return texts;
    },
  };
}
