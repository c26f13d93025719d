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

/** At most this many claims of one document are looked up for the claim list's markers (by position). */
export const MAX_MARKED_CLAIMS = 1000;

/** A claim of a document and one candidate of another document for it, from the trigram index. */
export interface CandidatePair {
  claimId: string;
  exact: string;
  otherId: string;
  otherExact: string;
}

/** The claims looked up per statement for the claim list's markers. */
const MARKED_PER_STATEMENT = 25;
/**
 * The markers stop looking after this long and say so (`truncated`): claims worded alike by the
 * hundred (a template) make every trigram lookup return them all, each one's similarity computed
 * (measured on PGlite: 1,000 near-identical claims against 1,200 took 230 s in one statement).
 */
export const MARKERS_BUDGET_MS = 2000;

/**
 * For the first MAX_MARKED_CLAIMS claims of a document (by position, not deleted), their candidates
 * among the claims of the workspace's other documents, as findCandidates finds them for one claim
 * (CANDIDATE_SIMILARITY, at most CANDIDATE_LIMIT each, best first): a lateral join served by
 * claims_exact_trgm_idx, MARKED_PER_STATEMENT claims at a time, until MARKERS_BUDGET_MS is spent.
 * `truncated` when the document has more claims than were looked up.
 */
export async function candidatePairsOfDocument(
  db: Db,
  where: { workspaceId: string; documentId: string },
  budgetMs = MARKERS_BUDGET_MS,
): Promise<{ pairs: CandidatePair[]; truncated: boolean }> {
  const own = await db
    .select({ id: claims.id, exact: claims.exact })
    .from(claims)
    .where(and(eq(claims.documentId, where.documentId), isNull(claims.deletedAt)))
    .orderBy(claims.start, claims.id)
    .limit(MAX_MARKED_CLAIMS + 1);
  const started = performance.now();
  const pairs: CandidatePair[] = [];
  let looked = 0;
  const wanted = Math.min(own.length, MAX_MARKED_CLAIMS);
  while (looked < wanted && (looked === 0 || performance.now() - started < budgetMs)) {
    const chunk = own.slice(looked, Math.min(looked + MARKED_PER_STATEMENT, wanted));
    looked += chunk.length;
    const ids = sql.join(chunk.map((c) => sql`${c.id}::uuid`), sql`, `);
    const rows = await db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('pg_trgm.similarity_threshold', ${String(CANDIDATE_SIMILARITY)}, true)`);
      const result = await tx.execute(sql`
        select own.id as "claimId", own.exact as "exact", other.id as "otherId", other.exact as "otherExact"
        from claims own
        cross join lateral (
          select o.id, o.exact from claims o
          join documents d on d.id = o.document_id
          where o.exact % own.exact and d.workspace_id = ${where.workspaceId} and o.document_id <> ${where.documentId} and o.deleted_at is null
          order by similarity(o.exact, own.exact) desc, o.id
          limit ${CANDIDATE_LIMIT}
        ) other
        where own.id in (${ids})`);
      return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as CandidatePair[];
    });
    pairs.push(...rows);
  }
  return { pairs, truncated: own.length > looked };
}

/** The ids of the first MAX_MARKED_CLAIMS claims of a document (by position, not deleted). */
export async function claimIdsOfDocument(db: Db, documentId: string): Promise<string[]> {
  const rows = await db
    .select({ id: claims.id })
    .from(claims)
    .where(and(eq(claims.documentId, documentId), isNull(claims.deletedAt)))
    .orderBy(claims.start, claims.id)
    .limit(MAX_MARKED_CLAIMS);
  return rows.map((r) => r.id);
}
