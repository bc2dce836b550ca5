import type { IndexedFile } from '../workspace/minutesIndex';
import type { MinutesWorkspace } from '../workspace/workspace';

/**
 * The repository's file names looked up by what a broken link's check asks: by path in any case,
 * by file name, by folder, and its dated files by series and by folder. Made once per version of
 * the workspace: a document with thousands of broken links (a generated roll-up) asked the whole
 * index for each, which held the server for most of a second.
 */
export interface RepositoryNames {
  byLowerCase: Map<string, string[]>;
  byFileName: Map<string, string[]>;
  /** Every folder that holds a file, at any depth, with a trailing `/`. */
  folders: Set<string>;
  /** Dated files, in the index's order (`order`), by series and by the folder they lie in (with a trailing `/`). */
  bySeries: Map<string, IndexedFile[]>;
  byFolder: Map<string, IndexedFile[]>;
  order: Map<IndexedFile, number>;
}

const made = new WeakMap<MinutesWorkspace, { generation: number; names: RepositoryNames }>();

export function repositoryNames(workspace: MinutesWorkspace): RepositoryNames {
  const known = made.get(workspace);
  if (known?.generation === workspace.generation) return known.names;
  const names: RepositoryNames = { byLowerCase: new Map(), byFileName: new Map(), folders: new Set(), bySeries: new Map(), byFolder: new Map(), order: new Map() };
  for (const path of workspace.index.allPaths()) {
    push(names.byLowerCase, path.toLowerCase(), path);
    push(names.byFileName, path.slice(path.lastIndexOf('/') + 1), path);
    for (let slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) names.folders.add(path.slice(0, slash + 1));
  }
  for (const folder of workspace.index.datedFolders()) {
    for (const file of workspace.index.filesIn(folder)) {
      names.order.set(file, names.order.size);
      push(names.bySeries, file.folder, file);
      push(names.byFolder, file.path.slice(0, file.path.lastIndexOf('/') + 1), file);
    }
  }
  made.set(workspace, { generation: workspace.generation, names });
  return names;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
