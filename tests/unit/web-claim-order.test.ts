import { describe, expect, test } from 'vitest';
import { CLAIM_FIELDS } from '../../server/shared/claim-doc';
import { allTags, arrangeClaims, stepClaim, tidyTag } from '../../web/src/routes/documents/[id]/claim-order';

const claim = (id: string, start: number, confidence: number | null, status: string, tags: string[] = [], createdBy: { id: string; name: string } | null = null) => ({
  id,
  anchor: { start, end: start + 5 },
  confidence,
  status,
  tags,
  createdBy,
});
const CLAIMS = [
  claim('c', 40, null, 'open', ['cost']),
  claim('a', 0, 30, 'verified', ['jobs']),
  claim('d', 60, 90, 'rejected'),
  claim('b', 20, 70, 'in_review', ['cost', 'jobs']),
];
const ids = (list: { id: string }[]) => list.map((c) => c.id);

describe('arrangeClaims', () => {
  test('sorts by position in the text', () => {
    expect(ids(arrangeClaims(CLAIMS, { sort: 'position', status: 'all', tag: '', person: '' }))).toEqual(['a', 'b', 'c', 'd']);
  });

  test('sorts by confidence, highest first and unrated last', () => {
    expect(ids(arrangeClaims(CLAIMS, { sort: 'confidence', status: 'all', tag: '', person: '' }))).toEqual(['d', 'b', 'a', 'c']);
  });

  test('sorts by status in working order: open, in review, verified, rejected', () => {
    expect(ids(arrangeClaims(CLAIMS, { sort: 'status', status: 'all', tag: '', person: '' }))).toEqual(['c', 'b', 'a', 'd']);
  });

  test('filters by status and by tag', () => {
    expect(ids(arrangeClaims(CLAIMS, { sort: 'position', status: 'verified', tag: '', person: '' }))).toEqual(['a']);
    expect(ids(arrangeClaims(CLAIMS, { sort: 'position', status: 'all', tag: 'cost', person: '' }))).toEqual(['b', 'c']);
    expect(ids(arrangeClaims(CLAIMS, { sort: 'position', status: 'open', tag: 'jobs', person: '' }))).toEqual([]);
  });

  test('leaves the list it was given untouched', () => {
    const before = ids(CLAIMS);
    arrangeClaims(CLAIMS, { sort: 'confidence', status: 'all', tag: '', person: '' });
    expect(ids(CLAIMS)).toEqual(before);
  });
});

describe('stepClaim', () => {
  const ordered = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
  test('moves to the next or previous claim, wrapping around', () => {
    expect(stepClaim(ordered, 'a', 1)).toBe('b');
    expect(stepClaim(ordered, 'c', 1)).toBe('a');
    expect(stepClaim(ordered, 'a', -1)).toBe('c');
  });
  test('starts at the first (or last) claim when none is focused or the focused one is filtered out', () => {
    expect(stepClaim(ordered, null, 1)).toBe('a');
    expect(stepClaim(ordered, null, -1)).toBe('c');
    expect(stepClaim(ordered, 'gone', 1)).toBe('a');
    expect(stepClaim([], null, 1)).toBeNull();
  });
});

describe('tags', () => {
  test('lists every tag once, sorted', () => {
    expect(allTags(CLAIMS)).toEqual(['cost', 'jobs']);
  });
  test('tidies a typed tag', () => {
    expect(tidyTag('  public   spending ')).toBe('public spending');
    expect(tidyTag('   ')).toBe('');
    // Cut to the length the server accepts for a tag (the rule table), never longer.
    const max = CLAIM_FIELDS.tags.limits.maxChars;
    expect(tidyTag('x'.repeat(max + 20))).toHaveLength(max);
    expect(tidyTag('x'.repeat(max - 1))).toHaveLength(max - 1);
  });
});
