import { lstatSync, realpathSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

const OUTSIDE_FOLDER = 'its folder is outside the repository (or does not exist)';
const LINK_OUT = 'it is a symbolic link that leads outside the repository (or nowhere)';

/**
 * The repository as the one place files are read from and written to: a path counts as inside
 * when its real location (every link resolved) is the root or below it. A link to `/etc/passwd`
 * or to another repository is outside, whatever its own name says.
 */
export class RepositoryBoundary {
  readonly root: string;
  readonly realRoot: string;

  constructor(root: string) {
    this.root = resolve(root);
    this.realRoot = realOrSelf(this.root);
  }

  /** Whether an existing file or folder really lies inside; false for one that cannot be resolved. */
  contains(path: string): boolean {
    try {
      return this.holds(realpathSync.native(path));
    } catch {
      return false;
    }
  }

  async containsAsync(path: string): Promise<boolean> {
    try {
      return this.holds(await realpath(path));
    } catch {
      return false;
    }
  }

  /**
   * Why a file may not be created or replaced at `path`, or undefined: its folder must really lie
   * inside, and a link in its place must lead inside (a write follows it, even a dangling one).
   */
  writeProblem(path: string): string | undefined {
    const absolute = resolve(path);
    if (!this.contains(dirname(absolute))) return OUTSIDE_FOLDER;
    try {
      if (lstatSync(absolute).isSymbolicLink() && !this.contains(absolute)) return LINK_OUT;
    } catch {
      // Not there yet: the folder decides.
    }
    return undefined;
  }

  /** Whether a path written below the root (before links are resolved) is lexically inside it. */
  lexicallyContains(path: string): boolean {
    const absolute = resolve(path);
    return absolute === this.root || absolute.startsWith(this.root.endsWith(sep) ? this.root : this.root + sep);
  }

  private holds(real: string): boolean {
    return real === this.realRoot || real.startsWith(this.realRoot.endsWith(sep) ? this.realRoot : this.realRoot + sep);
  }
}

function realOrSelf(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}
