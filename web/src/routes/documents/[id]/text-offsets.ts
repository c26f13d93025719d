/**
 * Pure arithmetic between document offsets and paragraphs, for the reader's DOM mapping
 * (`text-dom.ts`). A paragraph is `{start, end}` in UTF-16 code units of the canonical text; the
 * list is sorted and non-overlapping, with gaps where blank lines were left out.
 */
export interface Span {
  start: number;
  end: number;
}

/** A place inside one paragraph: its index in the list and the offset within its text. */
export interface ParagraphPoint {
  index: number;
  offset: number;
}

/** The index of the last paragraph starting at or before `offset` (binary search); -1 before the first. */
export function paragraphAt(paragraphs: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = paragraphs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Where `[start, end)` of the text lies in the paragraphs: the start moves forward and the end back
 * out of the blank gaps between paragraphs (which are not rendered). Null when nothing rendered is
 * covered (an empty range, or one entirely inside a gap).
 */
export function locateRange(paragraphs: readonly Span[], start: number, end: number): { from: ParagraphPoint; to: ParagraphPoint } | null {
  if (!(start < end) || paragraphs.length === 0) return null;
  let fromIndex = paragraphAt(paragraphs, start);
  let fromOffset: number;
  if (fromIndex === -1 || start >= paragraphs[fromIndex].end) {
    fromIndex++;
    if (fromIndex >= paragraphs.length) return null;
    fromOffset = 0;
  } else {
    fromOffset = start - paragraphs[fromIndex].start;
  }
  const toIndex = paragraphAt(paragraphs, end - 1);
  if (toIndex < fromIndex) return null;
  const to = paragraphs[toIndex];
  const toOffset = Math.min(end, to.end) - to.start;
  if (toIndex === fromIndex && toOffset <= fromOffset) return null;
  return { from: { index: fromIndex, offset: fromOffset }, to: { index: toIndex, offset: toOffset } };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * A selection as a claim should take it: whitespace trimmed from both ends, and ends that cut a
 * surrogate pair widened to the whole character. Null when nothing but whitespace is selected.
 */
export function tidySelection(text: string, start: number, end: number): Span | null {
  let s = Math.max(0, Math.min(start, end));
  let e = Math.min(text.length, Math.max(start, end));
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  if (s >= e) return null;
  if (s > 0 && isLow(text.charCodeAt(s)) && isHigh(text.charCodeAt(s - 1))) s--;
  if (e < text.length && isLow(text.charCodeAt(e)) && isHigh(text.charCodeAt(e - 1))) e++;
  return { start: s, end: e };
}
