/**
 * The anchoring module: where a claim or a piece of evidence sits in a document's canonical text,
 * as W3C selectors and as stored anchors, and how to find it again after the text changes.
 * Pure TypeScript with no DOM or Node APIs: the server and the browser both use it.
 */
export type {
  Anchor,
  AnchorCandidate,
  AnchorMethod,
  AnchorOptions,
  AnchorResult,
  AnchorTarget,
  ReviewReason,
  Selector,
  TextPositionSelector,
  TextQuoteSelector,
} from './types';
export { AnchorRangeError, anchorFromRange, DEFAULT_CONTEXT_LENGTH, snapToWords } from './range';
export { fromSelectors, toSelectors } from './selectors';
export { anchor, DEFAULT_MIN_MARGIN, DEFAULT_MIN_SCORE } from './anchor';
