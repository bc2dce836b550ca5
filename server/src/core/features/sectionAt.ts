import { flatten } from '../model/parse';
import type { MinutesModel, Section, TeamEntry } from '../model/types';

/** The innermost section containing a line. */
export function sectionAt(model: MinutesModel, line: number): Section | undefined {
  let found: Section | undefined;
  for (const section of flatten(model.sections)) {
    if (section.headingRange.start.line <= line && (line <= section.range.end.line || contentEndLine(model, section) >= line)) found = section;
  }
  return found;
}

/** The team or SIG whose section contains a line. */
export function entryAt(model: MinutesModel, line: number): TeamEntry | undefined {
  let found: TeamEntry | undefined;
  for (const entry of model.updates?.entries ?? []) {
    if (entry.section.headingRange.start.line <= line && line <= contentEndLine(model, entry.section)) found = entry;
  }
  return found;
}

/** Sections own the blank lines after their text too: that is where people type next. */
function contentEndLine(model: MinutesModel, section: Section): number {
  return model.lines.positionAt(Math.max(section.startOffset, section.endOffset - 1)).line;
}
