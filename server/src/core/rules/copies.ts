import { formatDate } from '../model/dates';
import { dateAnchor, DOCUMENT_START } from '../text/edits';
import type { Rule } from './types';

export const duplicateMinutes: Rule = {
  code: 'duplicate-minutes',
  defaultSeverity: 'warning',
  description: "The file is a copy (but for white space) of an earlier meeting's minutes of the same series.",
  example: '`project-board/20250825.md` with the same text as `project-board/20250818.md`',
  check({ model, workspace, copyOf }) {
    if (!copyOf || !workspace) return [];
    const own = model.fileDate?.date ? ` of ${formatDate(model.fileDate.date)}` : '';
    return [
      {
        message: `This file is a copy of ${copyOf.path}, the minutes of ${formatDate(copyOf.date!)}: the minutes${own} are not written yet, or were saved in the wrong file.`,
        range: dateAnchor(model),
        related: [{ uri: workspace.uriOf(copyOf.path), range: DOCUMENT_START, message: `the minutes of ${formatDate(copyOf.date!)} (${copyOf.path})` }],
      },
    ];
  },
};
