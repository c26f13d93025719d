import type { Citation } from './citations';

export interface EvidenceOffer {
  claimId: string;
  citation: Citation;
}

/**
 * Footnotes offered as evidence: for each claim, the citations whose marker sits inside the claim
 * or right after the end of the sentence the claim ends in (`…in January 2015.[6]`).
 */
export function evidenceOffers(text: string, claims: Array<{ id: string; start: number; end: number }>, citations: Citation[]): EvidenceOffer[] {
  const offers: EvidenceOffer[] = [];
  for (const claim of claims) {
    const rest = text.slice(claim.end);
    // The sentence ends at the first full stop, question or exclamation mark, or paragraph break.
    const stop = rest.search(/[.!?](?=\s|\[|\^|$)|\n/);
    let sentenceEnd = claim.end + (stop === -1 ? rest.length : stop + 1);
    // Markers directly after the sentence belong to it, a chain of them too: `2015.[6][7]`.
    const trailing = /^(?:\s?(?:\[\d{1,4}(?:\s*[,–-]\s*\d{1,4})*\]|\^\d{1,4}))+/.exec(text.slice(sentenceEnd));
    if (trailing) sentenceEnd += trailing[0].length;
    for (const citation of citations) {
      if (citation.marker.start >= claim.start && citation.marker.end <= sentenceEnd) offers.push({ claimId: claim.id, citation });
    }
  }
  return offers;
}
