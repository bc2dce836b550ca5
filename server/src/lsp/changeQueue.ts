import { changeArrived, quietFor } from './slices';

/** How long no change must have come before changed documents are worked on. */
const QUIET_MS = 30;

/**
 * The documents changed and not yet worked on, each once however many versions came. A change that
 * finds the queue idle (a keystroke) is worked on once no change came for a turn; changes that
 * came while it worked (a burst: a paste, a macro, a fast typist on a slow machine) only once none
 * came for QUIET_MS. The JSON-RPC connection hands over one message a turn, so a burst is taken in
 * whole, and the requests queued among its changes are answered, before any version is parsed; then
 * only each document's newest version is (`work` reads the document as it is then).
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
      for (let first = true; this.pending.size; first = false) {
        await quietFor(first ? 0 : QUIET_MS);
        const [uri] = this.pending;
        this.pending.delete(uri);
        await this.work(uri);
      }
    } finally {
      this.draining = false;
    }
  }
}
