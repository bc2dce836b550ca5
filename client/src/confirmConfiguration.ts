import * as vscode from 'vscode';
import type { ConfigChange } from '../../server/src/protocol';

type Row = vscode.QuickPickItem & { go?: boolean };

/**
 * Shows what an inferred `.minutes.json` changes against the defaults (what it turns off first) and
 * asks before writing it: a quick pick, so that Escape is the safe answer and the list can be read.
 */
export async function confirmConfiguration(name: string, replaces: boolean, changes: ConfigChange[]): Promise<boolean> {
  const weakens = changes.filter((c) => c.weakens).length;
  const counted = `${changes.length} setting${changes.length === 1 ? '' : 's'} differ${changes.length === 1 ? 's' : ''} from the defaults${weakens ? `, ${weakens} of them check${weakens === 1 ? 's' : ''} less` : ''}`;
  const rows: Row[] = [
    { label: replaces ? `$(replace-all) Replace ${name}` : `$(new-file) Write ${name}`, detail: counted, go: true },
    { label: '$(close) Cancel', go: false },
    { label: 'Differs from the defaults', kind: vscode.QuickPickItemKind.Separator },
    ...changes.map((c): Row => ({
      label: `${c.weakens ? '$(warning) ' : ''}${c.key}`,
      description: `${c.from} → ${c.to}`,
      detail: c.weakens ? 'fewer checks than by default' : undefined,
    })),
  ];
  const picked = await vscode.window.showQuickPick(rows, {
    title: `${replaces ? 'Replace' : 'Write'} ${name}? ${counted}`,
    placeHolder: 'Read the changes below; Escape writes nothing',
    ignoreFocusOut: true,
  });
  // A change's row is information, not an answer: only the first row writes.
  return picked?.go === true;
}
