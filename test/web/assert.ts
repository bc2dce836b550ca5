// The part of `node:assert/strict` that the editor suites use, for the web-worker extension host,
// which has no Node modules. run.mjs bundles the suites with `node:assert/strict` pointing here.

export class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown): string => {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
};

function failWith(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) failWith(message, `expected a truthy value, got ${show(value)}`);
}

export function fail(message?: string | Error): never {
  failWith(message, 'failed');
}

export function equal<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) failWith(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function notEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) failWith(message, `expected something other than ${show(expected)}`);
}

export function deepEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!same(actual, expected)) failWith(message, `expected ${show(expected)}, got ${show(actual)}`);
}

export function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || !pattern.test(text)) failWith(message, `expected ${show(text)} to match ${String(pattern)}`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || pattern.test(text)) failWith(message, `expected ${show(text)} not to match ${String(pattern)}`);
}

/** Strict deep equality of plain data: primitives by Object.is, arrays and objects by their own enumerable keys. */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  return keysA.length === keysB.length && keysA.every((k) => Object.prototype.hasOwnProperty.call(b, k) && same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export default { ok, fail, equal, notEqual, deepEqual, match, doesNotMatch, AssertionError };
