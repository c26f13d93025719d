import { highlightsSupported } from './highlight-painter';
import type { Interval } from './intervals';
import type { TextMap } from './text-dom';

/** Highlight names: every suggested sentence faintly, and the one shown from the list strongly. */
export const SUGGESTION_HIGHLIGHT = { faint: 'cb-suggestion', active: 'cb-suggestion-active' } as const;

/**
 * Marks suggested sentences in the reader with the CSS Custom Highlight API, as highlight-painter.ts
 * draws claims, in layers of their own beneath the claims' (negative priority: a claim drawn over
 * a suggestion wins). The text DOM is never touched.
 */
export class SuggestionPainter {
  readonly #map: TextMap;
  readonly #enabled = highlightsSupported();
  readonly #faint: Highlight | null = null;
  readonly #active: Highlight | null = null;
  #painted: readonly Interval[] = [];

  constructor(map: TextMap) {
    this.#map = map;
    if (!this.#enabled) return;
    this.#faint = new Highlight();
    this.#faint.priority = -2;
    this.#active = new Highlight();
    this.#active.priority = -1;
    CSS.highlights.set(SUGGESTION_HIGHLIGHT.faint, this.#faint);
    CSS.highlights.set(SUGGESTION_HIGHLIGHT.active, this.#active);
  }

  /** Marks these sentences faintly (an empty list: none). Repaints only when the list changed. */
  paint(sentences: readonly Interval[]): void {
    if (!this.#faint) return;
    if (sentences.length === this.#painted.length && sentences.every((s, i) => s.start === this.#painted[i].start && s.end === this.#painted[i].end)) return;
    this.#painted = sentences.map(({ start, end }) => ({ start, end }));
    this.#faint.clear();
    for (const { start, end } of sentences) {
      const range = this.#map.range(start, end);
      if (range) this.#faint.add(range);
    }
  }

  /** Marks one sentence strongly (null: none); returns its range, for scrolling to it. */
  paintActive(sentence: Interval | null): Range | null {
    if (!this.#active) return sentence ? this.#map.range(sentence.start, sentence.end) : null;
    this.#active.clear();
    const range = sentence ? this.#map.range(sentence.start, sentence.end) : null;
    if (range) this.#active.add(range);
    return range;
  }

  destroy(): void {
    if (!this.#enabled) return;
    CSS.highlights.delete(SUGGESTION_HIGHLIGHT.faint);
    CSS.highlights.delete(SUGGESTION_HIGHLIGHT.active);
  }
}

/** The sentence (from `sorted`, by start, not overlapping) holding `offset`, or null (binary search). */
export function sentenceAt<T extends Interval>(sorted: readonly T[], offset: number): T | null {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return s;
  }
  return null;
}
