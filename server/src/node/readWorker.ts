// The thread that reads the repository's files for the server (see fileReader.ts): reading
// thousands of files costs the server's own thread nothing, and blocking calls here cost a quarter
// of the asynchronous ones (no round trip per call). It also hashes the repository to reuse what
// `minutes-lint --cache` found (cachedFindings.ts). Bundled on its own (dist/readWorker.js): small,
// so that it starts at once.
import { parentPort } from 'node:worker_threads';
import { answerQuestion, type ReadQuestion } from './readRequests';

// A question that fails is answered with why (the server then fails that one load, not all later ones).
parentPort?.on('message', ({ id, question }: { id: number; question: ReadQuestion }) => {
  let answer: unknown;
  try {
    answer = answerQuestion(question);
  } catch (error) {
    return parentPort!.postMessage({ id, error: String(error) });
  }
  parentPort!.postMessage({ id, answer });
});
