// The one roll-up fixture builder for the tests that run the server or an editor: the repository
// and roll-ups of the rule tests (test/unit/rules/ruleHelpers.ts), plus small helpers to write the
// sections of other roll-ups line by line, `joinLines`-style.
import { BASE, joinLines } from '../unit/rules/ruleHelpers';

export { ALL_TEAMS, BASE, GOOD, joinLines, MEETING_PATH, rangeOf, REPO, rollup, TEAM, TREE, type Files } from '../unit/rules/ruleHelpers';

/** The minutes line that links a file of the repository: `Minutes: <BASE><path>`. */
export function linkTo(path: string): string {
  return `Minutes: ${BASE}${path}`;
}

/** A team's section of a roll-up, as `rollup()` takes it: the heading, its minutes line, then any notes. */
export function team(name: string, minutesLine: string, ...notes: string[]): string[] {
  return [`### ${name}`, '', minutesLine, ...(notes.length ? ['', ...notes] : [])];
}

/** A team's own minutes file: its title, then its lines. */
export function teamMinutes(title: string, ...lines: string[]): string {
  return joinLines(`# ${title}`, ...(lines.length ? ['', ...lines] : []), '');
}

/** The 0-based number of the first line of `text` that contains `needle`; fails when none does. */
export function lineOf(text: string, needle: string, from = 0): number {
  const line = text.split('\n').findIndex((l, i) => i >= from && l.includes(needle));
  if (line < 0) throw new Error(`no line contains ${JSON.stringify(needle)}`);
  return line;
}
