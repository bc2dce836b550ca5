import { datedPathOf, formatDatedPath } from '../config/paths';
import { dayNumber, formatDate, names, sameDate, WEEKDAY_NAMES, weekday } from '../model/dates';
import { formatWritten } from '../model/writtenDates';
import { wrongDate } from '../workspace/meetingDate';
import { slashOrderOfSeries } from '../workspace/slashOrder';
import { DOCUMENT_START } from '../text/edits';
import type { Fix, Rule } from './types';

export const titleDateMismatch: Rule = {
  code: 'title-date-mismatch',
  defaultSeverity: 'warning',
  description: "The title's date differs from the date in the file name.",
  example: '`# SCS Tech Weekly 2022-09-29` in `20221103.md`',
  check({ model, config, workspace, today, copyOf }) {
    const mention = model.title?.date;
    const fileDate = model.fileDate?.date;
    if (model.kind === 'other' || !mention || !fileDate || mention.problem === 'impossible') return [];
    // A date that reads two ways (`02/09/2015`) is read the way the series writes its dates; if
    // nothing tells, it is not judged at all.
    const order = !mention.date && mention.readings && workspace ? slashOrderOfSeries(workspace, model) : undefined;
    const titleDate = mention.date ?? (order === undefined ? undefined : mention.readings![order ? 0 : 1]);
    if (!titleDate || names({ ...mention, date: titleDate }, fileDate)) return [];
    // The file's date, written as the title writes dates (`October 8th` stays spelled out).
    const style = mention.style && { ...mention.style, monthFirst: mention.style.monthFirst ?? order };
    const expected = style ? formatWritten(fileDate, style) : formatDate(fileDate);
    const range = mention.range;
    const said = `Title says ${mention.text} but the file is ${model.path.fileName}`;
    // Which day of a range of days is meant is unknown: no fix.
    if (mention.until) return [{ message: `${said}, a day outside the days the title names.`, range }];
    // A copy of another meeting's file: making its title agree would make the copy look genuine.
    if (copyOf) return [{ message: `${said}; the file is a copy of ${copyOf.path}.`, range }];
    const retitle: Fix = { title: `Change the title date to ${expected}`, edits: [{ range, newText: expected }] };
    // The file's name written with the title's date, the way this file's name is written.
    const path = workspace?.relativePath(model.uri);
    const dated = path !== undefined ? datedPathOf(path, config) : undefined;
    const newPath = dated && formatDatedPath(titleDate, dated.series, dated.pattern, dated.wildcards);
    const folderPath = path?.replace(/[^/]*$/u, '');
    const newName = newPath?.slice(newPath.lastIndexOf('/') + 1) ?? model.path.fileName;
    // A rename is offered only to a free name in the same folder, and not for a year typo centuries away.
    // Nor away from other files of its date (`11-28-agenda.md` beside `11-28-minutes.md`): they name
    // that meeting together; nor to a date other files of the series have (the title may be theirs).
    const others = dated !== undefined ? workspace!.index.filesIn(dated.series).filter((f) => f.path !== path) : [];
    const paired = others.some((f) => sameDate(f.date!, fileDate) || sameDate(f.date!, titleDate));
    const renamable = newPath !== undefined && newPath === folderPath + newName && !workspace!.index.has(newPath) && !paired && Math.abs(dayNumber(titleDate) - dayNumber(fileDate)) <= 400;
    const rename: Fix = { title: `Rename the file to ${newName}`, edits: [], renameTo: newName };
    const verdict = wrongDate(model, config, workspace, today);
    if (verdict?.why === 'future') return [{ message: `${said}; the title's date is still to come, so it cannot be the meeting's (a typo?).`, range, fixes: [retitle] }];
    if (verdict?.wrong === 'title') return [{ message: `${said}; expected ${expected}.`, range, fixes: [{ ...retitle, preferred: true }] }];
    if (verdict?.wrong === 'file') {
      const usual = model.kind === 'weekly' ? 'the meeting is' : 'this series meets';
      const meetingDay = WEEKDAY_NAMES[weekday(titleDate)];
      return [
        {
          message: `${said}, a ${WEEKDAY_NAMES[weekday(fileDate)]}; ${usual} on ${meetingDay}s, so the file name looks wrong (expected ${newName}).`,
          range,
          fixes: renamable ? [{ ...rename, preferred: true }, retitle] : [retitle],
        },
      ];
    }
    return [{ message: `${said}: one of the two dates is wrong.`, range, fixes: renamable ? [retitle, rename] : [retitle] }];
  },
};

export const invalidDate: Rule = {
  code: 'invalid-date',
  defaultSeverity: 'warning',
  description: 'A date in the title, or in a linked file name, is malformed or impossible.',
  example: '`# SCS Tech Weekly 2023-02-30`, `# Team IaaS 2023-03–06`, a link to `iaas/20230230.md`',
  check({ model }) {
    if (model.kind === 'other') return [];
    const findings: ReturnType<Rule['check']> = [];
    const date = model.title?.date;
    if (date?.problem === 'impossible') findings.push({ message: `${date.text} is not a date that exists.`, range: date.range });
    if (date?.problem === 'malformed') {
      const fixed = formatDate(date.date!);
      findings.push({
        message: `${date.text} is not written as YYYY-MM-DD; expected ${fixed}.`,
        range: date.range,
        fixes: [{ title: `Write the date as ${fixed}`, edits: [{ range: date.range, newText: fixed }], preferred: true }],
      });
    }
    for (const entry of model.updates?.entries ?? []) {
      const line = entry.minutesLine;
      if (line?.target?.date?.problem === 'impossible' && line.urlRange) {
        findings.push({ message: `${line.target.fileName} is named after a date that does not exist.`, range: line.urlRange });
      }
    }
    return findings;
  },
};

export const missingTitleDate: Rule = {
  code: 'missing-title-date',
  defaultSeverity: 'warning',
  description: 'A minutes file whose title has no date, or that has no heading at all.',
  example: '`# SCS Tech Weekly` in `20221103.md`',
  check({ model }) {
    // `20220704-workshop.md` and the like are notes of a special session, titled by topic.
    const suffixed = model.dated?.suffixed ?? false;
    if (model.kind === 'other' || model.title?.date || suffixed) return [];
    const fileDate = model.fileDate?.date;
    if (!model.title) {
      // Headings without a title among them (`## Participants` first) are another series' habit.
      if (model.sections.length) return [];
      const expected = fileDate ? `; expected one with ${formatDate(fileDate)} from the file name` : '';
      return [{ message: `The file has no heading, so no title with the meeting's date${expected}.`, range: DOCUMENT_START }];
    }
    const range = model.title.range;
    // The date goes after the heading's text, before a closing `#` sequence; an underlined heading
    // has its text on another line than its end, so it gets no fix rather than a wrong one.
    const line = model.lines.lineText(range.start.line);
    const atx = /^ {0,3}#/u.test(line) && range.start.line === range.end.line;
    const at = { line: range.start.line, character: line.replace(/(?:[ \t]+#+)?[ \t]*$/u, '').length };
    return [
      {
        message: fileDate ? `The title has no date; expected ${formatDate(fileDate)} from the file name.` : 'The title has no date.',
        range,
        fixes:
          fileDate && atx
            ? [{ title: `Add ${formatDate(fileDate)} to the title`, edits: [{ range: { start: at, end: at }, newText: ` ${formatDate(fileDate)}` }], preferred: true }]
            : undefined,
      },
    ];
  },
};
