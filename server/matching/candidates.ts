import { and, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db';
import { claims, documents, users, type ClaimStatus } from '../../db/schema';
import { CANDIDATE_SIMILARITY } from './rule';

/** How many candidates the trigram index is asked for per claim: the best by similarity. */
export const CANDIDATE_LIMIT = 8;

const signer = alias(users, 'signer');

/** A claim of another document, as a match shows it: where it is, its words, and how it was checked. */
export interface MatchedClaim {
  id: string;
  documentId: string;
  documentTitle: string;
  exact: string;
  status: ClaimStatus;
  /** The sign-off, when the claim is signed off: the rating the lead published, who, when. */
  signOff: { rating: string | null; by: { id: string; name: string } | null; at: string | null } | null;
}

const matchedClaimColumns = {
  id: claims.id,
  documentId: claims.documentId,
  documentTitle: documents.title,
  exact: claims.exact,
  status: claims.status,
  signOffRating: claims.signOffRating,
  signedOffAt: claims.signedOffAt,
  signerId: signer.id,
  signerName: signer.name,
};

interface MatchedRow {
  id: string;
  documentId: string;
  documentTitle: string;
  exact: string;
  status: ClaimStatus;
  signOffRating: string | null;
  signedOffAt: Date | null;
  signerId: string | null;
  signerName: string | null;
}

function matchedClaim(row: MatchedRow): MatchedClaim {
  const signedOff = row.status === 'verified' || row.status === 'rejected';
  return {
    id: row.id,
    documentId: row.documentId,
    documentTitle: row.documentTitle,
    exact: row.exact,
    status: row.status,
    signOff: signedOff ? { rating: row.signOffRating, by: row.signerId ? { id: row.signerId, name: row.signerName ?? '' } : null, at: row.signedOffAt?.toISOString() ?? null } : null,
  };
}

/**
 * The claims of the workspace's OTHER documents whose words are most like `text`, by pg_trgm's
 * `%` operator (which the GIN index claims_exact_trgm_idx serves) at CANDIDATE_SIMILARITY, best
 * first, at most CANDIDATE_LIMIT. Only claims of `workspaceId`: another workspace's never reach
 * the rule. The threshold is set for this transaction only (set_config(…, true)).
 */
export async function findCandidates(db: Db, where: { workspaceId: string; documentId: string; text: string }): Promise<Array<MatchedClaim & { similarity: number }>> {
  const { workspaceId, documentId, text } = where;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(CANDIDATE_SIMILARITY)}, true)`);
    const similarity = sql<number>`similarity(${claims.exact}, ${text})`;
    const rows = await tx
      .select({ ...matchedClaimColumns, similarity })
      .from(claims)
      .innerJoin(documents, eq(documents.id, claims.documentId))
      .leftJoin(signer, eq(signer.id, claims.signedOffBy))
      .where(and(sql`${claims.exact} % ${text}`, eq(documents.workspaceId, workspaceId), ne(claims.documentId, documentId), isNull(claims.deletedAt)))
      .orderBy(desc(similarity), claims.id)
      .limit(CANDIDATE_LIMIT);
    return rows.map((r) => ({ ...matchedClaim(r), similarity: Number(r.similarity) }));
  });
}

/** Claims by id, as a match shows them (not deleted, in `workspaceId` only). */
export async function matchedClaims(db: Db, workspaceId: string, ids: string[]): Promise<Map<string, MatchedClaim>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select(matchedClaimColumns)
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .leftJoin(signer, eq(signer.id, claims.signedOffBy))
    .where(and(inArray(claims.id, ids), eq(documents.workspaceId, workspaceId), isNull(claims.deletedAt)));
  return new Map(rows.map((r) => [r.id, matchedClaim(r)]));
}
