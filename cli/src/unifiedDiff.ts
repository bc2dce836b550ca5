// The diff `--import` prints for a meeting whose file differs. Only the CLI shows one: the
// language server passes no diff maker to planImport, and the web build carries no diff library.
import { createTwoFilesPatch } from 'diff';
import type { UnifiedDiff } from '../../server/src/core';

export const unifiedDiff: UnifiedDiff = (oldName, newName, oldText, newText) => createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, { context: 3 });
