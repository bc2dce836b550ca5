import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { MinutesLine, MinutesModel, Section, TeamEntry, TeamKind } from '../model/types';

const TEAM_SYMBOL: Record<TeamKind, SymbolKind> = {
  team: SymbolKind.Class,
  sig: SymbolKind.Interface,
  other: SymbolKind.Namespace,
};

/**
 * The outline of a minutes document: the heading tree, where the teams and SIGs of the updates
 * group carry their kind and the minutes they link to.
 */
export function documentSymbols(model: MinutesModel): DocumentSymbol[] {
  if (model.kind === 'other') return [];
  const entries = new Map<Section, TeamEntry>((model.updates?.entries ?? []).map((e) => [e.section, e]));
  const toSymbol = (section: Section): DocumentSymbol => {
    const entry = entries.get(section);
    return {
      name: section.title || '(untitled)',
      detail: entry ? minutesDetail(entry.minutesLine) : section.role === 'meta' && model.meta?.minuteTaker ? `minutes: ${model.meta.minuteTaker.name}` : undefined,
      kind: entry ? TEAM_SYMBOL[entry.kind] : section.depth === 1 ? SymbolKind.File : SymbolKind.String,
      range: section.range,
      selectionRange: section.headingRange,
      children: section.children.map(toSymbol),
    };
  };
  return model.sections.map(toSymbol);
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
