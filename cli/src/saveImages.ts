import { lstatSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { UploadTarget } from '../../server/src/core';
import type { RepositoryBoundary } from '../../server/src/node/boundary';
import { createFile, reason } from '../../server/src/node/safeWrite';
import { fetchImage, type FetchedImage } from './fetchImage';

export interface SavedImages {
  /** The uploads now in the repository, by URL, with the link that replaces the URL. */
  links: Map<string, string>;
  /** One line per upload: saved, already there, or why not (its link then stays). */
  lines: string[];
  saved: number;
  failed: number;
}

/**
 * Brings pad-hosted uploads into the repository: each fetched once per run, written where its
 * target says and never over another file (one with the same bytes is simply linked).
 */
export class ImageSaver {
  private readonly fetched = new Map<string, Promise<FetchedImage>>();

  constructor(
    private readonly root: string,
    private readonly boundary: RepositoryBoundary,
    private readonly dryRun: boolean,
  ) {}

  async save(targets: readonly UploadTarget[]): Promise<SavedImages> {
    const result: SavedImages = { links: new Map(), lines: [], saved: 0, failed: 0 };
    for (const target of targets) {
      if (this.dryRun) {
        result.lines.push(`  would download  ${target.url} -> ${target.path}`);
        continue;
      }
      const problem = await this.write(target);
      if (problem === undefined || problem === 'there') {
        result.links.set(target.url, target.link);
        result.lines.push(problem ? `  image already there  ${target.path}` : `  image saved  ${target.path}`);
        if (!problem) result.saved++;
      } else {
        result.failed++;
        result.lines.push(`  image not saved  ${target.url}: ${problem}; its link is left as it was`);
      }
    }
    return result;
  }

  /** Undefined when written, `there` when the same bytes already are, else why not. */
  private async write(target: UploadTarget): Promise<string | undefined> {
    let image = this.fetched.get(target.url);
    if (!image) this.fetched.set(target.url, (image = fetchImage(target.url)));
    const answer = await image;
    if ('error' in answer) return answer.error;
    const path = join(this.root, ...target.path.split('/'));
    const folderProblem = this.makeFolder(dirname(path));
    if (folderProblem) return folderProblem;
    const existing = existingBytes(path);
    if (existing !== undefined) return existing?.equals(answer.bytes) ? 'there' : `${target.path} exists with other content (not overwritten)`;
    const problem = createFile(path, answer.bytes, this.boundary);
    return problem && `${target.path} not written: ${problem}`;
  }

  /** Creates the folders down to `folder`, each only where its parent really lies inside the repository. */
  private makeFolder(folder: string): string | undefined {
    if (!this.boundary.lexicallyContains(folder)) return `${folder} is outside the repository`;
    let current = this.root;
    for (const part of relative(this.root, folder).split(sep).filter(Boolean)) {
      current = join(current, part);
      try {
        lstatSync(current);
      } catch {
        if (!this.boundary.contains(dirname(current))) return `${relative(this.root, current)}: its folder is outside the repository`;
        try {
          mkdirSync(current);
        } catch (error) {
          return `${relative(this.root, current)} cannot be created (${reason(error)})`;
        }
      }
    }
    return this.boundary.contains(folder) ? undefined : `${relative(this.root, folder)} lies outside the repository (a link)`;
  }
}

/** The bytes of the file at `path`; null for something else there (a folder, a link), undefined for nothing. */
function existingBytes(path: string): Buffer | null | undefined {
  try {
    return lstatSync(path).isFile() ? readFileSync(path) : null;
  } catch {
    return undefined;
  }
}
