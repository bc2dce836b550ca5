import type { MinutesConfig } from '../config/types';

import { normalizeHeading } from './sections';
import type { DatedFile, DocumentKind, DocumentPath, Title } from './types';

/**
 * Whether a title is a roll-up's: it starts as one of the title forms does before `{date}` and has
 * a date (`SCS Tech Weekly 2022-09-29` for `SCS Tech Weekly {date}`; "SCS Tech Weekly notes" is not
 * one, "SCS Tech Weekly" alone is one without its date).
 */
export function isWeeklyTitle(title: Title, weeklyTitles: readonly string[]): boolean {
  const text = normalizeHeading(title.text);
  return weeklyTitles.some((form) => {
    const prefix = normalizeHeading(form.split('{date}')[0]);
    // The form's words alone are a roll-up still missing its date; more words need the date.
    return prefix !== '' && text.startsWith(prefix) && (title.date !== undefined || text === prefix);
  });
}

/**
 * Weekly roll-ups are recognised by their title or their folder; meeting minutes by a dated file
 * name. Everything else (READMEs, templates, slide decks) is not minutes and gets no
 * minutes checks.
 */
export function documentKind(path: DocumentPath, title: Title | undefined, dated: DatedFile | undefined, config: MinutesConfig, isSlideDeck: boolean): DocumentKind {
  if (isSlideDeck || /template/iu.test(path.fileName)) return 'other';
  if (title && isWeeklyTitle(title, config.weeklyTitles)) return 'weekly';
  if (!dated) return 'other';
  if (dated.weekly) return 'weekly';
  // A dated file without any heading is still minutes, one that lacks its title.
  return 'meeting';
}
