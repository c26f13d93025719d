import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { coveredAtLeast, IntervalIndex } from '../../web/src/routes/documents/[id]/intervals';

const interval = fc.tuple(fc.nat(200), fc.integer({ min: 1, max: 40 })).map(([start, length]) => ({ start, end: start + length }));

describe('IntervalIndex', () => {
  test('finds every interval covering an offset, innermost first', () => {
    const index = new IntervalIndex([
      { start: 0, end: 50, id: 'outer' },
      { start: 10, end: 20, id: 'inner' },
      { start: 18, end: 30, id: 'crossing' },
      { start: 60, end: 70, id: 'later' },
    ]);
    expect(index.at(15).map((i) => i.id)).toEqual(['inner', 'outer']);
    expect(index.at(19).map((i) => i.id)).toEqual(['inner', 'crossing', 'outer']);
    expect(index.at(20).map((i) => i.id)).toEqual(['crossing', 'outer']);
    expect(index.at(55)).toEqual([]);
    expect(index.at(69).map((i) => i.id)).toEqual(['later']);
    expect(index.at(70)).toEqual([]);
    expect(new IntervalIndex([]).at(3)).toEqual([]);
  });

  test('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 60 }), fc.nat(260), (items, offset) => {
        const hits = new IntervalIndex(items).at(offset);
        const expected = items.filter((i) => i.start <= offset && offset < i.end);
        expect(new Set(hits)).toEqual(new Set(expected));
        expect(hits).toHaveLength(expected.length);
        for (let i = 1; i < hits.length; i++) expect(hits[i].end - hits[i].start).toBeGreaterThanOrEqual(hits[i - 1].end - hits[i - 1].start);
      }),
    );
  });

  // Run on every pointer move over the reader: a lookup must not scan all the claims. Its work is
  // counted as reads of the intervals' bounds (how long it takes is the render benchmark's).
  test('a lookup among 2,000 intervals reads a logarithmic number of them, not all', () => {
    let reads = 0;
    const counted = (start: number, end: number) => ({
      get start() {
        reads++;
        return start;
      },
      get end() {
        reads++;
        return end;
      },
    });
    const bounds = Array.from({ length: 2000 }, (_, i) => ({ start: i * 16, end: i * 16 + 12 }));
    const index = new IntervalIndex(bounds.map((b) => counted(b.start, b.end)));
    const budget = 2 * Math.ceil(Math.log2(bounds.length)) + 6;
    for (let i = 0; i < 1000; i++) {
      const offset = (i * 7919) % 32_000;
      reads = 0;
      const hits = index.at(offset);
      expect(reads).toBeLessThanOrEqual(budget);
      const expected = bounds.filter((b) => b.start <= offset && offset < b.end);
      expect(hits.map((h) => [h.start, h.end])).toEqual(expected.map((b) => [b.start, b.end]));
    }
  });
});

describe('coveredAtLeast', () => {
  test('finds the stretches where two or more intervals overlap', () => {
    expect(
      coveredAtLeast([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 8, end: 12 },
        { start: 20, end: 30 },
      ]),
    ).toEqual([{ start: 5, end: 12 }]);
    // Touching is not overlapping.
    expect(coveredAtLeast([{ start: 0, end: 5 }, { start: 5, end: 9 }])).toEqual([]);
  });

  test('agrees with counting each offset', () => {
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 30 }), fc.integer({ min: 1, max: 3 }), (items, depth) => {
        const covered = new Set<number>();
        for (let o = 0; o < 260; o++) if (items.filter((i) => i.start <= o && o < i.end).length >= depth) covered.add(o);
        const stretches = coveredAtLeast(items, depth);
        const fromStretches = new Set(stretches.flatMap((s) => [...Array(s.end - s.start).keys()].map((k) => s.start + k)));
        expect(fromStretches).toEqual(covered);
        for (let i = 1; i < stretches.length; i++) expect(stretches[i].start).toBeGreaterThan(stretches[i - 1].end);
      }),
    );
  });
});
