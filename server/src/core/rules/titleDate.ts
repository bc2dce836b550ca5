import { formatDate, sameDate } from '../model/dates';
import type { Rule } from './types';

export const titleDateMismatch: Rule = {
  code: 'title-date-mismatch',
  defaultSeverity: 'warning',
  description: "The title's date differs from the date in the file name.",
  example: '`# SCS Tech Weekly 2022-09-29` in `20221103.md`',
  check({ model }) {
    const titleDate = model.title?.date?.date;
    const fileDate = model.fileDate?.date;
    if (model.kind === 'other' || !titleDate || !fileDate || sameDate(titleDate, fileDate)) return [];
    const expected = formatDate(fileDate);
    return [
      {
        message: `Title says ${model.title!.date!.text} but the file is ${model.path.fileName}; expected ${expected}.`,
        range: model.title!.date!.range,
        fixes: [{ title: `Change the title date to ${expected}`, edits: [{ range: model.title!.date!.range, newText: expected }], preferred: true }],
      },
    ];
  },
};

export const invalidDate: Rule = {
  code: 'invalid-date',
  defaultSeverity: 'warning',
  description: 'A date in the title is malformed or impossible.',
  example: '`# SCS Tech Weekly 2023-02-30`, `# Team IaaS 2023-03–06`',
  check({ model }) {
    const date = model.title?.date;
    if (model.kind === 'other' || !date?.problem) return [];
    if (date.problem === 'impossible') {
      return [{ message: `${date.text} is not a date that exists.`, range: date.range }];
    }
    const fixed = formatDate(date.date!);
    return [
      {
        message: `${date.text} is not written as YYYY-MM-DD; expected ${fixed}.`,
        range: date.range,
        fixes: [{ title: `Write the date as ${fixed}`, edits: [{ range: date.range, newText: fixed }], preferred: true }],
      },
    ];
  },
};

export const missingTitleDate: Rule = {
  code: 'missing-title-date',
  defaultSeverity: 'warning',
  description: 'A minutes file whose title has no date.',
  example: '`# SCS Tech Weekly` in `20221103.md`',
  check({ model }) {
    if (model.kind === 'other' || !model.title || model.title.date) return [];
    const fileDate = model.fileDate?.date;
    const range = model.title.range;
    const end = range.end;
    return [
      {
        message: fileDate ? `The title has no date; expected ${formatDate(fileDate)} from the file name.` : 'The title has no date.',
        range,
        fixes: fileDate
          ? [{ title: `Add ${formatDate(fileDate)} to the title`, edits: [{ range: { start: end, end }, newText: ` ${formatDate(fileDate)}` }], preferred: true }]
          : undefined,
      },
    ];
  },
};
