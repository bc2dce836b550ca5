/** A heading as compared: case, trailing colons and runs of white space do not count. */
export function normalizeHeading(text: string): string {
  return text.replace(/[:\s]+$/u, '').replace(/\s+/gu, ' ').trim().toLowerCase();
}
