/**
 * A file uploaded to a HedgeDoc or CodiMD pad (`https://pad.example/uploads/upload_ab12.png`) or to
 * HackMD (`https://hackmd.io/_uploads/Sy3x.png`): `uploads` right under the host, one name after
 * it. A site's own uploads deeper down (`/wp-content/uploads/...`) are no pad's.
 */
const UPLOAD_URL = /https?:\/\/[^\s/()<>"'`[\]]+\/_?uploads\/[^\s/()<>"'`[\]]+/giu;

/** Punctuation after a URL in running text, not part of it. */
const TRAILING = /[.,;:!?]+$/u;

/**
 * The pad-hosted uploads a text links (each once, in order): they stay on the pad's server,
 * which may clean them out, until they are brought into the repository.
 */
export function remoteUploads(text: string): string[] {
  return [...new Set([...text.matchAll(UPLOAD_URL)].map((m) => m[0].replace(TRAILING, '')))];
}

/** One place `text` links an upload: the URL and its offsets (`end` exclusive, punctuation after it not included). */
export interface UploadOccurrence {
  url: string;
  start: number;
  end: number;
}

/** Every place `text` links a pad-hosted upload, in order: what an editor replaces to link a saved one. */
export function uploadOccurrences(text: string): UploadOccurrence[] {
  return [...text.matchAll(UPLOAD_URL)].map((m) => {
    const url = m[0].replace(TRAILING, '');
    return { url, start: m.index, end: m.index + url.length };
  });
}

/** `text` with each upload that `links` maps replaced by its link; every other byte as it was. */
export function withLinks(text: string, links: ReadonlyMap<string, string>): string {
  let result = '';
  let at = 0;
  for (const { url, start, end } of uploadOccurrences(text)) {
    const link = links.get(url);
    if (link === undefined) continue;
    result += text.slice(at, start) + link;
    at = end;
  }
  return result + text.slice(at);
}
