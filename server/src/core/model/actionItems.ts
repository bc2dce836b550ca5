import type { Range } from 'vscode-languageserver-types';
import { flatten } from './parse';
import type { CheckedModel, Section } from './types';
import { assignedOwners, HANDLE } from './actionOwners';

export { HANDLE } from './actionOwners';

export type ActionStatus = 'open' | 'done' | 'cancelled';

/** One action item of a minutes file, in any of the forms people write them. */
export interface ActionItem {
  /** The item's first line, from its marker to its end. */
  range: Range;
  line: number;
  /** What is to be done, without the `AI` label, the owners and emphasis. */
  text: string;
  /** `@handles`, without the `@`. */
  owners: string[];
  /** The heading it stands under. */
  topic?: string;
  status: ActionStatus;
  /** Whether it stands in the pending-items section (carried from an earlier meeting). */
  pending: boolean;
}

// `_AI @owner: ..._`, `AI @owner: ...`, `AI: @owner ...`, `Action item: ...`, `TODO @owner ...`.
const LABEL = /^(?:[_*]{1,2})?\(?\s*(?:AI|A\.I\.|action\s+items?|todo|aufgabe)\b\s*(?:[_*]{1,2})?\s*:?\s*/iu;
// `... (AI @owner)` at the end of an item.
const TRAILING = /\(\s*AI\b[^)]*\)\s*[_*]*\s*$/iu;
const CHECKBOX = /^\[([ xX])\]\s+/u;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$/u;
const DONE = /\b(done|erledigt|completed?|finished|closed|merged|fixed|resolved)\b|✅|✔/iu;
const CANCELLED = /\b(cancell?ed|dropped|obsolete|abandoned|won'?t\s+(?:do|fix)|wontfix|abgebrochen|entf[äa]llt|not\s+needed)\b/iu;
const OPEN = /\b(ongoing|in\s+progress|open|pending|wip|läuft|offen|still\s+to\s+do)\b/iu;

/** Heading names of the section that carries the open items of earlier meetings. */
export const PENDING_SECTIONS = /\b(pending|open)\s+(action\s*items?|actions|ais?)\b|\baction\s+items?\s+from\s+last\b|^action\s+items?:?$/iu;

const cache = new WeakMap<CheckedModel, ActionItem[]>();

/** The action items of a minutes file, computed once per model. */
export function actionItemsOf(model: CheckedModel): ActionItem[] {
  let items = cache.get(model);
  if (!items) cache.set(model, (items = readActionItems(model)));
  return items;
}

function readActionItems(model: CheckedModel): ActionItem[] {
  if (model.kind === 'other') return [];
  const sections = flatten(model.sections);
  const items: ActionItem[] = [];
  const lineCount = model.lines.lineCount;
  let fence: string | undefined;
  for (let line = 0; line < lineCount; line++) {
    const text = model.lines.lineText(line);
    const fenceMark = /^\s*(`{3,}|~{3,})/u.exec(text)?.[1];
    if (fenceMark && (!fence || fenceMark.startsWith(fence))) {
      fence = fence ? undefined : fenceMark;
      continue;
    }
    if (fence || /^\s*#/u.test(text)) continue;
    const listed = LIST_ITEM.exec(text);
    const indent = listed ? listed[1].length : (/^\s*/u.exec(text)?.[0].length ?? 0);
    const content = (listed ? listed[2] : text.trim()).trim();
    const found = readItem(content);
    if (!found) continue;
    // Its sub-bullets say how it stands: `- ongoing, see #1020`, `- **DONE**`.
    const below: string[] = [];
    for (let next = line + 1; next < lineCount; next++) {
      const sub = model.lines.lineText(next);
      if (!sub.trim()) break;
      const subIndent = /^\s*/u.exec(sub)![0].length;
      if (subIndent <= indent) break;
      below.push(sub.trim());
    }
    const section = sectionOf(sections, line);
    // `TODO: Fixup:` says what in its first sub-bullet; a bare `AI @kim` what in the bullet it
    // stands under (or the topic's heading).
    const itemText = !found.text
      ? (parentText(model, line, indent) ?? section?.title ?? '')
      : /:$/u.test(found.text) && below.length
        ? `${found.text} ${below[0].replace(/^(?:[-*+]|\d+[.)])\s+/u, '')}`
        : found.text;
    const start = text.length - text.trimStart().length;
    items.push({
      range: { start: { line, character: start }, end: { line, character: text.trimEnd().length } },
      line,
      text: itemText,
      owners: found.owners,
      topic: section?.title,
      status: found.status ?? statusIn(below.join(' ')) ?? 'open',
      pending: section !== undefined && PENDING_SECTIONS.test(section.title),
    });
  }
  return items;
}

/** Reads one line as an action item: its text, owners and the status it states itself. */
export function readItem(content: string): { text: string; owners: string[]; status?: ActionStatus } | undefined {
  let rest = content;
  let status: ActionStatus | undefined;
  const box = CHECKBOX.exec(rest);
  if (box) {
    status = box[1] === ' ' ? 'open' : 'done';
    rest = rest.slice(box[0].length);
  }
  // Struck through: done (or cancelled, if the words after it say so).
  const struck = /^~~(.+?)~~(.*)$/u.exec(rest);
  if (struck) {
    status = CANCELLED.test(struck[2]) ? 'cancelled' : 'done';
    rest = struck[1];
  }
  const labelled = LABEL.exec(rest);
  const trailing = TRAILING.exec(rest);
  if (!box && !labelled && !trailing) return undefined;
  const mentioned = rest.search(HANDLE) >= 0;
  // `AI @owner` is an item; a bare `AI` in prose ("AI assistants") is not.
  if (!box && labelled && !mentioned && !/:/u.test(labelled[0]) && !/^[_*]/u.test(rest)) return undefined;
  let text = rest;
  if (trailing) text = text.slice(0, trailing.index);
  if (labelled) text = text.slice(labelled[0].length);
  const assigned = assignedOwners(text, rest);
  const ownerFirst = assigned.text !== text;
  text = assigned.text
    .replace(/^\s*\)\s*/u, '')
    // `AI @garloff to open against csctl`: the task is "open against csctl", the rest reads as a sentence with its owner.
    .replace(/^\s*(?:to|will|should|shall|-|:)\s+/iu, (m) => (/^\s*[-:]/u.test(m) || ownerFirst ? '' : m.trimStart()))
    // Emphasis marks, not the underscores of `os_purpose` or `snake_case`.
    .replace(/(?<![\p{L}\p{N}])[_*]+|[_*]+(?![\p{L}\p{N}])/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (!text && !mentioned) return undefined;
  return { text, owners: assigned.owners, status: status ?? (labelled || trailing ? statusIn(rest, true) : undefined) };
}

/** A status stated in words (`ongoing`, `done, see PR`, `**DONE**`, `cancelled`). */
export function statusIn(text: string, ownLine = false): ActionStatus | undefined {
  // On the item's own line only a leading or bracketed word counts: "close the issue" is a task.
  const words = ownLine ? (/(?:^|[([]|\s[-–]\s)\s*\**\s*(done|erledigt|cancell?ed|dropped|obsolete)\b/iu.exec(text)?.[1] ?? '') : text;
  if (CANCELLED.test(words)) return 'cancelled';
  if (DONE.test(words)) return 'done';
  if (!ownLine && OPEN.test(words)) return 'open';
  return undefined;
}

/** The text of the list item a line stands under, if it stands under one. */
function parentText(model: CheckedModel, line: number, indent: number): string | undefined {
  for (let above = line - 1; above >= 0; above--) {
    const text = model.lines.lineText(above);
    if (!text.trim() || /^\s*#/u.test(text)) return undefined;
    const listed = LIST_ITEM.exec(text);
    if (listed && listed[1].length < indent) return listed[2].replace(/[_*]+/gu, '').trim() || undefined;
  }
  return undefined;
}

export function sectionOf(sections: Section[], line: number): Section | undefined {
  let found: Section | undefined;
  for (const s of sections) if (s.headingRange.start.line <= line && line <= s.range.end.line && (!found || s.depth > found.depth)) found = s;
  return found;
}

/** Words of an item's text, for telling whether two meetings name the same item. */
export function itemWords(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .replace(/\[[^\]]*\]\([^)]*\)/gu, (m) => m.replace(/\([^)]*\)$/u, ''))
      .split(/[^\p{L}\p{N}#]+/u)
      .filter((w) => w.length > 2 && !STOP_WORDS.has(w)),
  );
}

// Words that say nothing about which item it is.
const STOP_WORDS = new Set(['the', 'and', 'for', 'with', 'from', 'into', 'about', 'will', 'should', 'please', 'und', 'der', 'die', 'das', 'mit', 'für', 'von']);

/** Whether two items are the same one, carried (tolerant of small edits and an added status). */
export function sameItem(a: Pick<ActionItem, 'text' | 'owners'>, b: Pick<ActionItem, 'text' | 'owners'>): boolean {
  if (a.owners.length && b.owners.length && !a.owners.some((o) => b.owners.some((p) => p.toLowerCase() === o.toLowerCase()))) return false;
  const wa = itemWords(a.text);
  const wb = itemWords(b.text);
  if (!wa.size || !wb.size) return a.text.toLowerCase() === b.text.toLowerCase();
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / Math.min(wa.size, wb.size) >= 0.6;
}
