/** Runs a stepwise computation (a generator that yields between steps, see parseMarkdownInSteps) to its end. */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
