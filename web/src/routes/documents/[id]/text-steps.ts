import { paragraphAt, type Span } from './text-offsets';

/** A step of the keyboard selection: by sentence or word, forwards (1) or back (-1). */
export type StepUnit = 'sentence' | 'word';

/** The units of a text as spans, trimmed of surrounding whitespace, in order. */
function segmentSpans(text: string, granularity: 'sentence' | 'word'): Span[] {
  const spans: Span[] = [];
  const segmenter = new Intl.Segmenter(undefined, { granularity });
  for (const part of segmenter.segment(text)) {
    if (granularity === 'word' && !part.isWordLike) continue;
    const lead = part.segment.length - part.segment.trimStart().length;
    const trimmed = part.segment.trim();
    if (!trimmed) continue;
    // A line break ends a sentence too (Intl.Segmenter breaks after it), so a heading stands alone.
    const start = part.index + lead;
    spans.push({ start, end: start + trimmed.length });
  }
  return spans;
}

// paragraphAt is a binary search over any sorted, non-overlapping spans: the last one starting at or before an offset.
const lastStartingBy = paragraphAt;

/**
 * Sentence and word steps over one document text, for selecting with the keyboard: the sentence
 * at a point, the next or previous sentence or word, and a selection extended or shrunk by one.
 * The text is segmented (Intl.Segmenter) once per unit, when first asked.
 */
export class TextSteps {
  readonly #text: string;
  readonly #units = new Map<StepUnit, Span[]>();

  constructor(text: string) {
    this.#text = text;
  }

  /** Every sentence or word of the text, in order. */
  units(unit: StepUnit): Span[] {
    let spans = this.#units.get(unit);
    if (!spans) this.#units.set(unit, (spans = segmentSpans(this.#text, unit)));
    return spans;
  }

  /** The sentence holding `offset`, else the first one after it, else the last one; null in a text without any. */
  sentenceAt(offset: number): Span | null {
    const sentences = this.units('sentence');
    if (!sentences.length) return null;
    const at = lastStartingBy(sentences, offset);
    if (at >= 0 && sentences[at].end > offset) return sentences[at];
    return sentences[at + 1] ?? sentences[sentences.length - 1];
  }

  /**
   * The unit after the selection (1: the first starting at or after its end) or before it (-1:
   * the last starting before its start); the selection itself when there is none that way.
   */
  move(selection: Span, unit: StepUnit, direction: 1 | -1): Span {
    const spans = this.units(unit);
    if (direction === 1) {
      const next = spans[lastStartingBy(spans, selection.end - 1) + 1];
      return next ? { ...next } : selection;
    }
    const previous = spans[lastStartingBy(spans, selection.start - 1)];
    return previous ? { ...previous } : selection;
  }

  /**
   * The selection with its end moved by one unit, its start kept: forwards to the end of the next
   * unit, back to the end of the unit before the last one in it (never shorter than one unit).
   */
  extend(selection: Span, unit: StepUnit, direction: 1 | -1): Span {
    const spans = this.units(unit);
    if (direction === 1) {
      const next = spans[lastStartingBy(spans, selection.end - 1) + 1];
      return next ? { start: selection.start, end: next.end } : selection;
    }
    // The unit the end is in (or just after) goes; the end lands on the end of the one before it.
    const last = lastStartingBy(spans, selection.end - 1);
    const previous = spans[last - 1];
    if (!previous || previous.end <= selection.start) return selection;
    return { start: selection.start, end: previous.end };
  }
}
