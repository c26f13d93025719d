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
 * result is what `anchor()` takes as its target once it has an `exact`. Values of the wrong type
 * (a number for a quote, a string for an offset) are ignored.
 */
export function fromSelectors(selectors: readonly Selector[]): Partial<Anchor> {
  const quote = selectors.find((s): s is TextQuoteSelector => s.type === 'TextQuoteSelector');
  const position = selectors.find((s): s is TextPositionSelector => s.type === 'TextPositionSelector');
  const anchor: Partial<Anchor> = {};
  // Selectors come from other tools' files: a value of the wrong type is taken as absent.
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const offset = (v: unknown) => (Number.isSafeInteger(v) ? (v as number) : undefined);
  if (quote && text(quote.exact) !== undefined) {
    anchor.exact = text(quote.exact);
    if (text(quote.prefix) !== undefined) anchor.prefix = text(quote.prefix);
    if (text(quote.suffix) !== undefined) anchor.suffix = text(quote.suffix);
  }
  if (position && offset(position.start) !== undefined && offset(position.end) !== undefined) {
    anchor.start = offset(position.start);
    anchor.end = offset(position.end);
  }
  return anchor;
}
