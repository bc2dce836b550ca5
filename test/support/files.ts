// What a run leaves on disk, for tests that assert it left everything as it was.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Every file under `folder` (paths relative to it, with `/`) with its bytes. */
export function folderSnapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files[relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/')] = readFileSync(join(entry.parentPath, entry.name)).toString('base64');
  }
  return files;
}
