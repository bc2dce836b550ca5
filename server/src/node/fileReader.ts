import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../core';
import type { ServerCacheInputs } from './cachedFindings';
import type { FileRead } from './readInside';
import { answerQuestion, type Listing, type ReadQuestion } from './readRequests';

/** Where the reading thread's bundle lies: beside the server's (scripts/build.mjs). */
const WORKER_SCRIPT = join(__dirname, 'readWorker.js');

/**
 * Reads files for the server in a thread of its own (readWorker.ts), so that the server's thread
 * answers requests meanwhile. Questions are answered in order. Where the thread cannot run (its
 * bundle missing, the thread gone), they are answered here, as the thread would.
 */
export class FileReader {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { settle: (answer: () => unknown) => void; question: ReadQuestion }>();
  private broken = false;

  /** Started at once: the thread loads while the editor and the server greet each other. */
  constructor() {
    this.started();
  }

  list(root: string): Promise<Listing> {
    return this.ask({ kind: 'list', root }) as Promise<Listing>;
  }

  read(paths: string[], roots: string[]): Promise<FileRead[]> {
    return this.ask({ kind: 'read', paths, roots }) as Promise<FileRead[]>;
  }

  /** See cachedFindings.ts. */
  cachedFindings(inputs: ServerCacheInputs): Promise<Record<string, Finding[]>> {
    return this.ask({ kind: 'cachedFindings', inputs: JSON.stringify(inputs) }) as Promise<Record<string, Finding[]>>;
  }

  private ask(question: ReadQuestion): Promise<unknown> {
    const worker = this.started();
    if (!worker) return settled(() => answerQuestion(question));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      // Resolved with what `answer` gives, rejected with what it throws.
      const settle = (answer: () => unknown) => void settled(answer).then(resolve, reject);
      this.waiting.set(id, { settle, question });
      worker.postMessage({ id, question });
    });
  }

  private started(): Worker | undefined {
    if (this.worker || this.broken) return this.worker;
    try {
      const worker = new Worker(WORKER_SCRIPT);
      // The server ends when its client goes, whatever the thread is doing.
      worker.unref();
      worker.on('message', ({ id, answer, error }: { id: number; answer?: unknown; error?: string }) => {
        this.waiting.get(id)?.settle(() => {
          if (error !== undefined) throw new Error(error);
          return answer;
        });
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

  /** The thread is gone: what it was asked and did not answer is answered here, and so is everything after. */
  private fail(): void {
    this.broken = true;
    this.worker = undefined;
    for (const [id, { settle, question }] of this.waiting) {
      this.waiting.delete(id);
      settle(() => answerQuestion(question));
    }
  }
}

function settled(answer: () => unknown): Promise<unknown> {
  try {
    return Promise.resolve(answer());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
