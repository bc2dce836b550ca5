import type { Range } from 'vscode-languageserver-types';
import { actionItemsOf, HANDLE, itemWords, PENDING_SECTIONS, sectionOf, statusIn, type ActionItem, type ActionStatus } from './actionItems';
import { flatten } from './parse';
import type { CheckedModel } from './types';

/** Where a later meeting carries an item without writing it as an action item again. */
export interface Mention {
  line: number;
  range: Range;
  status: ActionStatus;
}

// Words too common to tell one item from another (besides itemWords' stop words).
const COMMON_WORDS = new Set(['this', 'that', 'these', 'those', 'are', 'was', 'were', 'has', 'have', 'had', 'not', 'yet', 'can', 'all', 'also', 'now', 'but', 'our', 'new', 'one', 'who', 'what', 'next', 'week', 'weeks', 'later', 'today', 'update', 'updates', 'item', 'items', 'ist', 'ein', 'eine', 'noch', 'nicht']);
// Headings under which anything may stand: their name says nothing about an item's topic.
const GENERIC_TOPICS = /^(?:agenda|topics?|notes?|minutes|participants?|attendees|updates?|misc(?:ellaneous)?|aob|any other business|discussion|tagesordnung|themen)$|\b(?:ais?|action\s*items?|todos?)\b/iu;
// Words that say how an item stands, in a line under its topic: `Not yet - expected later this week`.
const STATUS_LINE = /\b(not\s+yet|noch\s+nicht|expected|postponed|delayed|waiting|blocked|in\s+review|next\s+week|later\s+this\s+week)\b/iu;

/** A line that may speak of an earlier item: its telling words, handles and the topic it stands under. */
interface LineFacts {
  line: number;
  text: string;
  words: Set<string>;
  handles: Set<string>;
  topic?: string;
}

/** A meeting's lines by word, handle and topic, built once per model: items × lines would not scale. */
interface MentionIndex {
  byKey: Map<string, LineFacts[]>;
}

const indexes = new WeakMap<CheckedModel, MentionIndex>();

/** The words of a text that tell which item it is (not its owners: a participants list names them too). */
function telling(text: string): Set<string> {
  return new Set([...itemWords(text.replace(HANDLE, ' '))].filter((w) => !COMMON_WORDS.has(w)));
}

/** A heading's words in a fixed order, so that `Project Board` and `Project board:` are one topic. */
function topicKey(title: string): string | undefined {
  const key = [...itemWords(title)].sort().join(' ');
  return key || undefined;
}

function indexOf(model: CheckedModel): MentionIndex {
  const cached = indexes.get(model);
  if (cached) return cached;
  const sections = flatten(model.sections);
  // An action item's own line and sub-bullets say how *that* item stands, not another one.
  const ownItems = new Set(actionItemsOf(model).map((i) => i.line));
  const index: MentionIndex = { byKey: new Map() };
  const add = (key: string, facts: LineFacts) => {
    const found = index.byKey.get(key);
    if (found) found.push(facts);
    else index.byKey.set(key, [facts]);
  };
  let itemIndent: number | undefined;
  let fence = false;
  for (let line = 0; line < model.lines.lineCount; line++) {
    const text = model.lines.lineText(line);
    if (/^\s*(`{3,}|~{3,})/u.test(text)) fence = !fence;
    const indent = text.length - text.trimStart().length;
    if (ownItems.has(line)) itemIndent = indent;
    else if (itemIndent !== undefined && (!text.trim() || indent <= itemIndent)) itemIndent = undefined;
    if (fence || itemIndent !== undefined || !text.trim() || /^\s*#/u.test(text)) continue;
    const title = sectionOf(sections, line)?.title;
    const facts: LineFacts = { line, text, words: telling(text), handles: new Set([...text.matchAll(HANDLE)].map((m) => m[1].toLowerCase())), topic: title && topicKey(title) };
    for (const w of facts.words) add(`w:${w}`, facts);
    for (const h of facts.handles) add(`@${h}`, facts);
    if (facts.topic) add(`t:${facts.topic}`, facts);
  }
  indexes.set(model, index);
  return index;
}

/**
 * Where a later meeting carries an open item in other words: a line naming one of its owners and
 * a word of its text, or standing under its topic ("@fkr presented the ADR draft"), or a line
 * under a heading of the same topic that names a word of it or says how it stands ("Updates? Not
 * yet - ADR expected later this week" under "Project Board"). Undefined when it says nothing of it.
 */
export function mentionOf(model: CheckedModel, item: ActionItem): Mention | undefined {
  if (model.kind === 'other') return undefined;
  const index = indexOf(model);
  const words = telling(item.text);
  const specific = item.topic && !GENERIC_TOPICS.test(item.topic.trim()) && !PENDING_SECTIONS.test(item.topic) ? topicKey(item.topic) : undefined;
  const owners = item.owners.map((o) => o.toLowerCase());
  const keys = [...[...words].map((w) => `w:${w}`), ...owners.map((o) => `@${o}`), ...(specific ? [`t:${specific}`] : [])];
  const candidates = [...new Set(keys.flatMap((k) => index.byKey.get(k) ?? []))].sort((a, b) => a.line - b.line);
  for (const facts of candidates) {
    const shares = [...words].some((w) => facts.words.has(w));
    const underTopic = specific !== undefined && facts.topic === specific;
    const byOwner = owners.some((o) => facts.handles.has(o)) && (shares || underTopic);
    const byTopic = underTopic && (shares || STATUS_LINE.test(facts.text) || statusIn(facts.text) !== undefined);
    if (byOwner || byTopic) {
      const { line, text } = facts;
      const start = text.length - text.trimStart().length;
      return { line, range: { start: { line, character: start }, end: { line, character: text.trimEnd().length } }, status: statusIn(text) ?? 'open' };
    }
  }
  return undefined;
}
