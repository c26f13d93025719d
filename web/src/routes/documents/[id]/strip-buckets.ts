// A relative import rather than `$shared`, so the unit tests (which know no Kit aliases) can load it.
import { CLAIM_STATUSES } from '../../../../../server/shared/claim-doc';

/** What the margin strip needs of a claim. */
export interface StripClaim {
  id: string;
  anchor: { start: number };
  status: string;
}

/** The claims that start in one stretch of the document. */
export interface StripBucket {
  /** Claims per status. */
  counts: Map<string, number>;
  /** The status most of them have (ties: the one earlier in the working order, what still needs checking). */
  status: string;
  /** The first of them in the text: what a click on this stretch jumps to. */
  firstId: string;
  firstStart: number;
  total: number;
}

const rank = (status: string) => {
  const i = (CLAIM_STATUSES as readonly string[]).indexOf(status);
  return i === -1 ? CLAIM_STATUSES.length : i;
};

/**
 * The claims gathered into `count` equal stretches of a text `textLength` long, by where each
 * starts: what the margin strip draws, one mark per stretch, so ten thousand claims cost as much
 * to draw as the strip has pixel rows. Empty stretches are null.
 */
export function bucketClaims(claims: readonly StripClaim[], textLength: number, count: number): Array<StripBucket | null> {
  const buckets: Array<StripBucket | null> = Array.from({ length: Math.max(0, Math.floor(count)) }, () => null);
  if (buckets.length === 0) return buckets;
  const length = Math.max(1, textLength);
  for (const claim of claims) {
    const at = Math.min(buckets.length - 1, Math.max(0, Math.floor((claim.anchor.start / length) * buckets.length)));
    let bucket = buckets[at];
    if (!bucket) bucket = buckets[at] = { counts: new Map(), status: claim.status, firstId: claim.id, firstStart: claim.anchor.start, total: 0 };
    bucket.total++;
    bucket.counts.set(claim.status, (bucket.counts.get(claim.status) ?? 0) + 1);
    if (claim.anchor.start < bucket.firstStart || (claim.anchor.start === bucket.firstStart && claim.id < bucket.firstId)) {
      bucket.firstId = claim.id;
      bucket.firstStart = claim.anchor.start;
    }
  }
  for (const bucket of buckets) {
    if (!bucket) continue;
    let best = '';
    let most = 0;
    for (const [status, n] of bucket.counts) {
      if (n > most || (n === most && rank(status) < rank(best))) [best, most] = [status, n];
    }
    bucket.status = best;
  }
  return buckets;
}

/**
 * The bucket to jump to for a click on stretch `index`: that one when it holds claims, else the
 * nearest one that does (the earlier on a tie), within `reach` stretches; null when none is that close.
 */
export function nearestBucket(buckets: ReadonlyArray<StripBucket | null>, index: number, reach = buckets.length): StripBucket | null {
  const at = Math.min(buckets.length - 1, Math.max(0, Math.floor(index)));
  for (let distance = 0; distance <= reach; distance++) {
    const before = buckets[at - distance];
    if (before) return before;
    const after = buckets[at + distance];
    if (after) return after;
    if (at - distance < 0 && at + distance >= buckets.length) break;
  }
  return null;
}
