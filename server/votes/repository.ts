import { and, asc, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, claims, comments, documents, evidence, users, votes, workspaces, type ClaimStatus } from '../../db/schema';
import type { Verdict } from '../shared/claim-doc';

export interface VoteRow {
  claimId: string;
  user: { id: string; name: string };
  verdict: Verdict;
  confidence: number | null;
  note: string;
  at: Date;
}

/** The current votes of the given claims, oldest first. */
export async function listVotes(db: Db, claimIds: string[]): Promise<VoteRow[]> {
  if (claimIds.length === 0) return [];
  const rows = await db
    .select({ v: votes, user: { id: users.id, name: users.name } })
    .from(votes)
    .innerJoin(users, eq(users.id, votes.userId))
    .where(inArray(votes.claimId, claimIds))
    .orderBy(asc(votes.at));
  return rows.map(({ v, user }) => ({ claimId: v.claimId, user, verdict: v.verdict, confidence: v.confidence, note: v.note, at: v.at }));
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
    .select({ status: claims.status, revealedAt: claims.revealedAt, documentId: claims.documentId, quorum: workspaces.quorum })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .innerJoin(workspaces, eq(workspaces.id, documents.workspaceId))
    .where(and(eq(claims.id, claimId), isNull(claims.deletedAt)));
  return row ?? null;
}

/**
 * Records a vote (replacing the voter's earlier one; the history keeps both) and reveals the claim
 * when it reaches the workspace's quorum, in one transaction. Returns whether this vote revealed it.
 */
export async function castVote(db: Db, input: { claimId: string; documentId: string; userId: string; verdict: Verdict; confidence: number | null; note: string }) {
  return db.transaction(async (tx) => {
    // Serialise votes on one claim, so two votes completing the quorum reveal it exactly once.
    const [claim] = await tx
      .select({ revealedAt: claims.revealedAt, quorum: workspaces.quorum })
      .from(claims)
      .innerJoin(documents, eq(documents.id, claims.documentId))
      .innerJoin(workspaces, eq(workspaces.id, documents.workspaceId))
      .where(and(eq(claims.id, input.claimId), isNull(claims.deletedAt)))
      .for('update', { of: claims });
    if (!claim) return null;
    const [previous] = await tx.select().from(votes).where(and(eq(votes.claimId, input.claimId), eq(votes.userId, input.userId)));
    await tx
      .insert(votes)
      .values({ claimId: input.claimId, userId: input.userId, verdict: input.verdict, confidence: input.confidence, note: input.note })
      .onConflictDoUpdate({
        target: [votes.claimId, votes.userId, votes.round],
        set: { verdict: input.verdict, confidence: input.confidence, note: input.note, at: sql`now()` },
      });
    await tx.insert(claimEvents).values({
      claimId: input.claimId,
      documentId: input.documentId,
      userId: input.userId,
      action: previous ? 'vote_changed' : 'voted',
      field: 'vote',
      from: previous ? { verdict: previous.verdict, confidence: previous.confidence } : null,
      to: { verdict: input.verdict, confidence: input.confidence },
    });
    const [{ n }] = await tx.select({ n: count() }).from(votes).where(eq(votes.claimId, input.claimId));
    let revealedNow = false;
    if (!claim.revealedAt && n >= claim.quorum) {
      await tx.update(claims).set({ revealedAt: sql`now()` }).where(eq(claims.id, input.claimId));
      await tx.insert(claimEvents).values({ claimId: input.claimId, documentId: input.documentId, userId: null, action: 'revealed', field: 'quorum', to: n });
      revealedNow = true;
    }
    return { revealedNow, count: n };
  });
}

/** Reveals a claim's votes (a lead's decision); false when it was already revealed. */
export async function reveal(db: Db, claimId: string, documentId: string, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(claims)
      .set({ revealedAt: sql`now()` })
      .where(and(eq(claims.id, claimId), isNull(claims.revealedAt), isNull(claims.deletedAt)))
      .returning({ id: claims.id });
    if (rows.length === 0) return false;
    await tx.insert(claimEvents).values({ claimId, documentId, userId, action: 'revealed', field: 'lead' });
    return true;
  });
}

/** Sets a claim's status and records the change (with the override flag when the lead confirmed past a warning). */
export async function setStatus(db: Db, input: { claimId: string; documentId: string; userId: string; from: ClaimStatus; to: ClaimStatus; override: string[] }) {
  await db.transaction(async (tx) => {
    await tx.update(claims).set({ status: input.to, updatedAt: sql`now()` }).where(eq(claims.id, input.claimId));
    await tx.insert(claimEvents).values({
      claimId: input.claimId,
      documentId: input.documentId,
      userId: input.userId,
      action: 'status_changed',
      field: 'status',
      from: input.from,
      to: input.override.length ? { status: input.to, override: input.override } : input.to,
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
