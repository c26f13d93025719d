/**
 * Offsets in Unicode code points, as the Web Annotation model counts a TextPositionSelector's
 * `start` and `end` (annotation-model §4.2.5: "characters"), converted at the boundary to and from
 * the UTF-16 code units every stored anchor counts in (JavaScript string indices). Only the two
 * differ where the text has characters outside the Basic Multilingual Plane (an emoji, a flag's two
 * regional indicators): each is one code point and two code units.
 */
export class CodePointOffsets {
  /** UTF-16 index of each character outside the BMP (the high surrogate of each pair), ascending. */
  private readonly astral: number[] = [];

  constructor(private readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) this.astral.push(i++);
      }
    }
  }

  /** How many code points the text has. */
  get length(): number {
    return this.text.length - this.astral.length;
  }

  /** The code point offset of a UTF-16 offset (one inside a surrogate pair counts as the pair's start). */
  fromUtf16(offset: number): number {
    const before = this.pairsStartingBefore(offset);
    // Inside a pair: the pair's own start.
    if (before > 0 && this.astral[before - 1] === offset - 1) return offset - 1 - (before - 1);
    // Each pair before `offset` took two units for one code point.
    return offset - before;
  }

  /** The UTF-16 offset of a code point offset; null past the end of the text or for a non-integer. */
  toUtf16(codePoint: number): number | null {
    if (!Number.isSafeInteger(codePoint) || codePoint < 0 || codePoint > this.length) return null;
    // Binary search for the number k of pairs before the answer: answer = codePoint + k, and the
    // k-th pair (0-based) must start at or after it.
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] < codePoint + mid) lo = mid + 1;
      else hi = mid;
    }
    return codePoint + lo;
  }

  private pairsStartingBefore(offset: number): number {
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.astral[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
