/** Milliseconds since `start` (a `performance.now()`), for the log. */
export const since = (start: number): string => `${Math.round(performance.now() - start)} ms`;
