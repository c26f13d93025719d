import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, claims, comments, documents, evidence, users, votes, workspaces, type ClaimStatus } from '../../db/schema';
import { isSignedOff, type Verdict } from '../shared/claim-doc';
import { blindTally } from './visibility';

export interface VoteRow {
  claimId: string;
  user: { id: string; name: string };
  verdict: Verdict;
  confidence: number | null;
  note: string;
  at: Date;
  /** The voting round it was cast in (claims.vote_round at the time). */
  round: number;
  /** The claim's quoted words it was cast on (null for votes older than rounds). */
  wording: string | null;
  /** First cast after the round's reveal: shown as such, never part of the blind tally. */
  afterReveal: boolean;
  /** A verdict recorded after reveal beside the blind one, with its reason; the tally keeps the blind one. */
  revised: { verdict: Verdict; reason: string; at: Date } | null;
}

/** Every vote of the given claims, of every round, oldest first. */
export async function listVotes(db: Db, claimIds: string[]): Promise<VoteRow[]> {
  if (claimIds.length === 0) return [];
  const rows = await db
    .select({ v: votes, user: { id: users.id, name: users.name } })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .where(inArray(votes.claimId, claimIds))
    .orderBy(asc(votes.round), asc(votes.at));
  return rows.map(({ v, user }) => ({
    claimId: v.claimId,
    user,
    verdict: v.verdict,
    confidence: v.confidence,
    note: v.note,
    at: v.at,
    round: v.round,
    wording: v.wording,
    afterReveal: v.afterReveal,
    revised: v.revisedVerdict && v.revisedAt ? { verdict: v.revisedVerdict, reason: v.revisedReason ?? '', at: v.revisedAt } : null,
  }));
}

export interface CommentRow {
  id: string;
  claimId: string;
  user: { id: string; name: string } | null;
  body: string;
  replyTo: string | null;
  at: Date;
}

export async function listComments(db: Db, claimIds: string[]): Promise<CommentRow[]> {
  if (claimIds.length === 0) return [];
  const rows = await db
    .select({ c: comments, user: { id: users.id, name: users.name } })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.userId))
    .where(inArray(comments.claimId, claimIds))
    .orderBy(asc(comments.at));
  return rows.map(({ c, user }) => ({ id: c.id, claimId: c.claimId, user: user?.id ? user : null, body: c.body, replyTo: c.replyTo, at: c.at }));
}

/** The server-owned state of a claim held in Postgres; null when there is none or it is deleted. */
export async function claimState(db: Db, claimId: string) {
  const [row] = await db
    .select({ status: claims.status, revealedAt: claims.revealedAt, documentId: claims.documentId, quorum: workspaces.quorum, round: claims.voteRound })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .innerJoin(workspaces, eq(workspaces.id, documents.workspaceId))
    .where(and(eq(claims.id, claimId), isNull(claims.deletedAt)));
  return row ?? null;
}

/** Votes that count toward a round's blind tally: cast in it before its reveal. */
const blindOfRound = (claimId: string, round: number) => and(eq(votes.claimId, claimId), eq(votes.round, round), eq(votes.afterReveal, false));

/** How many blind votes the claim's current round has. */
export async function blindCount(db: Db, claimId: string, round: number): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(votes).where(blindOfRound(claimId, round));
  return n;
}

export type CastOutcome =
  | { kind: 'missing' }
  /** The caller's blind vote of this round is final now that the round is revealed. */
  | { kind: 'final' }
  | { kind: 'cast'; revealedNow: boolean; count: number; afterReveal: boolean };

/**
 * Records a vote in the claim's current round, on the words the claim has now, and reveals the
 * claim when its blind votes reach the workspace's quorum (unless its reveal rule is `lead`), in one transaction. Before reveal a
 * vote replaces the voter's earlier one of the round (the history keeps both). After reveal a
 * first vote is stored as `afterReveal` (not counted); a blind vote is final (`final`: revise it).
 */
