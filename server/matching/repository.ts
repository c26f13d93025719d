import { and, eq, inArray, isNull, or } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, claimMatches, claims, users, type MatchDecision } from '../../db/schema';

/** A claim of a pair, as its history entry names it. */
export interface PairEnd {
  id: string;
  documentId: string;
  exact: string;
}

/** A stored decision on a pair, seen from one of its claims. */
export interface Decision {
  otherClaimId: string;
  decision: MatchDecision;
  score: number | null;
  decidedBy: { id: string; name: string } | null;
  decidedAt: string;
}

/** The pair as stored: the smaller id first (claim_matches_ordered). Ids are compared lower-cased, as PostgreSQL orders uuids. */
export function orderedPair(a: string, b: string): [string, string] {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? [x, y] : [y, x];
}

/** The decisions on pairs that include any of `claimIds`, by claim id (each decision listed under both of its claims that are asked for). */
export async function decisionsFor(db: Db, claimIds: string[]): Promise<Map<string, Decision[]>> {
  const byClaim = new Map<string, Decision[]>();
  if (claimIds.length === 0) return byClaim;
  const rows = await db
    .select({ m: claimMatches, user: { id: users.id, name: users.name } })
    .from(claimMatches)
    .leftJoin(users, eq(users.id, claimMatches.decidedBy))
    .where(or(inArray(claimMatches.claimId, claimIds), inArray(claimMatches.otherClaimId, claimIds)));
  const asked = new Set(claimIds);
  for (const { m, user } of rows) {
    for (const [self, other] of [[m.claimId, m.otherClaimId], [m.otherClaimId, m.claimId]]) {
      if (!asked.has(self)) continue;
      const list = byClaim.get(self) ?? [];
      list.push({ otherClaimId: other, decision: m.decision, score: m.score, decidedBy: user?.id ? { id: user.id, name: user.name } : null, decidedAt: m.decidedAt.toISOString() });
      byClaim.set(self, list);
    }
  }
  return byClaim;
}

/** The confirmed pairs ("same claim") of `claimIds`: for each claim, the ids of the claims it is the same claim as. */
export async function sameClaimIds(db: Db, claimIds: string[]): Promise<Map<string, string[]>> {
  const decisions = await decisionsFor(db, claimIds);
  return new Map([...decisions].map(([id, list]) => [id, list.filter((d) => d.decision === 'confirmed').map((d) => d.otherClaimId)]));
}

const mention = (end: PairEnd) => ({ claimId: end.id, documentId: end.documentId, exact: end.exact });

/**
 * Stores a person's decision on the pair (a, b), replacing an earlier one, and records it in both
 * claims' histories (`match_confirmed` / `match_rejected`, naming the other claim), in one
 * transaction. Nothing else of either claim changes: a verdict is never copied along a match.
 */
export async function recordDecision(db: Db, a: PairEnd, b: PairEnd, decision: MatchDecision, score: number | null, userId: string): Promise<void> {
  const [claimId, otherClaimId] = orderedPair(a.id, b.id);
  await db.transaction(async (tx) => {
    const [before] = await tx.select({ decision: claimMatches.decision }).from(claimMatches).where(and(eq(claimMatches.claimId, claimId), eq(claimMatches.otherClaimId, otherClaimId)));
    if (before?.decision === decision) return;
    const row = { claimId, otherClaimId, decision, score, decidedBy: userId, decidedAt: new Date() };
    await tx.insert(claimMatches).values(row).onConflictDoUpdate({ target: [claimMatches.claimId, claimMatches.otherClaimId], set: { decision, score, decidedBy: userId, decidedAt: row.decidedAt } });
    const action = decision === 'confirmed' ? 'match_confirmed' : 'match_rejected';
    await tx.insert(claimEvents).values([
      { claimId: a.id, documentId: a.documentId, userId, action, field: 'match', from: before ? { decision: before.decision } : null, to: { decision, ...mention(b) } },
      { claimId: b.id, documentId: b.documentId, userId, action, field: 'match', from: before ? { decision: before.decision } : null, to: { decision, ...mention(a) } },
    ]);
  });
}

/** Removes the decision on (a, b), recording `match_undone` in both histories; false when there was none. */
export async function undoDecision(db: Db, a: PairEnd, b: PairEnd, userId: string): Promise<boolean> {
  const [claimId, otherClaimId] = orderedPair(a.id, b.id);
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(claimMatches)
      .where(and(eq(claimMatches.claimId, claimId), eq(claimMatches.otherClaimId, otherClaimId)))
      .returning({ decision: claimMatches.decision });
    if (!gone) return false;
    await tx.insert(claimEvents).values([
      { claimId: a.id, documentId: a.documentId, userId, action: 'match_undone', field: 'match', from: { decision: gone.decision, ...mention(b) }, to: null },
      { claimId: b.id, documentId: b.documentId, userId, action: 'match_undone', field: 'match', from: { decision: gone.decision, ...mention(a) }, to: null },
    ]);
    return true;
  });
}

/** A confirmed match, as the export links it: the other claim and its document. */
export interface SameClaimLink {
  claimId: string;
  documentId: string;
}

/**
 * For each of `claimIds`, the claims confirmed as the same claim that still exist (not deleted), in
 * id order: what the W3C export links each claim's annotation to. One query for a page of claims.
 */
export async function sameClaimLinks(db: Db, claimIds: string[]): Promise<Map<string, SameClaimLink[]>> {
  const links = new Map<string, SameClaimLink[]>();
  if (claimIds.length === 0) return links;
  const confirmed = [...(await sameClaimIds(db, claimIds))].flatMap(([id, others]) => others.map((other) => [id, other] as const));
  if (confirmed.length === 0) return links;
  const alive = await db
    .select({ id: claims.id, documentId: claims.documentId })
    .from(claims)
    .where(and(inArray(claims.id, [...new Set(confirmed.map(([, other]) => other))]), isNull(claims.deletedAt)));
  const documentOf = new Map(alive.map((c) => [c.id, c.documentId]));
  for (const [id, other] of confirmed.sort((x, y) => x[1].localeCompare(y[1]))) {
    const documentId = documentOf.get(other);
    if (documentId) links.set(id, [...(links.get(id) ?? []), { claimId: other, documentId }]);
  }
  return links;
}
