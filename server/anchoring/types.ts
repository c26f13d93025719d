/**
 * The shapes the anchoring module speaks. Offsets everywhere count UTF-16 code units of a
 * document's canonical text (JavaScript string indices), as API.md requires.
 */
import type { Anchor as StoredAnchor } from '../shared/claim-doc';

/**
 * W3C Web Annotation TextQuoteSelector (annotation-model §4.2.4): the selected text itself, with
 * a little of the text before and after it to tell repeated copies apart.
 */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  /** The selected text, verbatim. */
  exact: string;
  /** Text immediately before `exact` (may be empty at the start of the document). */
  prefix?: string;
  /** Text immediately after `exact` (may be empty at the end of the document). */
  suffix?: string;
}

/**
 * W3C Web Annotation TextPositionSelector (annotation-model §4.2.5): `[start, end)` offsets into the
 * text. The model leaves the counting unit open (w3c/web-annotation#206); Corroborate counts UTF-16
 * code units, like browsers' DOM offsets and Hypothesis.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** The selectors this module understands, as they appear in a Web Annotation's `target.selector`. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/**
 * What a claim or a piece of evidence stores: both selectors at once, flattened. The shape is
 * written once, in the module the server and the web app share.
 */
export type Anchor = StoredAnchor;

/** What `anchor()` looks for: at least the quote; the old position and context when known. */
export type AnchorTarget = Pick<Anchor, 'exact'> & Partial<Omit<Anchor, 'exact'>>;

/**
 * How a match was found: `position` = the quote is still at its stored offsets; `quote` = the quote
 * occurs verbatim elsewhere; `fuzzy` = only an approximate copy of the quote was found.
 */
export type AnchorMethod = 'position' | 'quote' | 'fuzzy';

/** A place in the text the target may now refer to. */
export interface AnchorCandidate {
  /** The candidate as a fresh anchor: its prefix and suffix are taken from the current text. */
  anchor: Anchor;
  /** 0..1: how well quote, context and position agree (see `score.ts`). */
  score: number;
  method: AnchorMethod;
}

/**
 * Why an anchor needs a person: `not_found` = no copy of the quote, even approximate;
 * `low_score` = the best copy agrees too little with the quote, its context or its numbers;
 * `ambiguous` = two places fit almost equally well.
 */
export type ReviewReason = 'not_found' | 'low_score' | 'ambiguous';

/** The outcome of `anchor()`: an anchor is never moved unless the match is good and unambiguous. */
export type AnchorResult =
  | ({ status: 'anchored' } & AnchorCandidate)
  | {
      status: 'needs_review';
      reason: ReviewReason;
      /** The best place found, for a reviewer to confirm (absent when nothing was found). */
      best?: AnchorCandidate;
      /** For `ambiguous`: the other place that fits almost as well. */
      runnerUp?: AnchorCandidate;
    };

/** Tuning for `anchor()`; the defaults are explained where they are defined (`anchor.ts`). */
export interface AnchorOptions {
  /** The lowest score at which a match is accepted without review. */
  minScore?: number;
  /** How far the best match must score above the best match elsewhere. */
  minMargin?: number;
  /** How many code units of prefix and suffix a fresh anchor keeps. */
  contextLength?: number;
}