export async function castVote(db: Db, input: { claimId: string; documentId: string; userId: string; verdict: Verdict; confidence: number | null; note: string }): Promise<CastOutcome> {
  return db.transaction(async (tx) => {
    // Serialise votes on one claim, so two votes completing the quorum reveal it exactly once
    // (and a new round started by a wording change never takes a vote of the old one).
    const [claim] = await tx
      .select({ revealedAt: claims.revealedAt, quorum: workspaces.quorum, revealRule: workspaces.revealRule, round: claims.voteRound, exact: claims.exact })
      .from(claims)
      .innerJoin(documents, eq(documents.id, claims.documentId))
      .innerJoin(workspaces, eq(workspaces.id, documents.workspaceId))
      .where(and(eq(claims.id, input.claimId), isNull(claims.deletedAt)))
      .for('update', { of: claims });
    if (!claim) return { kind: 'missing' } as const;
    const revealed = claim.revealedAt !== null;
    const [previous] = await tx
      .select()
      .from(votes)
      .where(and(eq(votes.claimId, input.claimId), eq(votes.userId, input.userId), eq(votes.round, claim.round)));
    if (revealed && previous && !previous.afterReveal) return { kind: 'final' } as const;
    const afterReveal = previous ? previous.afterReveal : revealed;
    await tx
      .insert(votes)
      .values({ claimId: input.claimId, userId: input.userId, round: claim.round, verdict: input.verdict, confidence: input.confidence, note: input.note, wording: claim.exact, afterReveal })
      .onConflictDoUpdate({
        target: [votes.claimId, votes.userId, votes.round],
        set: { verdict: input.verdict, confidence: input.confidence, note: input.note, wording: claim.exact, at: sql`now()` },
      });
    await tx.insert(claimEvents).values({
      claimId: input.claimId,
      documentId: input.documentId,
      userId: input.userId,
      action: previous ? 'vote_changed' : 'voted',
      field: 'vote',
      from: previous ? { verdict: previous.verdict, confidence: previous.confidence } : null,
      to: { verdict: input.verdict, confidence: input.confidence, round: claim.round, ...(afterReveal ? { afterReveal: true } : {}) },
    });
    const [{ n }] = await tx.select({ n: count() }).from(votes).where(blindOfRound(input.claimId, claim.round));
    let revealedNow = false;
    // Under the workspace's `lead` reveal rule only a lead reveals, however many votes are in.
    if (!revealed && claim.revealRule === 'quorum' && n >= claim.quorum) {
      await tx.update(claims).set({ revealedAt: sql`now()` }).where(eq(claims.id, input.claimId));
      await tx.insert(claimEvents).values({ claimId: input.claimId, documentId: input.documentId, userId: null, action: 'revealed', field: 'quorum', to: n });
      revealedNow = true;
    }
    return { kind: 'cast', revealedNow, count: n, afterReveal } as const;
  });
}

export type ReviseOutcome = 'revised' | 'missing' | 'not_revealed' | 'no_blind_vote';

/**
 * Records a revised verdict, with its reason, beside the caller's blind vote of the current round
 * (only after reveal). The blind verdict stays and keeps counting; the history keeps each revision.
 */
export async function reviseVote(db: Db, input: { claimId: string; documentId: string; userId: string; verdict: Verdict; reason: string }): Promise<ReviseOutcome> {
  return db.transaction(async (tx) => {
    const [claim] = await tx
      .select({ revealedAt: claims.revealedAt, round: claims.voteRound })
      .from(claims)
      .where(and(eq(claims.id, input.claimId), isNull(claims.deletedAt)))
      .for('update');
    if (!claim) return 'missing';
    if (claim.revealedAt === null) return 'not_revealed';
    const mine = and(eq(votes.claimId, input.claimId), eq(votes.userId, input.userId), eq(votes.round, claim.round));
    const [vote] = await tx.select().from(votes).where(mine);
    if (!vote || vote.afterReveal) return 'no_blind_vote';
    await tx.update(votes).set({ revisedVerdict: input.verdict, revisedReason: input.reason, revisedAt: sql`now()` }).where(mine);
    await tx.insert(claimEvents).values({
      claimId: input.claimId,
      documentId: input.documentId,
      userId: input.userId,
      action: 'vote_revised',
      field: 'vote',
      from: { verdict: vote.revisedVerdict ?? vote.verdict, blind: vote.verdict },
      to: { verdict: input.verdict, round: claim.round },
      reason: input.reason,
    });
    return 'revised';
  });
}

