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

/** `text` with each upload that `links` maps replaced by its link; every other byte as it was. */
export function withLinks(text: string, links: ReadonlyMap<string, string>): string {
  return text.replace(UPLOAD_URL, (match) => {
    const url = match.replace(TRAILING, '');
    const link = links.get(url);
    return link === undefined ? match : link + match.slice(url.length);
  });
}
