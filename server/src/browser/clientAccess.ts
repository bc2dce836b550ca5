import type { Connection } from 'vscode-languageserver';
import type { RepositoryAccess } from '../lsp/repositoryAccess';
import { Utils, URI } from 'vscode-uri';
import { isCalendarFile } from '../core';
import { ListCalendarFilesRequest, ListMarkdownFilesRequest, ReadTextsRequest } from '../protocol';

// Files per request: a whole repository in a few round trips, without one message of hundreds of megabytes.
const FILES_PER_REQUEST = 500;

/**
 * The repository as the editor sees it, for a server without a file system (a web worker): every
 * listing and read is a request to the client (`client/src/browser/workspaceAccess.ts`), which
 * answers with `vscode.workspace.findFiles` and `vscode.workspace.fs`. Nothing is asked before
 * `initialized` resolves (the client has no handlers before).
 */
export function clientAccess(connection: Connection, initialized: Promise<void>, skipped: (uri: string, reason: string) => void): RepositoryAccess {
  return {
    async listMarkdownFiles(rootUri) {
      await initialized;
      return connection.sendRequest(ListMarkdownFilesRequest, { rootUri });
    },
    async readTexts(uris) {
      await initialized;
      const texts: Array<string | undefined> = [];
      for (let start = 0; start < uris.length; start += FILES_PER_REQUEST) {
        const result = await connection.sendRequest(ReadTextsRequest, { uris: uris.slice(start, start + FILES_PER_REQUEST) });
        for (const { uri, reason } of result.skipped) skipped(uri, reason);
        texts.push(...result.texts.map((t) => t ?? undefined));
      }
      return texts;
    },
    async findCalendarFiles(rootUri) {
      await initialized;
      const paths = await connection.sendRequest(ListCalendarFilesRequest, { rootUri });
      const texts = await this.readTexts(paths.map((path) => Utils.joinPath(URI.parse(rootUri), ...path.split('/')).toString()));
      return paths.flatMap((path, i) => (texts[i] !== undefined && isCalendarFile(path, texts[i]) ? [{ path, text: texts[i] }] : []));
    },
  };
}
