import * as vscode from 'vscode';
import type { ConfigChange } from '../../server/src/protocol';

type Row = vscode.QuickPickItem & { answer?: 'write' | 'show' | 'cancel' };

/** Read-only documents of proposed configurations, shown before they are written. */
export const PROPOSAL_SCHEME = 'minutes-proposal';
const proposals = new Map<string, string>();
let shown = 0;

export function proposalContentProvider(): vscode.Disposable {
  return vscode.workspace.registerTextDocumentContentProvider(PROPOSAL_SCHEME, { provideTextDocumentContent: (uri) => proposals.get(uri.toString()) });
}

/**
 * Shows what an inferred `.minutes.json` changes against the defaults (what it turns off first) and
 * asks before writing it: a quick pick, so that Escape is the safe answer and the list can be read.
 * Its first answer shows the whole file, read-only beside the editor (against the file it replaces),
 * then asks again with writing first.
 */
export async function confirmConfiguration(target: vscode.Uri, replaces: boolean, changes: ConfigChange[], text: string): Promise<boolean> {
  const name = vscode.workspace.asRelativePath(target);
  const weakens = changes.filter((c) => c.weakens).length;
  const counted = `${changes.length} setting${changes.length === 1 ? '' : 's'} differ${changes.length === 1 ? 's' : ''} from the defaults${weakens ? `, ${weakens} of them check${weakens === 1 ? 's' : ''} less` : ''}`;
  const write: Row = { label: replaces ? `$(replace-all) Replace ${name}` : `$(new-file) Write ${name}`, detail: counted, answer: 'write' };
  const show: Row = { label: `$(eye) Show the file first`, detail: replaces ? `the proposal beside the ${name} it replaces, read-only` : 'read-only, beside the editor', answer: 'show' };
  const rows: Row[] = [
    write,
    show,
    { label: '$(close) Cancel', answer: 'cancel' },
    { label: 'Differs from the defaults', kind: vscode.QuickPickItemKind.Separator },
    ...changes.map((c): Row => ({
      label: `${c.weakens ? '$(warning) ' : ''}${c.key}`,
      description: `${c.from} → ${c.to}`,
      detail: c.weakens ? 'fewer checks than by default' : undefined,
    })),
  ];
  for (let seen = false; ; seen = true) {
    const picked = await pick(rows, seen ? write : show, `${replaces ? 'Replace' : 'Write'} ${name}? ${counted}`);
    // A change's row is information, not an answer: only the first row writes.
    if (picked?.answer !== 'show') {
      if (seen) await closeProposals();
      return picked?.answer === 'write';
    }
    await showProposal(target, replaces, text);
  }
}

/** The proposal was read and answered: its tab goes (the written file opens in its place). */
async function closeProposals(): Promise<void> {
  const isProposal = (input: unknown) =>
    (input instanceof vscode.TabInputText && input.uri.scheme === PROPOSAL_SCHEME) || (input instanceof vscode.TabInputTextDiff && input.modified.scheme === PROPOSAL_SCHEME);
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => isProposal(tab.input));
  if (tabs.length) await vscode.window.tabGroups.close(tabs);
  proposals.clear();
}

async function pick(rows: Row[], active: Row, title: string): Promise<Row | undefined> {
  const quickPick = vscode.window.createQuickPick<Row>();
  quickPick.items = rows;
  quickPick.activeItems = [active];
  quickPick.title = title;
  quickPick.placeholder = 'Read the changes below; Escape writes nothing';
  quickPick.ignoreFocusOut = true;
  const picked = await new Promise<Row | undefined>((resolve) => {
    quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0] ?? quickPick.activeItems[0]));
    quickPick.onDidHide(() => resolve(undefined));
    quickPick.show();
  });
  quickPick.dispose();
  return picked;
}

async function showProposal(target: vscode.Uri, replaces: boolean, text: string): Promise<void> {
  // A new address each time: the editor keeps a read-only document's first text per address.
  const proposal = vscode.Uri.from({ scheme: PROPOSAL_SCHEME, path: target.path, query: String(++shown) });
  proposals.set(proposal.toString(), text);
  const options: vscode.TextDocumentShowOptions = { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true, preview: true };
  if (replaces) await vscode.commands.executeCommand('vscode.diff', target, proposal, `${vscode.workspace.asRelativePath(target)}: now ↔ proposed`, options);
  else await vscode.window.showTextDocument(proposal, options);
}
