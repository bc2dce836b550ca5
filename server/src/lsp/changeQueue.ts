import { changeArrived, quietFor } from './slices';

/** How long no change must have come before changed documents are worked on. */
const QUIET_MS = 30;

/**
 * The documents changed and not yet worked on, each once however many versions came. Work starts
 * only once no change came for QUIET_MS (and a turn): the JSON-RPC connection hands over one
 * message a turn, so a burst of changes (a paste, a macro, a fast typist on a slow machine) is taken
 * in whole, and the requests queued among its changes are answered, before any version is parsed;
 * then only each document's newest version is (`work` reads the document as it is then).
 */
export class ChangeQueue {
  private readonly pending = new Set<string>();
  private draining = false;

  constructor(private readonly work: (uri: string) => Promise<void>) {}

  changed(uri: string): void {
    this.pending.add(uri);
    changeArrived();
    if (!this.draining) void this.drain();
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.size) {
        await quietFor(QUIET_MS);
        const [uri] = this.pending;
        this.pending.delete(uri);
        await this.work(uri);
      }
    } finally {
      this.draining = false;
    }
  }
}
