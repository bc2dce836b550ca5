import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.vscode-test']);

/** The Markdown files named on the command line, searching folders recursively, in a stable order. */
export function collectMarkdownFiles(paths: string[]): string[] {
  const found: string[] = [];
  const visit = (path: string, explicit: boolean) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      // A dangling link or a file deleted meanwhile: nothing to check there.
      if (!explicit) process.stderr.write(`${path}: skipped, cannot be read\n`);
      return;
    }
    if (stat.isDirectory()) {
      const names = readdirSync(path).sort();
      for (const name of names) {
        if (SKIPPED_FOLDERS.has(name)) continue;
        visit(join(path, name), false);
      }
    } else if (explicit || (stat.isFile() && name(path).toLowerCase().endsWith('.md'))) {
      found.push(path);
    }
  };
  for (const path of paths) visit(path, true);
  return [...new Set(found)];
}

function name(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
