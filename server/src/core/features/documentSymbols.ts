import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { actionItemsOf } from '../model/actionItems';
import type { CheckedModel, MinutesLine, MinutesModel, Section, TeamEntry, TeamKind } from '../model/types';

const TEAM_SYMBOL: Record<TeamKind, SymbolKind> = {
  team: SymbolKind.Class,
  sig: SymbolKind.Interface,
  other: SymbolKind.Namespace,
};

/**
 * The outline of a minutes document: the heading tree, where the teams and SIGs of the updates
 * group carry their kind and the minutes they link to.
 */
export function documentSymbols(model: CheckedModel): DocumentSymbol[] {
  if (model.kind === 'other') return [];
  const entries = new Map<Section, TeamEntry>((model.updates?.entries ?? []).map((e) => [e.section, e]));
  const group = model.updates?.section;
  const inGroup = new Set<Section>();
  const mark = (s: Section) => (inGroup.add(s), s.children.forEach(mark));
  if (group) mark(group);
  // Teams are siblings under the team group, whatever level their headings are at: a `###` team
  // after a `##` one is not part of it, and a `##` team after the group still belongs to it.
  const teams = new Set<DocumentSymbol>();
  const moved: DocumentSymbol[] = [];
  let groupSymbol: DocumentSymbol | undefined;
  const titleLine = model.title?.range.start.line;
  const collect = (section: Section, withinMoved = false): DocumentSymbol[] => {
    const entry = entries.get(section);
    const moving = !!group && !!entry && !inGroup.has(section) && !withinMoved;
    const children: DocumentSymbol[] = [];
    const lifted: DocumentSymbol[] = [];
    for (const child of section.children) {
      for (const symbol of collect(child, moving || withinMoved)) (entry && teams.has(symbol) ? lifted : children).push(symbol);
    }
    const symbol: DocumentSymbol = {
      name: section.title || '(untitled)',
      detail: entry ? minutesDetail(entry.minutesLine) : section.role === 'meta' && model.meta?.minuteTaker ? `minutes: ${model.meta.minuteTaker.name}` : undefined,
      // The title is the meeting, at whatever level the series writes it (`## 2026-06-04` in pads).
      kind: entry ? TEAM_SYMBOL[entry.kind] : section.depth === 1 || section.headingRange.start.line === titleLine ? SymbolKind.File : SymbolKind.String,
      // A team ends where a team lifted out of it starts.
      range: lifted.length ? { start: section.range.start, end: { line: lifted[0].range.start.line, character: 0 } } : section.range,
      selectionRange: section.headingRange,
      children,
    };
    if (section === group) groupSymbol = symbol;
    if (entry) teams.add(symbol);
    const all = [symbol, ...lifted];
    if (moving) {
      moved.push(...all);
      return [];
    }
    return all;
  };
  const symbols = model.sections.flatMap((s) => collect(s));
  // A partial model (headings alone, read in a hurry) has no items to list.
  if (model.kind === 'meeting' && !model.partial) addActionItems(model, symbols);
  if (groupSymbol && moved.length) {
    groupSymbol.children!.push(...moved);
    const last = moved.reduce((a, b) => (b.range.end.line > a.range.end.line ? b : a));
    groupSymbol.range = { start: groupSymbol.range.start, end: last.range.end };
  }
  return symbols;
}

/** Team minutes list their action items under the topic they stand in (the innermost heading). */
function addActionItems(model: MinutesModel, symbols: DocumentSymbol[]): void {
  const innermost = (list: DocumentSymbol[], line: number): DocumentSymbol | undefined => {
    const hit = list.find((s) => s.range.start.line <= line && line <= s.range.end.line);
    return hit && (innermost(hit.children ?? [], line) ?? hit);
  };
  for (const item of actionItemsOf(model)) {
    const topic = innermost(symbols, item.line);
    if (!topic) continue;
    const owners = item.owners.map((o) => `@${o}`).join(', ');
    topic.children = [...(topic.children ?? []), { name: item.text, detail: [owners, item.status].filter(Boolean).join(' · '), kind: SymbolKind.Event, range: item.range, selectionRange: item.range }];
  }
}

/** What the outline shows beside a team: `iaas/20220927.md`, `pending`, ... */
export function minutesDetail(line: MinutesLine | undefined): string {
  if (!line) return 'no minutes line';
  switch (line.state) {
    case 'linked':
      return line.target!.path;
    case 'pending':
      return line.target ? `pending (${line.target.path})` : 'pending';
    case 'folder':
      return `folder ${line.target!.path}`;
    case 'pull-request':
      return 'pull request';
    case 'external':
      return line.url ?? 'external link';
    case 'cancelled':
      return 'cancelled';
  }
}
