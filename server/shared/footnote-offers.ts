import type { Citation } from './footnote-citations';

export interface EvidenceOffer {
  claimId: string;
  citation: Citation;
}

/** A sentence end: a full stop, question or exclamation mark (and any closing quotes or brackets after it) before a space, a marker or the end. */
const SENTENCE_END = /[.!?]["'’”»)]*(?=\s|\[|\^|$)|\n/;
/** The marker or chain of markers right after a sentence's end: `2015.[6][7]`, `2015. [6]`. */
const TRAILING_MARKERS = /^(?:[ \t\u00a0]?(?:\[\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\]|\^\d{1,4}))+/;
/** A passage that already ends a sentence (its full stop, with any closing quotes), optionally followed by its markers. */
const ENDS_SENTENCE = /[.!?]["'’”»)]*(?:[ \t\u00a0]?(?:\[\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\]|\^\d{1,4}))*\s*$/;

/**
 * Where the sentence that `[start, end)` of the text ends in is over, markers included: the
 * passage's own full stop when it ends in one (`…six hours.`), else the first sentence end after
 * it (`…six hours` → `.`), then any markers directly after (`.[3]`, `.[3][4]`). The next sentence
 * (and its markers) never belongs to it.
 */
export function sentenceEndAfter(text: string, start: number, end: number): number {
  let stop = end;
  // A full stop ends the sentence only before a space, a marker or the end (not `4.` of `4.3`).
  const endsSentence = ENDS_SENTENCE.test(text.slice(Math.max(start, end - 200), end)) && /^(?:\s|\[|\^|$)/.test(text.slice(end, end + 1));
  if (!endsSentence) {
    const rest = text.slice(end);
    const found = rest.search(SENTENCE_END);
    stop = end + (found === -1 ? rest.length : rest[found] === '\n' ? found : found + SENTENCE_END.exec(rest)![0].length);
  }
  const trailing = TRAILING_MARKERS.exec(text.slice(stop));
  return trailing ? stop + trailing[0].length : stop;
}

/**
 * Footnotes offered as evidence: for each claim, the citations whose marker sits inside the claim
 * or right after the end of the sentence the claim ends in (`…in January 2015.[6]`), never those
 * of the next sentence.
 */
export function evidenceOffers(text: string, claims: Array<{ id: string; start: number; end: number }>, citations: Citation[]): EvidenceOffer[] {
  const offers: EvidenceOffer[] = [];
  for (const claim of claims) {
    const sentenceEnd = sentenceEndAfter(text, claim.start, claim.end);
    for (const citation of citations) {
      if (citation.marker.start >= claim.start && citation.marker.end <= sentenceEnd) offers.push({ claimId: claim.id, citation });
    }
  }
  return offers;
}
