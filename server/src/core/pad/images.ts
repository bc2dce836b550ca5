/** Where a pad-hosted upload goes in the repository, and the relative link that replaces its URL. */
import { remoteUploads, withLinks } from './uploads';

export interface UploadTarget {
  /** The upload's URL, as the text has it. */
  url: string;
  /** Where it is saved, relative to the repository root. */
  path: string;
  /** The link from the file that shows it to `path`. */
  link: string;
}

/**
 * Each upload `text` (the file at `filePath`, relative to the repository root) links, saved under
 * its own name next to that file, or in `assetsFolder` (relative to the root) when one is set.
 * The same text and folder give the same targets: that is what makes a second run a no-op.
 */
export function uploadTargets(text: string, filePath: string, assetsFolder = ''): UploadTarget[] {
  const fileFolder = filePath.split('/').slice(0, -1).join('/');
  const folder = cleanFolder(assetsFolder) ?? fileFolder;
  const taken = new Set<string>();
  return remoteUploads(text).map((url) => {
    const name = uniqueName(fileName(url), taken);
    const path = folder ? `${folder}/${name}` : name;
    return { url, path, link: relativeLink(fileFolder, path) };
  });
}

/** `text` as it reads once all its uploads are saved: the form a second run compares with. */
export function localUploads(text: string, filePath: string, assetsFolder = ''): string {
  return withLinks(text, new Map(uploadTargets(text, filePath, assetsFolder).map((t) => [t.url, t.link])));
}

/** The upload's own name, made safe for any file system and for a Markdown link. */
function fileName(url: string): string {
  const last = url.replace(/[?#].*$/u, '').split('/').pop() ?? '';
  let name: string;
  try {
    name = decodeURIComponent(last);
  } catch {
    name = last;
  }
  const safe = name.replace(/[^\w.-]+/gu, '-').replace(/^[.-]+/u, '').slice(-100);
  return safe || 'image';
}

/** Two uploads of one text with the same name (from two hosts) get two files. */
function uniqueName(name: string, taken: Set<string>): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${stem}-${n}${extension}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** `./assets/` -> `assets`; undefined for none (`''`, `.`). */
function cleanFolder(folder: string): string | undefined {
  const parts = folder.split(/[\\/]+/u).filter((part) => part && part !== '.');
  return parts.length ? parts.join('/') : undefined;
}

/** The link from a file in `fromFolder` to `path` (both relative to the root, `/`-separated). */
function relativeLink(fromFolder: string, path: string): string {
  const from = fromFolder ? fromFolder.split('/') : [];
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}
