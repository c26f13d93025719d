/**
 * Statuses, verdicts and stances in words, as every screen and export shows them: the one place
 * they are written. The values themselves are in claim-doc.ts.
 */
import type { ClaimStatus, Stance, Verdict } from './claim-doc';

/** Claim statuses in their workflow order. */
export const STATUS_LABELS: Record<ClaimStatus, string> = {
  open: 'Open',
  in_review: 'In review',
  verified: 'Verified',
  rejected: 'Rejected',
};

/** Verdicts best to worst, then `unverifiable` (off the scale), as API.md orders them. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  accurate: 'Accurate',
  mostly_accurate: 'Mostly accurate',
  mixed: 'Mixed',
  mostly_inaccurate: 'Mostly inaccurate',
  inaccurate: 'Inaccurate',
  unverifiable: 'Unverifiable',
};

/** A revealed claim whose votes tie has no consensus verdict. */
export const NO_CONSENSUS_LABEL = 'No consensus';

export const STANCE_LABELS: Record<Stance, string> = { supports: 'Supports', refutes: 'Refutes', context: 'Context' };

/** "In review" for `in_review`; the value itself for one this build does not know. */
export const statusLabel = (status: string): string => STATUS_LABELS[status as ClaimStatus] ?? status;

/** "Mostly accurate" for `mostly_accurate`; "No consensus" for null. */
export const verdictLabel = (verdict: string | null): string => (verdict === null ? NO_CONSENSUS_LABEL : (VERDICT_LABELS[verdict as Verdict] ?? verdict));

export const stanceLabel = (stance: string): string => STANCE_LABELS[stance as Stance] ?? stance;
