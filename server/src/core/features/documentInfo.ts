import type { MinutesConfig } from '../config/types';
import { isSlideDeck } from '../model/slideDeck';
import type { DocumentKind, MinutesModel } from '../model/types';

export interface DocumentInfo {
  kind: DocumentKind;
  /** For a file that is not minutes: why it gets no minutes features, in one sentence. */
  reason?: string;
}

/** What kind of minutes a document is, and for one that is not minutes, why not (for the editor to say). */
export function documentInfo(model: MinutesModel, config: MinutesConfig, relativePath?: string): DocumentInfo {
  if (model.kind !== 'other') return { kind: model.kind };
  const name = relativePath ?? model.path.fileName;
  let why: string;
  if (isSlideDeck(model.text)) why = 'is a slide deck (slide front matter or slide markup), not minutes';
  else if (/template/iu.test(model.path.fileName)) why = 'is a template, not minutes';
  else if (!model.fileDate) why = 'has no meeting date in its file name (minutes are named YYYYMMDD.md)';
  else why = `has no title (minutes start with "# ${config.weeklyTitle.replace('{date}', 'YYYY-MM-DD')}" or "# YYYY-MM-DD")`;
  return { kind: 'other', reason: `${name} ${why}: it gets no minutes checks, completion or outline.` };
}
