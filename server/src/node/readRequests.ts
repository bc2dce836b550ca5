import { cachedFindings, type ServerCacheInputs } from './cachedFindings';
import { listMarkdownFiles } from './listFiles';
import { readFilesInside } from './readInside';

/** What the server asks of its reading thread (readWorker.ts); `inputs` as JSON (a config may hold what a thread message cannot). */
export type ReadQuestion = { kind: 'list'; root: string } | { kind: 'read'; paths: string[]; roots: string[] } | { kind: 'cachedFindings'; inputs: string };

/** A folder's Markdown files (see listMarkdownFiles), and the entries left out with why. */
export interface Listing {
  paths: string[];
  skipped: Array<[path: string, reason: string]>;
}

/** The answer, in the thread or, where it cannot run, in the server's own (fileReader.ts). */
export function answerQuestion(question: ReadQuestion): unknown {
  if (question.kind === 'read') return readFilesInside(question.paths, question.roots);
  if (question.kind === 'cachedFindings') return cachedFindings(JSON.parse(question.inputs) as ServerCacheInputs);
  const skipped: Listing['skipped'] = [];
  const listing: Listing = { paths: listMarkdownFiles(question.root, (path, reason) => skipped.push([path, reason])), skipped };
  return listing;
}
