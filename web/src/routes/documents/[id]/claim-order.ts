// A relative import rather than `$shared`, so the unit tests (which know no Kit aliases) can load it.
import { CLAIM_FIELDS, CLAIM_STATUSES } from '../../../../../server/shared/claim-doc';
import { matchesFilter, type ClaimFilter, type Filterable } from './claim-filter';

/** The fields of a claim that the panel sorts and filters on (a subset of ClaimState). */
export interface Arrangeable extends Filterable {
  id: string;
  anchor: { start: number; end: number };
  confidence: number | null;
}

export type ClaimSort = 'position' | 'confidence' | 'status';

/** How the panel lists the claims: the filter (claim-filter.ts, shared with the text and the margin strip) and a sort. */
export interface ClaimView extends ClaimFilter {
  sort: ClaimSort;
}

export const SORT_LABELS: Record<ClaimSort, string> = { position: 'Position in text', confidence: 'Confidence', status: 'Status' };

/** Statuses in their working order: what still needs checking first. */
const STATUS_ORDER: readonly string[] = CLAIM_STATUSES;

const byPosition = (a: Arrangeable, b: Arrangeable) => a.anchor.start - b.anchor.start || a.anchor.end - b.anchor.end || a.id.localeCompare(b.id);

/**
 * The claims the panel lists, filtered (matchesFilter: status, tag, person) and sorted: by position in the text; by
 * confidence, highest first and unrated last; or by status in working order. Ties keep text order.
 */
export function arrangeClaims<T extends Arrangeable>(claims: readonly T[], view: ClaimView): T[] {
  const kept = claims.filter((c) => matchesFilter(c, view));
  const rank = (status: string) => {
    const i = STATUS_ORDER.indexOf(status);
    return i === -1 ? STATUS_ORDER.length : i;
  };
  switch (view.sort) {
    case 'confidence':
      return kept.sort((a, b) => (b.confidence ?? -1) - (a.confidence ?? -1) || byPosition(a, b));
    case 'status':
      return kept.sort((a, b) => rank(a.status) - rank(b.status) || byPosition(a, b));
    default:
      return kept.sort(byPosition);
  }
}

/** Every tag used on any claim, sorted, for the tag filter. */
export function allTags(claims: readonly Arrangeable[]): string[] {
  return [...new Set(claims.flatMap((c) => c.tags))].sort((a, b) => a.localeCompare(b));
}

/** The claim after (step 1) or before (step -1) `current` in `ordered`, wrapping around; the first or last when none is current. */
export function stepClaim(ordered: readonly { id: string }[], current: string | null, step: 1 | -1): string | null {
  if (ordered.length === 0) return null;
  const at = current ? ordered.findIndex((c) => c.id === current) : -1;
  if (at === -1) return ordered[step === 1 ? 0 : ordered.length - 1].id;
  return ordered[(at + step + ordered.length) % ordered.length].id;
}

/** A tag as typed, tidied: trimmed, inner whitespace collapsed, cut to the tags' length limit (CLAIM_FIELDS). Empty: not a tag. */
export function tidyTag(input: string): string {
  return input.trim().replace(/\s+/g, ' ').slice(0, CLAIM_FIELDS.tags.limits.maxChars).trimEnd();
}
