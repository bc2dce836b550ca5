import { invalidDate, missingTitleDate, titleDateMismatch } from './titleDate';
import type { Rule } from './types';

/** Every rule, in the order of the README's table: the one list of rule codes. */
export const RULES: readonly Rule[] = [titleDateMismatch, invalidDate, missingTitleDate];
