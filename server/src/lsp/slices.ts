// How long one slice of work may hold the request loop before it lets other messages through.
const SLICE_MS = 20;

/** The next turn of the event loop, after the messages that are waiting (Node and web workers alike). */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

let changeCame = false;
let lastChange = 0;

/** A document change came in: sliced work waits for a turn without one (see quietTurn). */
export function changeArrived(): void {
  changeCame = true;
  lastChange = performance.now();
}

/**
 * The next turn of the event loop in which no document change came. The JSON-RPC connection hands
 * over one message a turn: work that waited only a turn between slices would let a burst of changes
 * (and the requests among them) through one per slice.
 */
export async function quietTurn(): Promise<void> {
  do {
    changeCame = false;
    await nextTurn();
  } while (changeCame);
}

/**
 * Resolves once no document change came for `ms`: a client that writes a burst more slowly than the
 * server reads it leaves turns without a change in the middle of the burst.
 */
export async function quietFor(ms: number): Promise<void> {
  await quietTurn();
  for (let left = ms - (performance.now() - lastChange); left > 0; left = ms - (performance.now() - lastChange)) {
    await new Promise((resolve) => setTimeout(resolve, left));
    await quietTurn();
  }
}

/**
 * Runs a stepwise computation (see core `finish`) in slices of about SLICE_MS, answering other
 * messages in between (all the changes that came, see quietTurn); undefined when `cancelled` says the result is no longer wanted.
 */
export async function runInSlices<T>(steps: Generator<void, T>, cancelled: () => boolean = () => false): Promise<T | undefined> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await quietTurn();
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
