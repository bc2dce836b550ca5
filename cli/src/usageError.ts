/** A usage or configuration problem: one line on stderr, exit code 2. */
export class UsageError extends Error {}
/** Bad input that is not a wrong call (a configuration, a file): one line without the usage, exit code 2. */
export class InputError extends Error {}
