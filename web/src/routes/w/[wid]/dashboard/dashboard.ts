import type { ClaimStatus, Verdict } from '$lib/verification';

/** A claim on one of the dashboard's to-do lists. */
export interface ClaimRef {
  id: string;
  documentId: string;
  documentTitle: string;
  /** The claim's quote. */
  exact: string;
  status: ClaimStatus;
  /** Votes cast so far (a number only: hidden verdicts never leave the server). */
  votes: number;
}

/** `GET /api/workspaces/:wid/dashboard` and `GET /api/documents/:id/dashboard`. */
export interface Dashboard {
  claims: number;
  byStatus: Record<ClaimStatus, number>;
  /** Consensus verdicts of revealed claims; `none` counts revealed claims whose votes tie. */
  verdicts: Record<Verdict | 'none', number>;
  /** Krippendorff's alpha (ordinal) over revealed verdicts; null when there is too little to compute it. */
  agreement: { alpha: number | null; pairable: number; units: number };
  quorum: number;
  /** Not yet revealed and short of the quorum: the fact-checkers' to-do list. */
  waitingForVotes: ClaimRef[];
  /** Revealed (or in review) but neither verified nor rejected: the lead's to-do list. */
  waitingForSignOff: ClaimRef[];
}

/** "0.82", "−0.15": two decimals, with a real minus sign. */
export function formatAlpha(alpha: number): string {
  return alpha.toFixed(2).replace('-', '−');
}

/**
 * What an alpha means, by Krippendorff's own thresholds: from 0.800 a team's verdicts can be
 * relied on, from 0.667 only tentatively, and below that they agree little more than chance.
 */
export function alphaReading(alpha: number): { label: string; tone: 'good' | 'fair' | 'poor' } {
  if (alpha >= 0.8) return { label: 'Reliable agreement', tone: 'good' };
  if (alpha >= 0.667) return { label: 'Tentative agreement', tone: 'fair' };
  return { label: 'Low agreement', tone: 'poor' };
}

/** `part` as a whole-number percentage of `total` (0 when the total is 0). */
export function percent(part: number, total: number): number {
  return total === 0 ? 0 : Math.round((part / total) * 100);
}
