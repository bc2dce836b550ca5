// Messages beyond standard LSP, shared by the client and the server so neither keeps its own copy.
import type { Range } from 'vscode-languageserver-types';

export type TeamRowState = 'linked' | 'pending' | 'missing' | 'problem';

export interface TeamRow {
  name: string;
  kind: 'team' | 'sig' | 'other';
  state: TeamRowState;
  /** The linked file (`iaas/20220927.md`), the pending state, or the problem. */
  description: string;
  tooltip: string;
  headingRange: Range;
}

export interface TeamsParams {
  uri: string;
}

/** `minutes/teams`: the teams and SIGs of a weekly roll-up, for the "Teams & SIGs" view; null if not minutes. */
export const TEAMS_REQUEST = 'minutes/teams';
