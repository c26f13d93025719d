/**
 * Footnote markers and the footnotes they point to, and the footnotes a claim's sentence cites, for
 * the web app too (the reader renders markers as links and offers a claim its footnotes as
 * evidence, on the text it shows, without asking the server). The rules live in
 * server/suggestions (citations.ts, offers.ts): pure functions, no Node APIs.
 */
export { findCitations, type Citation, type Span } from '../suggestions/citations';
export { evidenceOffers, sentenceEndAfter, type EvidenceOffer } from '../suggestions/offers';
