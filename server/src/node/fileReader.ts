import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readFilesInside, type FileRead } from './readInside';
import type { ReadRequest } from './readWorker';

/** Where the reading thread's bundle lies: beside the server's (scripts/build.mjs). */
const WORKER_SCRIPT = join(__dirname, 'readWorker.js');

/**
 * Reads files for the server in a thread of its own (readWorker.ts), so that the server's thread
 * answers requests meanwhile. Requests are answered in order. Where the thread cannot run (its
 * bundle missing, the thread gone), the files are read here, as the thread would.
 */
export class FileReader {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (reads: FileRead[]) => void; request: ReadRequest }>();
  private broken = false;

  read(paths: string[], roots: string[]): Promise<FileRead[]> {
    const worker = this.started();
    const request = { id: this.nextId++, paths, roots };
    if (!worker) return Promise.resolve(readFilesInside(paths, roots));
    return new Promise((resolve) => {
      this.waiting.set(request.id, { resolve, request });
      worker.postMessage(request);
    });
  }

  private started(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(WORKER_SCRIPT);
      // The server ends when its client goes, whatever the thread is doing.
      worker.unref();
      worker.on('message', ({ id, reads }: { id: number; reads: FileRead[] }) => {
        this.waiting.get(id)?.resolve(reads);
        this.waiting.delete(id);
      });
      worker.on('error', () => this.fail());
      worker.on('exit', () => this.fail());
      this.worker = worker;
    } catch {
      this.broken = true;
    }
    return this.worker;
  }

  /** The thread is gone: what it was asked and did not answer is read here, and so is everything after. */
  private fail(): void {
    this.broken = true;
    this.worker = undefined;
    for (const [id, { resolve, request }] of this.waiting) {
      this.waiting.delete(id);
      resolve(readFilesInside(request.paths, request.roots));
    }
  }
}
