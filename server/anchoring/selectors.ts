import type { Anchor, Selector, TextPositionSelector, TextQuoteSelector } from './types';

/**
 * The W3C selectors for a stored anchor, quote first (the one that survives edits), as a Web
 * Annotation's `target.selector` carries them. Empty prefix and suffix are kept, so the conversion
 * round-trips through `fromSelectors` exactly.
 */
export function toSelectors(anchor: Anchor): [TextQuoteSelector, TextPositionSelector] {
  return [
    { type: 'TextQuoteSelector', exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix },
    { type: 'TextPositionSelector', start: anchor.start, end: anchor.end },
  ];
}

/**
 * Merges a Web Annotation's selectors into one (partial) anchor: the quote and its context from the
 * first TextQuoteSelector, the offsets from the first TextPositionSelector. Selectors of other types
 * (a RangeSelector, say) are ignored, so whatever an annotation carries can be passed in. The
 * result is what `anchor()` takes as its target once it has an `exact`.
 */
export function fromSelectors(selectors: readonly Selector[]): Partial<Anchor> {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const anchor: Partial<Anchor> = {};
  if (quote) {
    anchor.exact = quote.exact;
    if (quote.prefix !== undefined) anchor.prefix = quote.prefix;
    if (quote.suffix !== undefined) anchor.suffix = quote.suffix;
  }
  if (position) {
    anchor.start = position.start;
    anchor.end = position.end;
  }
  return anchor;
}
