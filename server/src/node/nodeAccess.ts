import { URI } from 'vscode-uri';
import { splitBom } from '../core';
import type { RepositoryAccess } from '../lsp/repositoryAccess';
import { findCalendarFiles } from './findCalendars';
import type { SkipReporter } from './fileWorkspace';
import { FileReader } from './fileReader';

/**
 * The repository on the local disk, listed and read in a thread of its own (fileReader.ts). A file is read only when it really lies inside a repository
 * that was listed (see readFilesInside).
 */
export function nodeAccess(skipped: SkipReporter): RepositoryAccess {
  // The roots listed: files are read only inside one of them.
  const roots = new Set<string>();
  const reader = new FileReader();
  return {
    listMarkdownFiles: async (rootUri) => {
      const root = URI.parse(rootUri).fsPath;
      // Known before the first await: the config is read side by side with the listing.
      roots.add(root);
      const listing = await reader.list(root);
      for (const [path, reason] of listing.skipped) skipped(path, reason);
      return listing.paths;
    },
    async readTexts(uris) {
      const paths = uris.map((uri) => URI.parse(uri).fsPath);
      const reads = await reader.read(paths, [...roots]);
      return reads.map((read, i) => {
        if (read && 'skipped' in read) skipped(paths[i], read.skipped);
        return read && 'text' in read ? splitBom(read.text).text : undefined;
      });
    },
    // Hashes the whole repository, in the reading thread.
    cachedFindings: (rootUri, config, day) => reader.cachedFindings({ root: URI.parse(rootUri).fsPath, config: { config: config.config, text: config.text }, day }),
    // Synchronous, but bounded (findCalendars.ts) and asked for only by Create Configuration.
    findCalendarFiles: (rootUri) => Promise.resolve(findCalendarFiles(URI.parse(rootUri).fsPath)),
  };
}
