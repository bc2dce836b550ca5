import type { TeamConfig } from '../config/types';
import type { CalendarDate } from '../model/dates';
import { findRosterTeam } from '../model/teams';
import type { TeamKind } from '../model/types';
import { nameTokens, teamSimilarity, tokenSimilarity } from './names';
import type { LearnedFolder } from './rollUpHistory';

/** What finding a team's folder reads: the roster, the folders with minutes, and the roll-ups' links, as of a day. */
export interface FolderEvidence {
  teams: TeamConfig[];
  teamFolders(asOf?: CalendarDate): string[];
  learnedFolders(before?: CalendarDate): LearnedFolder[];
  /** The title of a folder's latest minutes by then, without its date (`IAM Hacking Session`), if it names more than the date. */
  folderTitle?(folder: string, asOf?: CalendarDate): string | undefined;
}

/**
 * The folder of a team's minutes as the repository stood on `asOf` (without it: as it stands): from the
 * roster, else from how the roll-ups before that day linked the team, else from the names of the
 * folders that had minutes by then. Closer names win over more links (after the Ops/IAM split,
 * `Team IAM` is `iam/`, not the `ops-iam/` of `Team Operations and IAM`); among equally close
 * names, more links win, then the more recent; a tie is no answer.
 */
export function findFolder(team: { name: string; kind?: TeamKind }, asOf: CalendarDate | undefined, evidence: FolderEvidence): string | undefined {
  const rostered = findRosterTeam(team.name, evidence.teams);
  if (rostered?.folder) return rostered.folder;
  const existing = new Set(evidence.teamFolders(asOf));
  type Candidate = { folder: string; similarity: number; votes: number; lastDay: number };
  const candidates = new Map<string, Candidate>();
  const consider = (folder: string, similarity: number, votes: number, lastDay: number) => {
    if (similarity <= 0 || !existing.has(folder)) return;
    const known = candidates.get(folder);
    if (!known || similarity > known.similarity) candidates.set(folder, { folder, similarity, votes, lastDay });
    else if (similarity === known.similarity) candidates.set(folder, { ...known, votes: known.votes + votes, lastDay: Math.max(known.lastDay, lastDay) });
  };
  for (const l of evidence.learnedFolders(asOf)) consider(l.folder, teamSimilarity(l, team), l.votes, l.lastDay);
  // A folder's name is weaker evidence: each of its words must be in the team's name (`sig-iam`
  // is `IAM SIG`'s, `ops-iam` is not), and it must not be kind-marked for another kind.
  const tokens = nameTokens(team.name);
  // What a folder's own minutes call the group (`# IAM Hacking Session 2023-01-20`) is as strong as a roll-up's link.
  for (const folder of existing) {
    const title = evidence.folderTitle?.(folder, asOf);
    if (title) consider(folder, teamSimilarity({ name: title }, team), 1, -Infinity);
  }
  for (const folder of existing) {
    if (candidates.has(folder) || !kindsAgree(folderKind(folder), team.kind)) continue;
    const words = folderTokens(folder);
    if (words.every((w) => tokens.some((t) => tokenSimilarity([w], [t]) > 0))) consider(folder, tokenSimilarity(tokens, words), 0, -Infinity);
  }
  const ranked = [...candidates.values()].sort((a, b) => b.similarity - a.similarity || b.votes - a.votes || b.lastDay - a.lastDay);
  const [best, next] = ranked;
  if (!best) return undefined;
  if (next && next.similarity === best.similarity && next.votes === best.votes && next.lastDay === best.lastDay) return undefined;
  return best.folder;
}

/** What a folder's name says it holds: `sig-monitoring` a SIG's minutes, `team-iaas` a team's. */
function folderKind(folder: string): TeamKind | undefined {
  const name = folder.split('/').pop()!;
  if (/(?:^|[-_])sigs?(?:[-_]|$)/iu.test(name)) return 'sig';
  if (/(?:^|[-_])team(?:[-_]|$)/iu.test(name)) return 'team';
  return undefined;
}

function kindsAgree(a: TeamKind | undefined, b: TeamKind | undefined): boolean {
  return !a || !b || a === 'other' || b === 'other' || a === b;
}

/** The words of a folder's name, as a team's name would have them: `sig-monitoring` -> `monitoring`. */
function folderTokens(folder: string): string[] {
  return nameTokens(folder.split('/').pop()!.replace(/[-_]/gu, ' '));
}
