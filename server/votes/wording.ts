import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, claims, type ClaimStatus } from '../../db/schema';
import { isSignedOff } from '../shared/claim-doc';
import { NOT_SIGNED_OFF } from './repository';

export interface WordingChange {
  claimId: string;
  documentId: string;
  /** The claim's quoted text before and after (the anchors' `exact`). */
  from: string;
  to: string;
  /** Why, in words, kept as the status reason and in the history ("text changed in v2"). */
  reason: string;
  /** Who changed the words (null: the server on its own, e.g. re-anchoring a new version). */
  userId: string | null;
}

export interface WordingOutcome {
  /** The voting round now current. */
  round: number;
  /** The status before and after: a signed-off claim goes back to `in_review`. */
  from: ClaimStatus;
  to: ClaimStatus;
}

/**
 * A verdict belongs to the words it was cast on: when a claim's quoted text changes, starts a new
 * voting round (`vote_round + 1`, not revealed), and a signed-off (verified or rejected) claim
 * goes back to `in_review` with `reason` as its status reason and in its history. Earlier rounds'
 * votes stay, each with the wording it was cast on, and no longer count. A passage that only moved
 * (`from === to`) changes nothing. One transaction.
 *
 * Returns the outcome, or null when nothing changed (same words, or no such claim). The caller
 * then mirrors the claim into the live document (`mirrorClaim` in ./mirror), so open readers see
 * the new round and status.
 */
export async function wordingChanged(db: Db, change: WordingChange): Promise<WordingOutcome | null> {
  if (change.from === change.to) return null;
  return db.transaction(async (tx) => {
    // Serialised with votes on the claim (castVote locks the same row), so no vote lands in a
    // round that has just ended.
    const [claim] = await tx
      .select({ status: claims.status, round: claims.voteRound, signedOffAt: claims.signedOffAt })
      .from(claims)
      .where(and(eq(claims.id, change.claimId), isNull(claims.deletedAt)))
      .for('update');
    if (!claim) return null;
    const round = claim.round + 1;
    const backToReview = isSignedOff(claim.status);
    const to: ClaimStatus = backToReview ? 'in_review' : claim.status;
    await tx
      .update(claims)
      .set({
        voteRound: round,
        revealedAt: null,
        updatedAt: sql`now()`,
        ...(backToReview
          ? { status: to, statusReason: change.reason, ...NOT_SIGNED_OFF }
          : {}),
      })
      .where(eq(claims.id, change.claimId));
    await tx.insert(claimEvents).values({
      claimId: change.claimId,
      documentId: change.documentId,
      userId: change.userId,
      action: 'round_started',
      field: 'wording',
      from: { round: claim.round, exact: change.from },
      to: { round, exact: change.to },
      reason: change.reason,
    });
    if (backToReview) {
      await tx.insert(claimEvents).values({
        claimId: change.claimId,
        documentId: change.documentId,
        userId: change.userId,
        action: 'status_changed',
        field: 'status',
        from: claim.status,
        to,
        reason: change.reason,
      });
    }
    return { round, from: claim.status, to };
  });
}

/**
 * A new version of the document could not place a signed-off claim's passage confidently (it is
 * flagged for review): what was signed off no longer stands in the current text, so the claim goes
 * back to `in_review` with `reason` (in its status reason and history) until a person settles its
 * passage and a lead signs it off again. Votes and round are kept: the words did not change (yet).
 * Returns true when the claim was signed off and is now in review.
 */
export async function passageInDoubt(db: Db, change: Omit<WordingChange, 'from' | 'to'>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [claim] = await tx
      .select({ status: claims.status })
      .from(claims)
      .where(and(eq(claims.id, change.claimId), isNull(claims.deletedAt)))
      .for('update');
    if (!claim || !isSignedOff(claim.status)) return false;
    await tx
      .update(claims)
      .set({ status: 'in_review', statusReason: change.reason, ...NOT_SIGNED_OFF, updatedAt: sql`now()` })
      .where(eq(claims.id, change.claimId));
    await tx.insert(claimEvents).values({
      claimId: change.claimId,
      documentId: change.documentId,
      userId: change.userId,
      action: 'status_changed',
      field: 'status',
      from: claim.status,
      to: 'in_review',
      reason: change.reason,
    });
    return true;
  });
}
