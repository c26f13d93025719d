import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bucketClaims, nearestBucket } from '../../web/src/routes/documents/[id]/strip-buckets';

const claim = (id: string, start: number, status = 'open') => ({ id, anchor: { start }, status });

describe('the margin strip’s stretches', () => {
  test('a claim lands in the stretch proportional to where it starts in the text', () => {
    const buckets = bucketClaims([claim('start', 0), claim('middle', 500), claim('end', 999)], 1000, 10);
    expect(buckets.map((b) => b?.firstId ?? null)).toEqual(['start', null, null, null, null, 'middle', null, null, null, 'end']);
  });

  test('a stretch takes the status most of its claims have, ties going to what still needs checking', () => {
    const [mostly] = bucketClaims([claim('a', 1, 'verified'), claim('b', 2, 'verified'), claim('c', 3, 'open')], 100, 1);
    expect(mostly!.status).toBe('verified');
    expect(mostly!.total).toBe(3);
    expect(Object.fromEntries(mostly!.counts)).toEqual({ verified: 2, open: 1 });
    const [tie] = bucketClaims([claim('a', 1, 'rejected'), claim('b', 2, 'in_review')], 100, 1);
    expect(tie!.status).toBe('in_review');
  });

  test('a stretch jumps to its first claim in the text', () => {
    const [bucket] = bucketClaims([claim('later', 40), claim('first', 10), claim('also-later', 30)], 100, 1);
    expect(bucket!.firstId).toBe('first');
  });

  test('ten thousand claims fold into as many stretches as the strip has rows, none lost', () => {
    const claims = Array.from({ length: 10_000 }, (_, i) => claim(`c${i}`, i * 37, ['open', 'in_review', 'verified', 'rejected'][i % 4]));
    const buckets = bucketClaims(claims, 370_000, 250);
    expect(buckets).toHaveLength(250);
    expect(buckets.reduce((n, b) => n + (b?.total ?? 0), 0)).toBe(10_000);
  });

  test('offsets outside the text, an empty text or no rows never throw or lose a claim', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -10, max: 2000 }), { maxLength: 50 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 40 }), (starts, length, rows) => {
        const buckets = bucketClaims(starts.map((s, i) => claim(`c${i}`, s)), length, rows);
        expect(buckets).toHaveLength(rows);
        expect(buckets.reduce((n, b) => n + (b?.total ?? 0), 0)).toBe(rows === 0 ? 0 : starts.length);
      }),
    );
  });

  test('a click beside a mark lands on the nearest one within reach, the earlier on a tie', () => {
    const buckets = bucketClaims([claim('a', 20), claim('b', 60)], 100, 10);
    expect(nearestBucket(buckets, 2)?.firstId).toBe('a');
    expect(nearestBucket(buckets, 3, 1)?.firstId).toBe('a');
    expect(nearestBucket(buckets, 4)?.firstId).toBe('a');
    expect(nearestBucket(buckets, 5)?.firstId).toBe('b');
    expect(nearestBucket(buckets, 9, 2)).toBeNull();
    expect(nearestBucket(buckets, -5)?.firstId).toBe('a');
    expect(nearestBucket(bucketClaims([], 100, 10), 5)).toBeNull();
  });
});
