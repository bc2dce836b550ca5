import { URI, Utils } from 'vscode-uri';
import type { MinutesConfig } from '../config/types';
import { LineIndex } from '../text/lineIndex';
import { dateFromFileName, findDates } from './dates';
import { documentKind } from './documentKind';
import { isSlideDeck, parseMarkdown } from './markdown';
import { readMeta } from './meta';
import { buildSections } from './sections';
import { readUpdatesGroup } from './teams';
import type { DocumentPath, MinutesModel, Section, Title } from './types';

export interface SourceDocument {
  uri: string;
  version: number;
  text: string;
}

/** text -> model: the one parse every feature of a document version shares. */
export function parseMinutes(doc: SourceDocument, config: MinutesConfig): MinutesModel {
  const { text } = doc;
  const lines = new LineIndex(text);
  const root = parseMarkdown(text);
  const { roots, drafts } = buildSections(root.children, text, lines, config.sections);
  const path = documentPath(doc.uri);
  const fileDate = dateFromFileName(path.fileName);
  const title = readTitle(roots, text, lines);
  const kind = documentKind(path, title, fileDate, config, isSlideDeck(root));
  const minutes = kind !== 'other';
  return {
    uri: doc.uri,
    version: doc.version,
    text,
    lines,
    path,
    kind,
    fileDate,
    title,
    sections: roots,
    meta: minutes ? readMeta(drafts, text, lines) : undefined,
    updates: minutes ? readUpdatesGroup(drafts, text, lines, config) : undefined,
  };
}

export function documentPath(uri: string): DocumentPath {
  let parsed: URI;
  try {
    parsed = URI.parse(uri);
  } catch {
    return { fileName: uri };
  }
  const fileName = Utils.basename(parsed);
  const folder = Utils.basename(Utils.dirname(parsed));
  return { fileName, folder: folder || undefined };
}

/**
 * The title is the first `#` heading; minutes written from a pad sometimes start with a dated
 * `##` heading instead (`## 2024-02-19`), which then serves as the title.
 */
function readTitle(sections: Section[], text: string, lines: LineIndex): Title | undefined {
  const all = flatten(sections);
  const h1 = all.find((s) => s.depth === 1);
  const heading = h1 ?? (all[0]?.depth === 2 && findDates(all[0].title).length ? all[0] : undefined);
  if (!heading) return undefined;
  const start = lines.offsetAt(heading.headingRange.start);
  const source = text.slice(start, lines.offsetAt(heading.headingRange.end));
  const found = findDates(source)[0];
  const date = found && { ...found, range: lines.range(start + found.offset, start + found.offset + found.text.length) };
  return { text: heading.title, range: heading.headingRange, date };
}

export function flatten(sections: Section[]): Section[] {
  return sections.flatMap((s) => [s, ...flatten(s.children)]);
}

