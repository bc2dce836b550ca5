/**
 * The first load of the workspace folders: requests that need the repository wait for it (at
 * most `limitMs`, then they answer with what there is), so that nothing answers from an empty
 * index right after start.
 */
export class Readiness {
  private resolve!: () => void;
  private readonly loaded = new Promise<void>((resolve) => (this.resolve = resolve));
  done = false;

  constructor(private readonly limitMs = 5000) {}

  markDone(): void {
    this.done = true;
    this.resolve();
  }

  wait(): Promise<void> {
    if (this.done) return Promise.resolve();
    // unref: the timer must not keep a Node process alive; a web worker's timers have no unref.
    return Promise.race([this.loaded, new Promise<void>((resolve) => (setTimeout(resolve, this.limitMs) as { unref?: () => void }).unref?.())]);
  }
}
