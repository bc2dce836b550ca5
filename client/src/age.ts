// An action item's age as the Action Items view says it (no vscode import: unit-tested alone).

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/** "12 days", "1 day", "today"; minutes dated ahead (written before the meeting) raise it "in 3 days", not "-3 days". */
export function age(ageDays: number): string {
  return ageDays < 0 ? `in ${days(-ageDays)}` : ageDays === 0 ? 'today' : days(ageDays);
}

/** The same after "raised 2026-12-10": "12 days ago", "today", "in 3 days". */
export function ago(ageDays: number): string {
  return ageDays <= 0 ? age(ageDays) : `${days(ageDays)} ago`;
}
