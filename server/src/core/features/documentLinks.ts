import type { DocumentLink } from 'vscode-languageserver-types';
import type { MinutesModel } from '../model/types';
import type { MinutesWorkspace } from '../workspace/workspace';

/** Minutes links open the local file where the workspace has it (no browser round trip), else the URL. */
export function documentLinks(model: MinutesModel, workspace: MinutesWorkspace | undefined): DocumentLink[] {
  if (model.kind !== 'weekly') return [];
  return (model.updates?.entries ?? []).flatMap((entry): DocumentLink[] => {
    const line = entry.minutesLine;
    if (!line?.urlRange || !line.url) return [];
    const local = line.target?.fileName && workspace?.index.has(line.target.path) ? workspace.uriOf(line.target.path) : undefined;
    return [{ range: line.urlRange, target: local ?? line.url, tooltip: local ? `Open ${line.target!.path}` : undefined }];
  });
}
