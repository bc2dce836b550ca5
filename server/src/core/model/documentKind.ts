import type { MinutesConfig } from '../config/types';
import { normalizeHeading } from '../text/headings';
import type { DatedFile, DocumentKind, DocumentPath, Title } from './types';

/**
 * Whether a title has one of the forms exactly, with its date where the form has `{date}`
 * (`SCS Tech Weekly 2022-09-29` for `SCS Tech Weekly {date}`), or the form's words alone (a roll-up
 * still missing its date). A form belongs to its series: "SCS Tech Weekly notes" is none of them.
 */
export function hasTitleForm(title: Title, forms: readonly string[]): boolean {
  const text = normalizeHeading(title.text);
  return forms.some((form) => {
    const [before, after = ''] = form.split('{date}');
    const prefix = normalizeHeading(before);
    if (prefix === '' && normalizeHeading(after) === '') return false;
    if (title.date === undefined) return text === prefix;
    return text === normalizeHeading(`${before}${title.date.text}${after}`);
  });
}

/**
 * Minutes are the files of a series (a dated name one of its path patterns covers), with or without a
 * title; a roll-up series' files are roll-ups. A file no series names by its folder is a roll-up
 * when its title has a roll-up's form (a roll-up saved in the wrong folder). Everything else
 * (READMEs, templates, slide decks) is not minutes and gets no minutes checks.
 */
export function documentKind(path: DocumentPath, title: Title | undefined, dated: DatedFile | undefined, config: MinutesConfig, isSlideDeck: boolean): DocumentKind {
  if (isSlideDeck || /template/iu.test(path.fileName)) return 'other';
  if (dated?.weekly) return 'weekly';
  const namedSeries = dated !== undefined && !dated.pattern.hasSeries;
  if (title && !namedSeries && hasTitleForm(title, config.weeklyTitles)) return 'weekly';
  // A dated file without any heading is still minutes, one that lacks its title.
  return dated ? 'meeting' : 'other';
}
