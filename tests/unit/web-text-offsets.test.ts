import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { splitParagraphs } from '../../web/src/routes/documents/[id]/paragraphs';
import { locateRange, paragraphAt, tidySelection } from '../../web/src/routes/documents/[id]/text-offsets';

const TEXT = 'First paragraph.\n\nSecond one, longer.\n\n  Third.';
const PARAGRAPHS = splitParagraphs(TEXT); // [0,16) [18,37) [41,47)

describe('paragraphAt', () => {
  test('finds the last paragraph starting at or before an offset', () => {
    expect(PARAGRAPHS.map((p) => [p.start, p.end])).toEqual([
      [0, 16],
      [18, 37],
      [41, 47],
    ]);
    expect(paragraphAt(PARAGRAPHS, 0)).toBe(0);
    expect(paragraphAt(PARAGRAPHS, 17)).toBe(0);
    expect(paragraphAt(PARAGRAPHS, 18)).toBe(1);
    expect(paragraphAt(PARAGRAPHS, 46)).toBe(2);
    expect(paragraphAt(PARAGRAPHS, 1000)).toBe(2);
    expect(paragraphAt([{ start: 3, end: 5 }], 1)).toBe(-1);
    expect(paragraphAt([], 1)).toBe(-1);
  });

  test('agrees with a linear scan on any paragraph list', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 40 }), fc.nat(600), (gaps, offset) => {
        let at = 0;
        const spans = gaps.map((gap) => {
          const start = at + gap;
          at = start + 5;
          return { start, end: at };
        });
        let expected = -1;
        spans.forEach((s, i) => {
          if (s.start <= offset) expected = i;
        });
        expect(paragraphAt(spans, offset)).toBe(expected);
      }),
    );
  });
});

describe('locateRange', () => {
  test('maps a range inside one paragraph to offsets in that paragraph', () => {
    expect(locateRange(PARAGRAPHS, 19, 25)).toEqual({ from: { index: 1, offset: 1 }, to: { index: 1, offset: 7 } });
  });

  test('moves the ends of a range out of the blank gaps between paragraphs', () => {
    // From the gap after the first paragraph to the gap before the third.
    expect(locateRange(PARAGRAPHS, 16, 40)).toEqual({ from: { index: 1, offset: 0 }, to: { index: 1, offset: 19 } });
    expect(locateRange(PARAGRAPHS, 10, 43)).toEqual({ from: { index: 0, offset: 10 }, to: { index: 2, offset: 2 } });
  });

  test('covers exactly the rendered text of the range', () => {
    fc.assert(
      fc.property(fc.nat(TEXT.length), fc.nat(TEXT.length), (a, b) => {
        const [start, end] = a < b ? [a, b] : [b, a];
        const located = locateRange(PARAGRAPHS, start, end);
        const rendered = PARAGRAPHS.flatMap((p) => [...Array(p.end - p.start).keys()].map((i) => p.start + i)).filter((o) => o >= start && o < end);
        if (!located) {
          expect(rendered).toEqual([]);
          return;
        }
        const from = PARAGRAPHS[located.from.index].start + located.from.offset;
        const to = PARAGRAPHS[located.to.index].start + located.to.offset;
        expect(from).toBe(rendered[0]);
        expect(to).toBe(rendered[rendered.length - 1] + 1);
      }),
    );
  });

  test('is null for an empty range or one inside a gap', () => {
    expect(locateRange(PARAGRAPHS, 5, 5)).toBeNull();
    expect(locateRange(PARAGRAPHS, 16, 18)).toBeNull();
    expect(locateRange(PARAGRAPHS, 37, 41)).toBeNull();
    expect(locateRange([], 0, 3)).toBeNull();
  });
});

describe('tidySelection', () => {
  test('trims whitespace at both ends and keeps what is inside', () => {
    // "h.\n\nSecond one, " → "h.\n\nSecond one,"
    expect(tidySelection(TEXT, 14, 30)).toEqual({ start: 14, end: 29 });
    expect(tidySelection(TEXT, 16, 24)).toEqual({ start: 18, end: 24 });
    expect(tidySelection(TEXT, 30, 14)).toEqual({ start: 14, end: 29 });
  });

  test('is null for a selection of whitespace only', () => {
    expect(tidySelection(TEXT, 16, 18)).toBeNull();
    expect(tidySelection(TEXT, 5, 5)).toBeNull();
  });

  test('widens an end that cuts an emoji in half', () => {
    const text = 'Wave 🌊 here';
    expect(tidySelection(text, 6, 11)).toEqual({ start: 5, end: 11 });
    expect(tidySelection(text, 0, 6)).toEqual({ start: 0, end: 7 });
  });
});
