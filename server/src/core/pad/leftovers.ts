/**
 * A pad template's leftovers: one-line HTML comments (`<!-- GitHub handles preferred -->`) that the
 * series' files never keep. Each goes, with its line where it stood alone; a comment some file of
 * the series has stays, as written.
 */
export function withoutLeftovers(text: string, seriesTexts: readonly string[]): string {
  const kept = (comment: string) => seriesTexts.some((t) => t.includes(comment));
  return text
    .split('\n')
    .flatMap((line) => {
      const stripped = line.replace(ONE_LINE_COMMENT, (comment) => (kept(comment) ? comment : ''));
      if (stripped === line) return [line];
      // A line that was nothing but leftovers goes; text around a comment stays, without the spaces it leaves.
      return stripped.trim() === '' ? [] : [stripped.replace(/[ \t]+$/u, '').replace(/ {2,}/gu, ' ')];
    })
    .join('\n');
}

const ONE_LINE_COMMENT = /[ \t]*<!--(?:(?!-->).)*-->/gu;
