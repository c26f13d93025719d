import { findCitations, notesSectionStart, type Citation } from '../shared/footnote-citations';
import { suggestClaims, type ClaimSuggestion } from './claims';
import { evidenceOffers, type EvidenceOffer } from '../shared/footnote-offers';

/** An existing claim, as suggestions need it: where it is and the excerpts of its evidence. */
export interface ExistingClaim {
  id: string;
  start: number;
  end: number;
  excerpts: Array<string | null>;
}

export interface Suggestions {
  claims: ClaimSuggestion[];
  citations: Citation[];
  evidence: EvidenceOffer[];
}

/**
 * Suggestions for a document: check-worthy sentences no claim covers yet, footnote markers linked
 * to their footnotes, and, for existing claims, the footnotes their sentences cite that are not
 * already their evidence. CPU-heavy (sentence analysis): the server runs it in a worker thread.
 */
export async function suggestionsFor(text: string, existing: ExistingClaim[]): Promise<Suggestions> {
  const citations = findCitations(text);
  const claims = (await suggestClaims(text, notesSectionStart(text, citations))).filter((s) => !existing.some((a) => a.start < s.end && s.start < a.end));
  const evidence = evidenceOffers(text, existing, citations).filter(
    (offer) => !existing.find((c) => c.id === offer.claimId)!.excerpts.includes(offer.citation.footnote.text),
  );
  return { claims, citations, evidence };
}
