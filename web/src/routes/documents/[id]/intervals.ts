/** Something that covers `[start, end)` of the text (a claim's anchor, a selection). */
export interface Interval {
  start: number;
  end: number;
}

/**
 * Finds which intervals cover a text offset, for hit-testing highlights under the pointer.
 * Intervals are sorted by start once; a lookup binary-searches the last start at or before the
 * offset and walks back only while a running maximum of ends says a cover is still possible.
 */
export class IntervalIndex<T extends Interval> {
  readonly #items: T[];
  /** maxEnd[i] = the largest end among items[0..i]. */
  readonly #maxEnd: number[];

  constructor(items: Iterable<T>) {
    this.#items = [...items].sort((a, b) => a.start - b.start || a.end - b.end);
    this.#maxEnd = [];
    let max = -Infinity;
    for (const item of this.#items) this.#maxEnd.push((max = Math.max(max, item.end)));
  }

  /** Every interval with start <= offset < end, the shortest (innermost) first. */
  at(offset: number): T[] {
    let lo = 0;
    let hi = this.#items.length - 1;
    let last = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.#items[mid].start <= offset) {
        last = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    const hits: T[] = [];
    for (let i = last; i >= 0 && this.#maxEnd[i] > offset; i--) {
      if (this.#items[i].end > offset) hits.push(this.#items[i]);
    }
    return hits.sort((a, b) => a.end - a.start - (b.end - b.start) || a.start - b.start);
  }
}

/**
 * The stretches covered by at least `minDepth` intervals (default 2: where claims overlap), merged
 * and sorted, by a sweep over the interval ends.
 */
export function coveredAtLeast(intervals: Iterable<Interval>, minDepth = 2): Interval[] {
  const edges: Array<[offset: number, delta: number]> = [];
  for (const { start, end } of intervals) {
    if (start < end) edges.push([start, 1], [end, -1]);
  }
  // At the same offset, ends before starts: touching intervals do not overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Interval[] = [];
  let depth = 0;
  let openedAt = 0;
  for (const [offset, delta] of edges) {
    const before = depth;
    depth += delta;
    if (before < minDepth && depth >= minDepth) openedAt = offset;
    else if (before >= minDepth && depth < minDepth && offset > openedAt) {
      const last = out[out.length - 1];
      if (last && last.end === openedAt) last.end = offset;
      else out.push({ start: openedAt, end: offset });
    }
  }
  return out;
}