/** Reveals a claim's current round (a lead's decision); false when it was already revealed. */
export async function reveal(db: Db, claimId: string, documentId: string, userId: string, count: number): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(claims)
      .set({ revealedAt: sql`now()` })
      .where(and(eq(claims.id, claimId), isNull(claims.revealedAt), isNull(claims.deletedAt)))
      .returning({ id: claims.id });
    if (rows.length === 0) return false;
    await tx.insert(claimEvents).values({ claimId, documentId, userId, action: 'revealed', field: 'lead', to: count });
    return true;
  });
}

/** A claim that is not (or no longer) signed off: no sign-off, no rating, and so nothing published (a reopened claim leaves its public page). */
export const NOT_SIGNED_OFF = { signOffRationale: null, signedOffBy: null, signedOffAt: null, signOffOverride: [] as string[], signOffRating: null, publishedAt: null, publishedBy: null };

/** The revealed consensus of a claim's current round (its blind votes), or null when unrevealed or tied. */
export async function currentConsensus(db: Db, claimId: string): Promise<Verdict | null> {
  const [claim] = await db.select({ revealedAt: claims.revealedAt, round: claims.voteRound }).from(claims).where(eq(claims.id, claimId));
  if (!claim || claim.revealedAt === null) return null;
  return blindTally(await listVotes(db, [claimId]), claim.round).consensus;
}

/**
 * Sets a claim's status and records the change. A sign-off (verified, rejected) stores the lead's
 * rationale, the rating published (`rating`; when not given, the revealed consensus of the current
 * round, null without one), who and when, and what was overridden (no evidence, no revealed vote,
 * no consensus, a rating other than the consensus); leaving a sign-off (a reopening) clears them and
 * stores the reason as the status reason. The history entry carries the rationale or reason, and
 * `to: {status, rating, override?}` for a sign-off with a rating or an override.
 */
export async function setStatus(db: Db, input: { claimId: string; documentId: string; userId: string; from: ClaimStatus; to: ClaimStatus; override: string[]; rationale: string | null; reason: string | null; rating?: Verdict | null }) {
  const signOff = isSignedOff(input.to);
  const rating = signOff ? (input.rating === undefined ? await currentConsensus(db, input.claimId) : input.rating) : null;
  await db.transaction(async (tx) => {
    await tx
      .update(claims)
      .set({
        status: input.to,
        updatedAt: sql`now()`,
        statusReason: signOff ? null : input.reason,
        ...(signOff ? { signOffRationale: input.rationale, signedOffBy: input.userId, signedOffAt: sql`now()`, signOffOverride: input.override, signOffRating: rating } : NOT_SIGNED_OFF),
      })
      .where(eq(claims.id, input.claimId));
    await tx.insert(claimEvents).values({
      claimId: input.claimId,
      documentId: input.documentId,
      userId: input.userId,
      action: 'status_changed',
      field: 'status',
      from: input.from,
      to: rating || input.override.length ? { status: input.to, ...(rating ? { rating } : {}), ...(input.override.length ? { override: input.override } : {}) } : input.to,
      reason: signOff ? input.rationale : input.reason,
    });
  });
}

export async function addComment(db: Db, input: { claimId: string; documentId: string; userId: string; body: string; replyTo: string | null }) {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(comments).values({ claimId: input.claimId, userId: input.userId, body: input.body, replyTo: input.replyTo }).returning();
    await tx.insert(claimEvents).values({ claimId: input.claimId, documentId: input.documentId, userId: input.userId, action: 'commented', field: 'comments', to: { id: row.id, replyTo: row.replyTo } });
    return row;
  });
}

/** Whether a comment belongs to a claim (a reply must stay in its thread). */
export async function commentOnClaim(db: Db, commentId: string, claimId: string): Promise<boolean> {
  const [row] = await db.select({ id: comments.id }).from(comments).where(and(eq(comments.id, commentId), eq(comments.claimId, claimId)));
  return Boolean(row);
}

export async function evidenceCount(db: Db, claimId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(evidence).where(eq(evidence.claimId, claimId));
  return row.n;
}
