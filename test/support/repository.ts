// The one temp-repository helper: a minutes repository on disk, in a fresh temporary folder.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Relative path (`/`-separated) -> content. */
export type RepositoryFiles = Record<string, string | Uint8Array>;

export interface RepositoryOptions {
  /** Prefix of the temporary folder's name. */
  prefix?: string;
  /** The repository's folder name inside the temporary folder; without it, the temporary folder is the repository. */
  folder?: string;
}

export class TempRepository {
  /** The temporary folder; `dispose()` removes it. The repository itself, unless `folder` was given. */
  readonly scratch: string;
  /** The repository's root folder. */
  readonly root: string;

  constructor(files: RepositoryFiles = {}, { prefix = 'minutes-test-', folder }: RepositoryOptions = {}) {
    this.scratch = mkdtempSync(join(tmpdir(), prefix));
    this.root = folder ? join(this.scratch, folder) : this.scratch;
    mkdirSync(this.root, { recursive: true });
    this.write(files);
  }

  /** The root's `file:` URI, as Node writes it. */
  get rootUri(): string {
    return pathToFileURL(this.root).toString();
  }

  /** The absolute path of a file of the repository. */
  path(relative: string): string {
    return join(this.root, relative);
  }

  /** The `file:` URI of a file of the repository. */
  uriOf(relative: string): string {
    return pathToFileURL(this.path(relative)).toString();
  }

  /** Writes files (creating their folders), replacing any that exist. */
  write(files: RepositoryFiles): void {
    for (const [relative, content] of Object.entries(files)) {
      mkdirSync(dirname(this.path(relative)), { recursive: true });
      writeFileSync(this.path(relative), content);
    }
  }

  /** Removes a file or folder of the repository. */
  remove(relative: string): void {
    rmSync(this.path(relative), { recursive: true, force: true });
  }

  dispose(): void {
    rmSync(this.scratch, { recursive: true, force: true });
  }
}
