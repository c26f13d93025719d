/**
 * Re-finding an anchor in a (possibly changed) text, with an ordered fallback: the stored position,
 * then exact copies of the quote, then approximate copies. A result that is not both good and
 * unambiguous is handed to a person (`needs_review`), never silently moved.
 */
import { exactMatches, FuzzyQuoteSearch, maxQuoteErrors, samePlace } from './match-quote';
import { anchorFromRange, DEFAULT_CONTEXT_LENGTH, isValidRange, snapToCharacters } from './range';
import { MatchScorer, type QuoteMatch } from './score';
import type { AnchorCandidate, AnchorOptions, AnchorResult, AnchorTarget } from './types';

/**
 * The lowest score accepted without review. With the weights in `score.ts`, an exact copy whose
 * context on both sides is unrelated text scores at most 0.72, so a quote that turns up in new
 * surroundings is reviewed even at its old place; an exact copy with one side of its context
 * intact passes unless it moved far (0.71 + 0.15 × position); an approximate copy with its
 * context intact passes up to the quarter-of-the-quote edit limit while it stays near its old place.
 */
export const DEFAULT_MIN_SCORE = 0.75;

/**
 * How far the best place must score above the best other place. Look-alike passages a few edits
 * apart score within a few hundredths of each other, so they must be told apart by their context
 * or their position: 0.1 is reached when the context of one clearly fits better, or, for identical
 * copies in identical context, when one is at the old place and the other more than two position
 * scales (1,000+ code units) away.
 */
export const DEFAULT_MIN_MARGIN = 0.1;

/**
 * Searches for approximate copies stop after this many tiers (each a pass over the text): the best
 * copies, and two tiers of runners-up to test the margin against.
 */
const MAX_FUZZY_PASSES = 3;

type ScoredMatch = QuoteMatch & { score: number };

/**
 * Finds `target` in `text`:
 * 1. `position`: the quote is still at `target.start..end` → score 1;
 * 2. `quote`: exact copies of the quote, told apart by context and distance from the old position;
 * 3. `fuzzy`: approximate copies (up to a quarter of the quote edited), scored on quote, context,
 *    position and unchanged numbers.
 * The best place is accepted when it scores at least `minScore` and at least `minMargin` above the
 * best other place; otherwise the result is `needs_review` with the reason and the best place found.
 * The accepted anchor carries fresh prefix and suffix from `text`. Exact steps take linear time;
 * only the fuzzy step (about 10 ms per pass over 250,000 code units) runs the approximate search.
 */
export function anchor(text: string, target: AnchorTarget, options: AnchorOptions = {}): AnchorResult {
  const minScore = options.minScore ?? DEFAULT_MIN_SCORE;
  const minMargin = options.minMargin ?? DEFAULT_MIN_MARGIN;
  const contextLength = options.contextLength ?? DEFAULT_CONTEXT_LENGTH;
  const { exact, start, end } = target;
  // An empty quote cannot be found; a batch re-anchoring thousands of claims reports it rather than throwing.
  if (!exact) return { status: 'needs_review', reason: 'not_found' };

  if (start !== undefined && end !== undefined && isValidRange(text, start, end) && text.slice(start, end) === exact) {
    return { status: 'anchored', anchor: anchorFromRange(text, start, end, contextLength), score: 1, method: 'position' };
  }

  const decide = (matches: ScoredMatch[]) => decideBetween(text, matches, { minScore, minMargin, contextLength });
  const scorer = new MatchScorer(text, target);
  const scored = exactMatches(text, exact).map((m) => ({ ...m, score: scorer.score(m) }));
  if (scored.length > 0) {
    const result = decide(scored);
    if (result.status === 'anchored') return result;
  }

  // No conclusive exact copy: an edited copy in the right context may still beat the exact ones.
  const maxErrors = maxQuoteErrors(exact.length);
  if (maxErrors >= 1) {
    const search = new FuzzyQuoteSearch(text, exact, scored);
    for (let pass = 0; pass < MAX_FUZZY_PASSES; pass++) {
      const errors = Math.min(maxErrors, scorer.maxErrorsFor(stillRelevant(scored, minScore, minMargin)));
      if (errors < 1) break;
      const tier = search.nextTier(errors);
      if (tier === null) break;
      for (const m of tier) scored.push({ ...m, score: scorer.score(m) });
    }
  }
  return decide(scored);
}

/**
 * The lowest score an unseen match needs to change the outcome: within `minMargin` of an acceptable
 * best (it would make the result ambiguous, or win), else `minScore` (it would be accepted).
 */
function stillRelevant(scored: readonly ScoredMatch[], minScore: number, minMargin: number): number {
  if (scored.length === 0) return 0;
  const best = scored.reduce((max, m) => Math.max(max, m.score), 0);
  return best >= minScore ? best - minMargin : minScore;
}

function decideBetween(
  text: string,
  matches: ScoredMatch[],
  { minScore, minMargin, contextLength }: { minScore: number; minMargin: number; contextLength: number },
): AnchorResult {
  if (matches.length === 0) return { status: 'needs_review', reason: 'not_found' };
  const ranked = [...matches].sort((a, b) => b.score - a.score || a.start - b.start);
  const best = ranked[0];
  const runnerUp = ranked.find((m) => !samePlace(m, best));
  const candidate = (m: ScoredMatch): AnchorCandidate => {
    const [start, end] = snapToCharacters(text, m.start, m.end);
    return { anchor: anchorFromRange(text, start, end, contextLength), score: m.score, method: m.errors === 0 ? 'quote' : 'fuzzy' };
  };
  if (best.score < minScore) return { status: 'needs_review', reason: 'low_score', best: candidate(best) };
  if (runnerUp && best.score - runnerUp.score < minMargin) {
    return { status: 'needs_review', reason: 'ambiguous', best: candidate(best), runnerUp: candidate(runnerUp) };
  }
  return { status: 'anchored', ...candidate(best) };
}
