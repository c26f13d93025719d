import { describe, expect, test } from 'vitest';
import { claimCreators, describeFilter, isFiltering, matchesFilter, NO_FILTER } from '../../web/src/routes/documents/[id]/claim-filter';
import { arrangeClaims } from '../../web/src/routes/documents/[id]/claim-order';

const ADA = { id: 'u-ada', name: 'Ada Okafor' };
const BEN = { id: 'u-ben', name: 'Ben Marsh' };
const claim = (id: string, status: string, tags: string[], createdBy: { id: string; name: string } | null) => ({
  id,
  anchor: { start: id.charCodeAt(0), end: id.charCodeAt(0) + 3 },
  confidence: null,
  status,
  tags,
  createdBy,
});
const CLAIMS = [claim('a', 'open', ['budget'], ADA), claim('b', 'verified', ['budget', 'jobs'], BEN), claim('c', 'open', [], BEN), claim('d', 'open', ['jobs'], null)];
const kept = (filter: typeof NO_FILTER) => CLAIMS.filter((c) => matchesFilter(c, filter)).map((c) => c.id);

describe('the claim filter', () => {
  test('keeps every claim when nothing is chosen, and says it filters nothing', () => {
    expect(kept(NO_FILTER)).toEqual(['a', 'b', 'c', 'd']);
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(describeFilter(NO_FILTER, () => undefined)).toEqual([]);
  });

  test('filters by status, tag and the person who made the claim, each alone and together', () => {
    expect(kept({ ...NO_FILTER, status: 'open' })).toEqual(['a', 'c', 'd']);
    expect(kept({ ...NO_FILTER, tag: 'jobs' })).toEqual(['b', 'd']);
    expect(kept({ ...NO_FILTER, person: BEN.id })).toEqual(['b', 'c']);
    expect(kept({ status: 'open', tag: '', person: BEN.id })).toEqual(['c']);
    expect(kept({ status: 'verified', tag: 'jobs', person: ADA.id })).toEqual([]);
    // A claim whose maker the server has not filled in yet is no one's.
    expect(kept({ ...NO_FILTER, person: 'u-nobody' })).toEqual([]);
  });

  test('the list uses the same filter as the text', () => {
    const filter = { status: 'open', tag: '', person: BEN.id };
    expect(arrangeClaims(CLAIMS, { ...filter, sort: 'position' }).map((c) => c.id)).toEqual(kept(filter));
  });

  test('names what it filters on in words', () => {
    const filter = { status: 'in_review', tag: 'budget', person: ADA.id };
    expect(isFiltering(filter)).toBe(true);
    expect(describeFilter(filter, (id) => (id === ADA.id ? ADA.name : undefined))).toEqual(['Status: In review', 'Tag: budget', 'By: Ada Okafor']);
    expect(describeFilter({ ...NO_FILTER, person: 'u-gone' }, () => undefined)).toEqual(['By: someone no longer on a claim']);
  });

  test('offers each person who made a claim once, by name', () => {
    expect(claimCreators(CLAIMS)).toEqual([ADA, BEN]);
    expect(claimCreators([])).toEqual([]);
  });
});
