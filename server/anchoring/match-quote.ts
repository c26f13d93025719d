/**
 * Finding copies of a quote in a text: exact copies with `indexOf` (linear time), approximate ones
 * with Myers' bit-parallel algorithm from `approx-string-match`, a tier of equally good ones at a time.
 */
import approxSearch from 'approx-string-match';
import type { QuoteMatch } from './score';

/**
 * Longest pattern handed to the approximate search, in code units. Longer quotes are located by
 * their opening and then measured whole in a small window around each place found, which keeps the
 * search at about 10 ms per pass over 250,000 code units however long the quote (measured in
 * tests/unit/anchoring.test.ts). A long quote whose opening was rewritten is therefore not found.
 */
export const MAX_SEARCH_PATTERN = 256;

/**
 * The most edits an approximate copy of a quote may have: a quarter of its length (beyond that,
 * English passages start to resemble unrelated ones), and never more than 512, which keeps the
 * window check of very long quotes cheap.
 */
export function maxQuoteErrors(quoteLength: number): number {
  return Math.min(512, Math.floor(quoteLength / 4));
}

/** Every exact occurrence of `quote` in `text`, overlapping ones included, in order. */
export function exactMatches(text: string, quote: string): QuoteMatch[] {
  const matches: QuoteMatch[] = [];
  if (!quote) return matches;
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    matches.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return matches;
}

/** Whether two matches are one place: they overlap by more than half the shorter one. */
export function samePlace(a: QuoteMatch, b: QuoteMatch): boolean {
  const overlap = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return overlap > Math.min(a.end - a.start, b.end - b.start) / 2;
}

/**
 * Stands in for text already matched, so the next search finds the next-best copies. A
 * noncharacter: canonical text never contains it, so every masked code unit costs an edit.
 */
const MASK = '\uffff';

function mask(text: string, ranges: readonly QuoteMatch[]): string {
  if (ranges.length === 0) return text;
  const sorted = [...ranges].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let at = 0;
  for (const { start, end } of sorted) {
    const from = Math.max(at, start);
    if (end <= from) continue;
    parts.push(text.slice(at, from), MASK.repeat(end - from));
    at = end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/**
 * Approximate copies of a quote, best first, one tier at a time. `approx-string-match` returns only
 * the copies with the fewest errors; to see the runner-up (a look-alike passage elsewhere) each
 * tier is masked out of the text before the next search.
 */
export class FuzzyQuoteSearch {
  private masked: string;
  private readonly pattern: string;

  /** @param exclude places already accounted for (the exact copies), masked from the start. */
  constructor(
    text: string,
    private readonly quote: string,
    exclude: readonly QuoteMatch[] = [],
  ) {
    this.pattern = quote.slice(0, MAX_SEARCH_PATTERN);
    this.masked = mask(text, exclude);
  }

  /**
   * The next tier: the not-yet-returned copies with the fewest errors, at most `maxErrors`
   * (counted over the whole quote), one per place. Null once the search finds nothing more.
   */
  nextTier(maxErrors: number): QuoteMatch[] | null {
    const patternErrors = Math.min(maxErrors, Math.floor(this.pattern.length / 4));
    if (patternErrors < 1) return null;
    const found = approxSearch(this.masked, this.pattern, patternErrors);
    if (found.length === 0) return null;
    const matches = this.pattern === this.quote ? found : found.flatMap((m) => this.measureWhole(m, maxErrors) ?? []);
    this.masked = mask(this.masked, [...found, ...matches]);
    const tier: QuoteMatch[] = [];
    for (const m of matches) if (!tier.some((t) => samePlace(t, m))) tier.push(m);
    return tier;
  }

  /** The whole quote's best copy in a window starting where its opening was found. */
  private measureWhole(opening: QuoteMatch, maxErrors: number): QuoteMatch | null {
    const errors = Math.min(maxErrors, maxQuoteErrors(this.quote.length));
    // The opening's alignment can start up to its own error count late.
    const from = Math.max(0, opening.start - opening.errors);
    const stretch = this.masked.slice(from, opening.start + this.quote.length + errors);
    const best = approxSearch(stretch, this.quote, errors).sort(
      (a, b) => Math.abs(a.start + from - opening.start) - Math.abs(b.start + from - opening.start),
    )[0];
    return best ? { start: from + best.start, end: from + best.end, errors: best.errors } : null;
  }
}
