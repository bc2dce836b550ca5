import type { Range } from 'vscode-languageserver-types';
import type { Rule, RuleFinding } from './types';

/**
 * The texts of the snippets' placeholders (snippets/minutes.code-snippets) that stand for a value
 * to write: left in place, they read as a value ("Minutes: link to the team's minutes") but are none.
 * Placeholders with a real default (`SCS Tech Weekly`, `Team IaaS`) are not listed. Those marked
 * `heading` are words of prose elsewhere ("the team name"), so only a heading's are placeholders.
 */
export const SNIPPET_PLACEHOLDERS: ReadonlyArray<{ text: string; headingOnly?: boolean }> = [
  { text: "link to the team's minutes" },
  { text: "link to the SIG's minutes" },
  { text: 'name of the minute taker' },
  { text: '@github-handle' },
  { text: 'Team name', headingOnly: true },
  { text: 'SIG name', headingOnly: true },
  { text: 'YYYY-MM-DD', headingOnly: true },
];

const FENCE = /^\s{0,3}(`{3,}|~{3,})/u;
const HEADING = /^\s{0,3}#{1,6}\s/u;
const PATTERNS = SNIPPET_PLACEHOLDERS.map((p) => ({ ...p, pattern: new RegExp(`(?<![\\w@])${p.text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\w-])`, 'gu') }));

export const snippetPlaceholder: Rule = {
  code: 'snippet-placeholder',
  defaultSeverity: 'warning',
  description: "A snippet's placeholder text was left in place instead of the value it stands for.",
  example: "`Minutes: link to the team's minutes`",
  check({ model }) {
    if (model.kind === 'other') return [];
    // Most documents hold no placeholder at all: their lines need not be read.
    const present = PATTERNS.filter((p) => model.text.includes(p.text));
    if (!present.length) return [];
    const findings: RuleFinding[] = [];
    let fence: string | undefined;
    // Nothing is checked where the document was not read (see MinutesModel.readTo).
    const lines = model.readTo === undefined ? model.lines.lineCount : model.lines.positionAt(model.readTo).line;
    for (let line = 0; line < lines; line++) {
      const text = model.lines.lineText(line);
      const opening = FENCE.exec(text)?.[1];
      if (opening && (!fence || opening.startsWith(fence))) {
        fence = fence ? undefined : opening;
        continue;
      }
      if (fence) continue;
      const heading = HEADING.test(text);
      for (const { text: placeholder, headingOnly, pattern } of present) {
        if (headingOnly && !heading) continue;
        // Backticks before each match, counted once along the line (a long line may hold many matches).
        let ticks = 0;
        let counted = 0;
        for (const match of text.matchAll(pattern)) {
          for (; counted < match.index; counted++) if (text.charCodeAt(counted) === 96) ticks++;
          // Quoted as code (`...`) it is written about, not left over.
          if (ticks % 2 === 1) continue;
          const range: Range = { start: { line, character: match.index }, end: { line, character: match.index + placeholder.length } };
          findings.push({
            message: `"${placeholder}" is a snippet's placeholder, left in place; write what it stands for.`,
            range,
            // Offered, never applied unasked: the value to write is the user's to know.
            fixes: headingOnly ? undefined : [{ title: `Remove the placeholder "${placeholder}"`, edits: [{ range, newText: '' }] }],
          });
        }
      }
    }
    return findings;
  },
};
