import { cachedFindings, type ServerCacheInputs } from './cachedFindings';
import { readFilesInside } from './readInside';

/** What the server asks of its reading thread (readWorker.ts); `inputs` as JSON (a config may hold what a thread message cannot). */
export type ReadQuestion = { kind: 'read'; paths: string[]; roots: string[] } | { kind: 'cachedFindings'; inputs: string };

/** The answer, in the thread or, where it cannot run, in the server's own (fileReader.ts). */
export function answerQuestion(question: ReadQuestion): unknown {
  return question.kind === 'read' ? readFilesInside(question.paths, question.roots) : cachedFindings(JSON.parse(question.inputs) as ServerCacheInputs);
}
