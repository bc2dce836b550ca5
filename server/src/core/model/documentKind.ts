import type { MinutesConfig } from '../config/types';

import { normalizeHeading } from './sections';
import type { DatedFile, DocumentKind, DocumentPath, Title } from './types';

/** Whether a title is the weekly roll-up's, e.g. `SCS Tech Weekly 2022-09-29` for `SCS Tech Weekly {date}`. */
export function isWeeklyTitle(title: string, weeklyTitle: string): boolean {
  const prefix = normalizeHeading(weeklyTitle.split('{date}')[0]);
  return prefix !== '' && normalizeHeading(title).startsWith(prefix);
}

/**
 * Weekly roll-ups are recognised by their title or their folder; meeting minutes by a dated file
 * name and a title. Everything else (READMEs, templates, slide decks) is not minutes and gets no
 * minutes checks.
 */
export function documentKind(path: DocumentPath, title: Title | undefined, dated: DatedFile | undefined, config: MinutesConfig, isSlideDeck: boolean): DocumentKind {
  if (isSlideDeck || /template/iu.test(path.fileName)) return 'other';
  if (title && isWeeklyTitle(title.text, config.weeklyTitle)) return 'weekly';
  if (!dated) return 'other';
  if (dated.weekly) return 'weekly';
  return title ? 'meeting' : 'other';
}
