import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db';
import { claims, documents, votes, type RevealRule } from '../../db/schema';
import { CLAIM_STATUSES, VERDICTS, type ClaimStatus, type Verdict } from '../shared/claim-doc';
import type { ClaimRef, Dashboard } from '../shared/dashboard';
import { dashboardAgreement, tally } from '../votes/agreement';

/**
 * Claims by status, verdict distribution, Krippendorff's alpha and the to-do lists, for a workspace
 * or one document. Verdicts and alpha rest on the blind votes of each claim's current round; under
 * the `lead` reveal rule, the lead's to-do list also has the claims whose votes wait to be revealed.
 */
export async function dashboard(
  db: Db,
  scope: { workspaceId: string; documentId?: string },
  { quorum, revealRule }: { quorum: number; revealRule: RevealRule },
): Promise<Dashboard> {
  // Deleted claims (kept for an undo) count nowhere.
  const inScope = and(scope.documentId ? eq(claims.documentId, scope.documentId) : eq(documents.workspaceId, scope.workspaceId), isNull(claims.deletedAt));
  const rows = await db
    .select({ id: claims.id, documentId: claims.documentId, title: documents.title, exact: claims.exact, status: claims.status, revealedAt: claims.revealedAt })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(inScope)
    .orderBy(asc(documents.createdAt), asc(claims.start));
  const voteRows = await db
    .select({ claimId: votes.claimId, verdict: votes.verdict })
    .from(votes)
    .innerJoin(claims, eq(claims.id, votes.claimId))
    .innerJoin(documents, eq(documents.id, claims.documentId))
    // Only the blind votes of each claim's current round: revisions, votes after reveal and votes
    // on earlier wording never move a consensus or alpha.
    .where(and(inScope, eq(votes.round, claims.voteRound), eq(votes.afterReveal, false)));
  const verdictsOf = new Map<string, Verdict[]>();
  for (const v of voteRows) verdictsOf.set(v.claimId, [...(verdictsOf.get(v.claimId) ?? []), v.verdict]);

  const byStatus = Object.fromEntries(CLAIM_STATUSES.map((s) => [s, 0])) as Record<ClaimStatus, number>;
  const verdicts = Object.fromEntries([...VERDICTS, 'none'].map((v) => [v, 0])) as Record<Verdict | 'none', number>;
  const revealedVerdicts: Verdict[][] = [];
  const waitingForVotes: ClaimRef[] = [];
  const waitingForSignOff: ClaimRef[] = [];
  for (const c of rows) {
    byStatus[c.status]++;
    const vs = verdictsOf.get(c.id) ?? [];
    const ref = { id: c.id, documentId: c.documentId, documentTitle: c.title, exact: c.exact, status: c.status, votes: vs.length };
    const settled = c.status === 'verified' || c.status === 'rejected';
    if (c.revealedAt) {
      revealedVerdicts.push(vs);
      verdicts[tally(vs).consensus ?? 'none']++;
      if (!settled) waitingForSignOff.push(ref);
    } else if (!settled) {
      // Under the `lead` reveal rule a claim with its quorum of votes waits for a lead to reveal it.
      if (c.status === 'in_review' || (revealRule === 'lead' && vs.length >= quorum)) waitingForSignOff.push(ref);
      if (vs.length < quorum) waitingForVotes.push(ref);
    }
  }
  return { claims: rows.length, byStatus, verdicts, agreement: dashboardAgreement(revealedVerdicts), quorum, waitingForVotes, waitingForSignOff };
}
