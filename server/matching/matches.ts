import type { Db } from '../../db';
import type { MatchDecision } from '../../db/schema';
import { candidatePairsOfDocument, claimIdsOfDocument, findCandidates, matchedClaims, type MatchedClaim } from './candidates';
import { extractFacts } from './extract';
import { decisionsFor, sameClaimLinks, type Decision } from './repository';
import { judgeMatch } from './rule';

/**
 * A claim of another document of the workspace that is (likely) the same claim: `proposed` by the
 * rule and not yet decided, `confirmed` by a person ("same claim"), or `rejected` by one (never
 * proposed again; listed so the decision can be undone).
 */
export interface Match {
  claim: MatchedClaim;
  state: 'proposed' | MatchDecision;
  /** The wording similarity (0..1) of the two claims' words, number words written as digits. */
  score: number;
  /** What agrees between them, in words ("same figures: 5.2%"). */
  agreements: string[];
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
}

/** Confirmed first, then proposed, then rejected; the most similar first within each. */
const ORDER: Record<Match['state'], number> = { confirmed: 0, proposed: 1, rejected: 2 };
const byStateThenScore = (a: Match, b: Match) => ORDER[a.state] - ORDER[b.state] || b.score - a.score || a.claim.id.localeCompare(b.claim.id);

/**
 * The matches of words in a document of `workspaceId`: candidates from the trigram index in the
 * workspace's other documents that the rule (figures, dates, names, wording) accepts, plus what
 * people decided about this claim (`decisions`, when it is a claim already).
 */
async function matchesOf(db: Db, where: { workspaceId: string; documentId: string; text: string }, decisions: Decision[]): Promise<Match[]> {
  const facts = extractFacts(where.text);
  const decided = new Map(decisions.map((d) => [d.otherClaimId, d]));
  const matches: Match[] = [];
  for (const candidate of await findCandidates(db, where)) {
    if (decided.has(candidate.id)) continue;
    const judgement = judgeMatch(facts, candidate.exact);
    if (!judgement.match) continue;
    const { similarity: _, ...claim } = candidate;
    matches.push({ claim, state: 'proposed', score: judgement.score, agreements: judgement.agreements, decidedBy: null, decidedAt: null });
  }
  const others = await matchedClaims(db, where.workspaceId, [...decided.keys()]);
  for (const d of decisions) {
    const claim = others.get(d.otherClaimId);
    // A claim deleted since (or, defensively, outside the workspace) is left out.
    if (!claim) continue;
    const judgement = judgeMatch(facts, claim.exact);
    matches.push({ claim, state: d.decision, score: judgement.score, agreements: judgement.agreements, decidedBy: d.decidedBy, decidedAt: d.decidedAt });
  }
  return matches.sort(byStateThenScore);
}

/** The matches of a claim (proposed, confirmed, rejected) among the claims of its workspace's other documents. */
export async function matchesForClaim(db: Db, claim: { id: string; documentId: string; workspaceId: string; exact: string }): Promise<Match[]> {
  const decisions = (await decisionsFor(db, [claim.id])).get(claim.id) ?? [];
  return matchesOf(db, { workspaceId: claim.workspaceId, documentId: claim.documentId, text: claim.exact }, decisions);
}

/** The proposed matches of a passage not yet a claim (a suggested sentence) of a document. */
export async function matchesForText(db: Db, where: { workspaceId: string; documentId: string; text: string }): Promise<Match[]> {
  return matchesOf(db, where, []);
}

/** How many matches a claim of a document has, for its marker in the claim list. */
export interface ClaimMatchCount {
  claimId: string;
  /** Proposed by the rule and not yet decided ("possible match"). */
  likely: number;
  /** Confirmed by a person, the other claim still there ("same claim"). */
  same: number;
}

/**
 * The claims of a document that have matches, with how many of each kind: what the reader's claim
 * list marks, in a few statements for the whole document (candidatePairsOfDocument) rather than one
 * request per claim. The same rule as matchesForClaim, so a marked claim's detail lists them.
 */
export async function matchCountsOfDocument(db: Db, where: { workspaceId: string; documentId: string }): Promise<{ claims: ClaimMatchCount[]; truncated: boolean }> {
  const { pairs, truncated } = await candidatePairsOfDocument(db, where);
  const own = [...new Set(pairs.map((p) => p.claimId))];
  const decisions = await decisionsFor(db, own);
  const counts = new Map<string, ClaimMatchCount>();
  const countOf = (claimId: string) => counts.get(claimId) ?? counts.set(claimId, { claimId, likely: 0, same: 0 }).get(claimId)!;
  const facts = new Map<string, ReturnType<typeof extractFacts>>();
  for (const pair of pairs) {
    if (decisions.get(pair.claimId)?.some((d) => d.otherClaimId === pair.otherId)) continue;
    const mine = facts.get(pair.claimId) ?? facts.set(pair.claimId, extractFacts(pair.exact)).get(pair.claimId)!;
    if (judgeMatch(mine, pair.otherExact).match) countOf(pair.claimId).likely++;
  }
  // Confirmed pairs whatever the wording is now (a person decided), among the document's claims.
  const confirmed = await sameClaimLinks(db, await claimIdsOfDocument(db, where.documentId));
  for (const [claimId, links] of confirmed) countOf(claimId).same = links.length;
  return { claims: [...counts.values()].filter((c) => c.likely + c.same > 0).sort((a, b) => a.claimId.localeCompare(b.claimId)), truncated };
}
