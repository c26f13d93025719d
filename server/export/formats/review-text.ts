import type { ClaimJson } from '../../claims/schemas';
import type { Verdict } from '../../shared/claim-doc';
import { VERDICT_LABELS } from '../../shared/labels';


/** What a sign-off overrode, in words. */
export const OVERRIDE_WORDS: Record<string, string> = {
  no_evidence: 'without evidence',
  no_revealed_vote: 'without a revealed vote',
  no_consensus: 'without a consensus among the blind votes',
  rating_not_consensus: "with a rating other than the blind votes' consensus",
};

/** The consensus that may be published: the blind tally of the current round, once revealed. */
export const publishedConsensus = (claim: ClaimJson): Verdict | null => (claim.revealed ? claim.tally.consensus : null);

/** One override in words; a rating chosen over the consensus names both ("rated Inaccurate over the blind votes' consensus, Mixed"). */
function overrideWords(claim: ClaimJson, override: string): string {
  const consensus = publishedConsensus(claim);
  if (override === 'rating_not_consensus' && claim.signOff?.rating && consensus) {
    return `rated ${VERDICT_LABELS[claim.signOff.rating]} over the blind votes' consensus, ${VERDICT_LABELS[consensus]}`;
  }
  return OVERRIDE_WORDS[override] ?? override;
}

/** "Signed off as verified without evidence and without a revealed vote", or null when nothing was overridden. */
export function overrideSentence(claim: ClaimJson): string | null {
  const override = claim.signOff?.override ?? [];
  if (override.length === 0) return null;
  return `Signed off as ${claim.status} ${override.map((o) => overrideWords(claim, o)).join(' and ')}.`;
}

/**
 * The votes of the revealed current round that do not count, in words: revised verdicts ("Ana
 * revised Mixed → Accurate after reveal: the ministry corrected its figure (2024-05-02)") and votes
 * first cast after reveal. They are shown as such, never folded into the consensus.
 */
export function voteNotes(claim: ClaimJson): string[] {
  if (!claim.revealed) return [];
  const notes: string[] = [];
  for (const v of claim.votes) {
    if (v.revised) {
      notes.push(`${v.user.name} revised ${VERDICT_LABELS[v.verdict]} → ${VERDICT_LABELS[v.revised.verdict]} after reveal: ${v.revised.reason} (${v.revised.at.slice(0, 10)}).`);
    }
    if (v.afterReveal) notes.push(`${v.user.name} voted ${VERDICT_LABELS[v.verdict]} after reveal (not counted).`);
  }
  return notes;
}

/** The published "why": the lead's rationale, then any override and the revisions, as one text; null when there is none. */
export function reviewBody(claim: ClaimJson): string | null {
  const parts = [claim.signOff?.rationale ?? null, overrideSentence(claim), ...voteNotes(claim)].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' ') : null;
}
