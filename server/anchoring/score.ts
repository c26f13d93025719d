/**
 * Scores a place in the text as a match for an anchor target: a weighted mean of how well the quote,
 * its context and its old position agree, in 0..1.
 */
import { prefixSimilarity, sameNumbers, suffixSimilarity } from './similarity';
import type { AnchorTarget } from './types';

/** A stretch of text that matches the quote with `errors` edits (insertions, deletions, substitutions). */
export interface QuoteMatch {
  start: number;
  end: number;
  errors: number;
}

/**
 * The weight of each signal. The quote weighs most, since it is what the claim says. The context
 * (the mean of prefix and suffix agreement) weighs enough that a quote surrounded by unrelated text
 * (which agrees with the old context about 0.3) cannot pass review on the quote alone. Position
 * only separates look-alikes: text inserted above a passage moves it without changing it. A signal
 * the target lacks (no context, no old position) is left out and the rest are rescaled.
 */
const WEIGHTS = { quote: 0.45, context: 0.4, position: 0.15 } as const;

/**
 * A match whose numbers differ from the quote's has its score multiplied by this, which puts it
 * below any sensible `minScore`: a changed figure is a changed claim, and a person must look at it.
 */
const NUMBER_MISMATCH_FACTOR = 0.5;

/**
 * The distance from the old position, in code units, at which the position score halves: one long
 * paragraph, or 5% of the document in long documents, where whole sections move.
 */
const positionScale = (textLength: number) => Math.max(500, textLength / 20);

/** Scores candidate matches of one target in one text. */
export class MatchScorer {
  private readonly quoteWeight: number;
  private readonly contextWeight: number;
  private readonly positionWeight: number;
  private readonly oldStart: number | null;

  constructor(
    private readonly text: string,
    private readonly target: AnchorTarget,
  ) {
    this.oldStart = Number.isFinite(target.start) ? (target.start as number) : null;
    const total =
      WEIGHTS.quote + (target.prefix || target.suffix ? WEIGHTS.context : 0) + (this.oldStart === null ? 0 : WEIGHTS.position);
    this.quoteWeight = WEIGHTS.quote / total;
    this.contextWeight = target.prefix || target.suffix ? WEIGHTS.context / total : 0;
    this.positionWeight = this.oldStart === null ? 0 : WEIGHTS.position / total;
  }

  /** 0..1: how well `match` fits the target. */
  score(match: QuoteMatch): number {
    const { text, target } = this;
    const quote = Math.max(0, 1 - match.errors / target.exact.length);
    let score = this.quoteWeight * quote;
    if (this.contextWeight > 0) {
      const sides = [prefixSimilarity(text, match.start, target.prefix), suffixSimilarity(text, match.end, target.suffix)];
      const known = sides.filter((s): s is number => s !== null);
      score += (this.contextWeight * known.reduce((a, b) => a + b, 0)) / known.length;
    }
    if (this.oldStart !== null) {
      const scale = positionScale(text.length);
      score += (this.positionWeight * scale) / (scale + Math.abs(match.start - this.oldStart));
    }
    if (match.errors > 0 && !sameNumbers(target.exact, text.slice(match.start, match.end))) score *= NUMBER_MISMATCH_FACTOR;
    return Math.min(1, score);
  }

  /**
   * The most quote errors a match can have and still reach `minimum`, whatever its context and
   * position: used to stop searching once no unseen match could matter.
   */
  maxErrorsFor(minimum: number): number {
    if (minimum <= 0) return Number.POSITIVE_INFINITY;
    return Math.floor(((1 - minimum) * this.target.exact.length) / this.quoteWeight + 1e-9);
  }
}
