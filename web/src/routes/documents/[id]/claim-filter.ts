// A relative import rather than `$shared`, so the unit tests (which know no Kit aliases) can load it.
import { statusLabel } from '../../../../../server/shared/labels';

/** What a claim is filtered on (a subset of ClaimState). */
export interface Filterable {
  status: string;
  tags: string[];
  createdBy: { id: string; name: string } | null;
}

/**
 * Which claims this person wants to see: the one filter the claims list, the highlights in the
 * text and the margin strip all read (ReaderState.view holds it).
 */
export interface ClaimFilter {
  /** A status to keep, or 'all'. */
  status: string;
  /** A tag to keep, or '' for any. */
  tag: string;
  /** The id of the person who made the claim, or '' for anyone. */
  person: string;
}

/** The filter that keeps every claim. */
export const NO_FILTER: ClaimFilter = { status: 'all', tag: '', person: '' };

/** Whether a claim passes the filter. */
export function matchesFilter(claim: Filterable, filter: ClaimFilter): boolean {
  return (
    (filter.status === 'all' || claim.status === filter.status) &&
    (!filter.tag || claim.tags.includes(filter.tag)) &&
    (!filter.person || claim.createdBy?.id === filter.person)
  );
}

/** Whether the filter hides anything at all. */
export function isFiltering(filter: ClaimFilter): boolean {
  return filter.status !== 'all' || filter.tag !== '' || filter.person !== '';
}

/** The people who made the claims, once each, by name, for the person filter. */
export function claimCreators(claims: readonly Filterable[]): Array<{ id: string; name: string }> {
  const people = new Map<string, string>();
  for (const claim of claims) if (claim.createdBy && !people.has(claim.createdBy.id)) people.set(claim.createdBy.id, claim.createdBy.name);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * The active filter in words, one part per condition ("Status: Open", "Tag: budget", "By: Ada
 * Reyes"); empty when nothing is filtered. `personName` names a person id (else "someone").
 */
export function describeFilter(filter: ClaimFilter, personName: (id: string) => string | undefined): string[] {
  const parts: string[] = [];
  if (filter.status !== 'all') parts.push(`Status: ${statusLabel(filter.status)}`);
  if (filter.tag) parts.push(`Tag: ${filter.tag}`);
  if (filter.person) parts.push(`By: ${personName(filter.person) ?? 'someone no longer on a claim'}`);
  return parts;
}
