import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, documentVersions, documents, type Document, type DocumentFormat } from '../../db/schema';
import { planReanchoring, type ReanchorPlan, type ReanchorTarget } from '../anchoring/reanchor';
import { SERVER_ORIGIN } from '../collab/origins';
import type { Room } from '../collab/room';
import { claimsOf, readClaim, type Anchor, type AnchorReview } from '../shared/claim-doc';

export interface ReanchorOutcome {
  claimId: string;
  status: 'anchored' | 'needs_review';
  method?: string;
  score?: number;
  review?: AnchorReview;
}

/** Replaces a document's text, keeping the old one as a version, in one transaction; false when another version won the race. */
export async function replaceText(db: Db, doc: Document, next: { text: string; format: DocumentFormat }, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const updated = await tx
      .update(documents)
      .set({ text: next.text, format: next.format, contentHash: createHash('sha256').update(next.text).digest('hex'), version: sql`${documents.version} + 1` })
      .where(and(eq(documents.id, doc.id), eq(documents.version, doc.version)))
      .returning({ id: documents.id });
    if (updated.length === 0) return false;
    await tx.insert(documentVersions).values({ documentId: doc.id, version: doc.version, text: doc.text, format: doc.format, contentHash: doc.contentHash, replacedBy: userId });
    return true;
  });
}

/** The claims of a room as re-anchoring targets. */
export function reanchorTargets(room: Room): ReanchorTarget[] {
  const targets: ReanchorTarget[] = [];
  claimsOf(room.doc).forEach((map, claimId) => {
    const claim = readClaim(map);
    // A claim still waiting for review is re-anchored from its last confirmed place.
    targets.push({ claimId, from: claim.review?.old ?? claim.anchor });
  });
  return targets;
}

/** The targets of a room that `plans` do not cover: claims made, or moved, since the plans were computed. */
export function unplannedTargets(room: Room, plans: ReanchorPlan[]): ReanchorTarget[] {
  const planned = new Map(plans.map((p) => [p.claimId, JSON.stringify(p.from)]));
  return reanchorTargets(room).filter((t) => planned.get(t.claimId) !== JSON.stringify(t.from));
}

/**
 * Applies re-anchoring plans to a room in one change: a claim that anchored confidently moves
 * there; one that did not keeps its old anchor and is flagged `review` with the old passage and the
 * best candidate, for a person to decide. Nothing is moved silently and nothing is dropped. A claim
 * the plans do not cover (made in the moment between the last plan and this change) is planned
 * here. Returns the append position to wait for and the outcomes.
 */
export function applyReanchoring(room: Room, newText: string, plans: ReanchorPlan[], oldVersion: number): { seq: number; outcomes: ReanchorOutcome[] } {
  const outcomes: ReanchorOutcome[] = [];
  const all = [...plans, ...planReanchoring(newText, unplannedTargets(room, plans))];
  const byClaim = new Map(all.map((p) => [p.claimId, p]));
  room.text = newText;
  const seq = room.change(SERVER_ORIGIN, (ydoc) => {
    claimsOf(ydoc).forEach((map, claimId) => {
      const plan = byClaim.get(claimId);
      if (!plan) return;
      const claim = readClaim(map);
      if (plan.status === 'anchored') {
        if (JSON.stringify(plan.anchor) !== JSON.stringify(claim.anchor)) map.set('anchor', plan.anchor);
        if (claim.review) map.set('review', null);
        outcomes.push({ claimId, status: 'anchored', method: plan.method, score: plan.score });
      } else {
        const review: AnchorReview = { reason: plan.reason, fromVersion: claim.review?.fromVersion ?? oldVersion, old: plan.from, candidate: plan.candidate };
        map.set('review', review);
        outcomes.push({ claimId, status: 'needs_review', review });
      }
    });
  });
  return { seq, outcomes };
}

/** Records each claim's re-anchoring in its history. */
export async function recordReanchoring(db: Db, documentId: string, userId: string, outcomes: ReanchorOutcome[], version: number): Promise<void> {
  const rows = outcomes.map((o) => ({
    claimId: o.claimId,
    documentId,
    userId,
    action: o.status === 'anchored' ? 'reanchored' : 'needs_review',
    field: 'anchor',
    to: o.status === 'anchored' ? { version, method: o.method, score: o.score } : { version, reason: o.review!.reason },
  }));
  if (rows.length) await db.insert(claimEvents).values(rows);
}
