// An image uploaded to a HedgeDoc, CodiMD or HackMD pad: `https://pad.example/uploads/upload_ab12.png`.
const UPLOAD_URL = /https?:\/\/[^\s/()<>"'`]+(?:\/[^\s/()<>"'`]+)*\/uploads\/[^\s()<>"'`]+/giu;

/**
 * The pad-hosted uploads a meeting links (each once, in order): they stay on the pad's server,
 * which may clean them out, until they are brought into the repository.
 */
export function remoteUploads(text: string): string[] {
  return [...new Set([...text.matchAll(UPLOAD_URL)].map((m) => m[0].replace(/[.,;:!?\]]+$/u, '')))];
}
