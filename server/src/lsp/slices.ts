// How long one slice of work may hold the request loop before it lets other messages through.
const SLICE_MS = 20;

/** The next turn of the event loop, after the messages that are waiting (Node and web workers alike). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Runs a stepwise computation (see core `finish`) in slices of about SLICE_MS, answering other
 * messages in between; undefined when `cancelled` says the result is no longer wanted.
 */
export async function runInSlices<T>(steps: Generator<void, T>, cancelled: () => boolean = () => false): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      if (cancelled()) return undefined;
      sliceStart = performance.now();
    }
  }
}

/** The promise's value if it comes within `ms`, else undefined (the work goes on). */
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
