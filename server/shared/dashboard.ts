/**
 * The shape of the dashboards (`GET /api/workspaces/:wid/dashboard`, `GET /api/documents/:id/dashboard`),
 * written once for the server that computes them and the web app that shows them.
 */
import type { ClaimStatus, Verdict } from './claim-doc';

/** Krippendorff's alpha with what it rests on. */
export interface Agreement {
  /** Alpha, or null when there are not `enough` judgements or it is undefined (no variation at all). */
  alpha: number | null;
  /** Pairable values: judgements in units that have at least two of them. */
  pairable: number;
  /** Units (claims) with at least two judgements. */
  units: number;
  /**
   * Whether there are enough judgements for alpha to mean something (`minimum`); when false,
   * `alpha` is null: one or two claims decide it whatever the team's reliability.
   */
  enough: boolean;
  /** What "enough" is: this many claims with two or more votes, and this many pairable judgements. */
  minimum: { units: number; pairable: number };
}

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

export interface Dashboard {
  claims: number;
  byStatus: Record<ClaimStatus, number>;
  /** Consensus verdicts of revealed claims; `none` counts revealed claims whose vote is tied. */
  verdicts: Record<Verdict | 'none', number>;
  /** Krippendorff's alpha (ordinal) over revealed verdicts. */
  agreement: Agreement;
  quorum: number;
  /** Not yet revealed and short of the quorum: fact-checkers' to-do list. */
  waitingForVotes: ClaimRef[];
  /** Revealed (or in review) but neither verified nor rejected: the lead's to-do list. */
  waitingForSignOff: ClaimRef[];
}
