import { chmodSync, cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The real SCS minutes, beside the project (read in place, never copied: see its NOTICE.md). */
export const CORPUS = resolve(__dirname, '../../../shared/corpus/scs-minutes');

/** Skips the calling suite, saying why, where the corpus is not checked out beside the project. */
export function requireCorpus(context: Mocha.Context): void {
  if (!existsSync(CORPUS)) {
    console.log(`    (skipped: the corpus is not at ${CORPUS})`);
    context.skip();
  }
}

/**
 * A writable copy of the corpus in `target` (a temporary folder), for the tests that change files:
 * the corpus itself may be read-only (CI lays it out without write bits), and `--fix` leaves
 * read-only files alone.
 */
export function writableCopy(target: string): void {
  cpSync(CORPUS, target, { recursive: true });
  for (const entry of readdirSync(target, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isFile() || entry.isDirectory()) chmodSync(path, statSync(path).mode | 0o200);
  }
  chmodSync(target, statSync(target).mode | 0o200);
}
