import { emptyTally, type Tally } from '../shared/claim-doc';
import { tally } from './agreement';
import type { VoteRow } from './repository';

/**
 * What a person may see of a claim's votes. Blind until revealed: only their own vote and the
 * count; after reveal, every vote and the full tally.
 */
export function visibleVotes(all: VoteRow[], revealed: boolean, viewerId: string | null): { votes: VoteRow[]; tally: Tally } {
  if (revealed) return { votes: all, tally: tally(all.map((v) => v.verdict)) };
  return { votes: all.filter((v) => v.user.id === viewerId), tally: { ...emptyTally(), count: all.length } };
}
