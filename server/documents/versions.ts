import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, documentVersions, documents, type Document, type DocumentFormat } from '../../db/schema';
import { anchorFromRange, anchor as findAnchor, snapToWords } from '../anchoring';
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

/**
 * Re-anchors every claim of a room in the document's new text with the anchoring module. A claim
 * that anchors confidently moves there; one that does not keeps its old anchor and is flagged
 * `review` with the old passage and the best candidate, for a person to decide. Nothing is moved
 * silently and nothing is dropped. Returns the append position to wait for and the outcomes.
 */
export function reanchorRoom(room: Room, newText: string, oldVersion: number): { seq: number; outcomes: ReanchorOutcome[] } {
  const outcomes: ReanchorOutcome[] = [];
  room.text = newText;
  const seq = room.change(SERVER_ORIGIN, (ydoc) => {
    claimsOf(ydoc).forEach((map, claimId) => {
      const claim = readClaim(map);
      // A claim still waiting for review is re-anchored from its last confirmed place.
      const from: Anchor = claim.review?.old ?? claim.anchor;
      const result = findAnchor(newText, from);
      if (result.status === 'anchored') {
        if (JSON.stringify(result.anchor) !== JSON.stringify(claim.anchor)) map.set('anchor', result.anchor);
        if (claim.review) map.set('review', null);
        outcomes.push({ claimId, status: 'anchored', method: result.method, score: result.score });
      } else {
        const review: AnchorReview = {
          reason: result.reason,
          fromVersion: claim.review?.fromVersion ?? oldVersion,
          old: from,
          candidate: result.best
            ? { anchor: anchorFromRange(newText, ...snapToWords(newText, result.best.anchor.start, result.best.anchor.end)), score: Number(result.best.score.toFixed(3)) }
            : null,
        };
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
