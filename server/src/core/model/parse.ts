import { URI, Utils } from 'vscode-uri';
import type { MinutesConfig } from '../config/types';
import { LineIndex } from '../text/lineIndex';
import { dateFromFileName, findDates } from './dates';
import { documentKind } from './documentKind';
import { isSlideDeck, parseMarkdown, type ChunkCache } from './markdown';
import { readMeta } from './meta';
import { buildSections } from './sections';
import { readUpdatesGroup } from './teams';
import type { DocumentPath, MinutesModel, Section, Title } from './types';

export interface SourceDocument {
  uri: string;
  version: number;
  text: string;
}

/**
 * text -> model: the one parse every feature of a document version shares. With `chunks` (kept
 * per document between versions), only the sections that changed since the last version are parsed.
 */
export function parseMinutes(doc: SourceDocument, config: MinutesConfig, chunks?: ChunkCache): MinutesModel {
  const { text } = doc;
  const lines = new LineIndex(text);
  const root = parseMarkdown(text, chunks);
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
 * The title is the first dated heading when it opens the document at level 1 or 2 (pads often
 * start with `## 2024-02-19`), else the first dated `#` heading (a pad's leftover `# Backlog` may
 * precede it), else the first `#` heading, which then lacks its date.
 */
function readTitle(sections: Section[], text: string, lines: LineIndex): Title | undefined {
  const all = flatten(sections);
  const dated = (s: Section) => findDates(s.title).length > 0;
  const opening = all[0] && all[0].depth <= 2 && dated(all[0]) ? all[0] : undefined;
  const heading = opening ?? all.find((s) => s.depth === 1 && dated(s)) ?? all.find((s) => s.depth === 1);
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

