// The thread that reads the repository's files for the server (see fileReader.ts): reading
// thousands of files costs the server's own thread nothing, and blocking calls here cost a quarter
// of the asynchronous ones (no round trip per call). Bundled on its own (dist/readWorker.js): small,
// so that it starts at once.
import { parentPort } from 'node:worker_threads';
import { readFilesInside } from './readInside';

export interface ReadRequest {
  id: number;
  paths: string[];
  roots: string[];
}

parentPort?.on('message', ({ id, paths, roots }: ReadRequest) => parentPort!.postMessage({ id, reads: readFilesInside(paths, roots) }));
