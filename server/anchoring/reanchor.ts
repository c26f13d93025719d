import type { Anchor, AnchorReview } from '../shared/claim-doc';
import { anchor as findAnchor } from './anchor';
import { anchorFromRange, snapToWords } from './range';

/** A claim to re-anchor: where it was last confirmed (its review's old anchor while one is pending). */
export interface ReanchorTarget {
  claimId: string;
  from: Anchor;
}

/** Where a claim goes in a new text: its new anchor, or the review a person must settle. */
export type ReanchorPlan =
  | { claimId: string; from: Anchor; status: 'anchored'; anchor: Anchor; method: string; score: number }
  | { claimId: string; from: Anchor; status: 'needs_review'; reason: AnchorReview['reason']; candidate: AnchorReview['candidate'] };

/**
 * Finds each target in a document's new text (`anchor()`): accepted where it anchors confidently,
 * else a review with the best candidate snapped to whole words. Pure and CPU-heavy (the fuzzy step
 * passes over the whole text per target), so the server runs it in a worker thread (server/jobs).
 */
export function planReanchoring(newText: string, targets: ReanchorTarget[]): ReanchorPlan[] {
  return targets.map(({ claimId, from }): ReanchorPlan => {
    const result = findAnchor(newText, from);
    if (result.status === 'anchored') return { claimId, from, status: 'anchored', anchor: result.anchor, method: result.method, score: result.score };
    const candidate = result.best
      ? { anchor: anchorFromRange(newText, ...snapToWords(newText, result.best.anchor.start, result.best.anchor.end)), score: Number(result.best.score.toFixed(3)) }
      : null;
    return { claimId, from, status: 'needs_review', reason: result.reason, candidate };
  });
}
