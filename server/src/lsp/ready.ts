import type { CancellationToken } from 'vscode-languageserver';

/**
 * The first load of the workspace folders: requests that need the repository wait for it, however
 * long a busy machine takes, so that nothing answers from an empty index right after start. A
 * request the client cancels meanwhile stops waiting (its answer is dropped anyway).
 */
export class Readiness {
  private resolve!: () => void;
  private readonly loaded = new Promise<void>((resolve) => (this.resolve = resolve));
  done = false;

  markDone(): void {
    this.done = true;
    this.resolve();
  }

  /** Resolves once the first load is done, or as soon as `token` is cancelled. */
  wait(token?: CancellationToken): Promise<void> {
    if (this.done || !token) return this.loaded;
    if (token.isCancellationRequested) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const cancelled = token.onCancellationRequested(() => resolve());
      void this.loaded.then(() => {
        cancelled.dispose();
        resolve();
      });
    });
  }
}
