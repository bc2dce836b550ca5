import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The real SCS minutes, beside the project (read in place, never copied: see its NOTICE.md). */
export const CORPUS = resolve(__dirname, '../../../shared/corpus/scs-minutes');

/** Skips the calling suite, saying why, where the corpus is not checked out beside the project. */
export function requireCorpus(context: Mocha.Context): void {
  if (!existsSync(CORPUS)) {
    console.log(`    (skipped: the corpus is not at ${CORPUS})`);
    context.skip();
  }
}
