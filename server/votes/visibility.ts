import { emptyTally, type Tally } from '../shared/claim-doc';
import { tally } from './agreement';
import type { VoteRow } from './repository';

/** The votes of a round that count: cast before its reveal. Revisions and votes after reveal never do. */
export const blindVotes = (all: readonly VoteRow[], round: number): VoteRow[] => all.filter((v) => v.round === round && !v.afterReveal);

/** The blind tally of a claim's round (its consensus, agreement and α rest on these votes only). */
export const blindTally = (all: readonly VoteRow[], round: number): Tally => tally(blindVotes(all, round).map((v) => v.verdict));

export interface VisibleVotes {
  /** The current round's votes this person may see (blind, after-reveal, with any revision). */
  votes: VoteRow[];
  tally: Tally;
  /** Votes of earlier rounds, each with the wording it was cast on. */
  earlier: VoteRow[];
}

/**
 * What a person may see of a claim's votes. Blind until the current round is revealed: only their
 * own vote and the count of blind votes; after reveal, every vote of the round and its blind tally.
 * Earlier rounds' votes (cast on earlier wording) follow the same rule, so they cannot anchor a
 * fact-checker voting blind on the new words: one's own only, until the current round is revealed.
 */
export function visibleVotes(all: VoteRow[], claim: { revealed: boolean; round: number }, viewerId: string | null): VisibleVotes {
  const current = all.filter((v) => v.round === claim.round);
  const earlier = all.filter((v) => v.round < claim.round);
  if (claim.revealed) return { votes: current, tally: blindTally(all, claim.round), earlier };
  const own = (v: VoteRow) => v.user.id === viewerId;
  return { votes: current.filter(own), tally: { ...emptyTally(), count: blindVotes(all, claim.round).length }, earlier: earlier.filter(own) };
}

/** A vote as the API shows it (claims' `votes` and `earlierVotes`, the vote routes' replies). */
export function voteJson(v: VoteRow) {
  return {
    user: v.user,
    verdict: v.verdict,
    confidence: v.confidence,
    note: v.note,
    at: v.at.toISOString(),
    round: v.round,
    wording: v.wording,
    afterReveal: v.afterReveal,
    revised: v.revised ? { verdict: v.revised.verdict, reason: v.revised.reason, at: v.revised.at.toISOString() } : null,
  };
}
