import { patternOf } from '../config/pathShapes';
import { DOCUMENT_START } from '../text/edits';
import type { Rule } from './types';

export const unrecognisedFile: Rule = {
  code: 'unrecognised-file',
  defaultSeverity: 'information',
  description: 'A file with a date in its name that no path pattern of the configuration covers, so it is not checked as minutes.',
  example: '`sig-release/2023-09-14.md` where files are named `{series}/{YYYY}{MM}{DD}.md`',
  check({ model, workspace }) {
    // A name a pattern reads as a date that does not exist (`29-03-2016-minutes.md` as month 29) is not covered either.
    const misread = model.dated?.date.problem === 'impossible';
    if ((!misread && (model.kind !== 'other' || model.dated)) || model.slideDeck) return [];
    const path = workspace?.relativePath(model.uri) ?? (model.path.folder ? `${model.path.folder}/${model.path.fileName}` : model.path.fileName);
    const pattern = patternOf(path);
    if (!pattern || /template/iu.test(model.path.fileName)) return [];
    const matched = misread ? `matches "${model.dated!.pattern.source}" only as a date that does not exist` : 'matches no path pattern';
    return [
      {
        message: `This file has a date in its name but ${matched}, so it is not checked as minutes; add "${pattern}" to the "paths" of its series in .minutes.json, or rename it like the others.`,
        range: model.title?.range ?? DOCUMENT_START,
      },
    ];
  },
};

export const notFullyChecked: Rule = {
  code: 'not-fully-checked',
  defaultSeverity: 'information',
  description: 'A document only partly checked: a part no minutes have (a pasted log, a megabyte line, deep nesting, hundreds of team sections) was read as plain text, in the editor only the headings past its first 5 MB are read (past 256 KB until it is read whole), or it has more findings than are shown.',
  example: 'a 1 MB build log pasted under a bullet',
  check({ model }) {
    if (!model.notFullyRead) return [];
    const unread = model.readTo === undefined ? 'that part is read as plain text' : 'nothing there is checked';
    return [{ message: `This document is too large to check fully (${model.notFullyRead}): ${unread}, and the rest is checked.`, range: DOCUMENT_START }];
  },
};
