import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import type { ClaimStatus } from '../../db/schema';

/** Snippet delimiters around matched words: plain characters, so a snippet is never HTML. */
export const MATCH_START = '«';
export const MATCH_END = '»';

/** How ts_headline cuts a snippet (the delimiters above, a passage of 12–35 words). */
const HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=12`;

/** How much of a document's text a document snippet is cut from: its searchable part (db/schema/search.ts). */
const DOCUMENT_HEADLINE_CHARS = 240_000;

export interface SearchHit {
  claimId: string;
  documentId: string;
  documentTitle: string;
  snippet: string;
}

export interface DocumentHit {
  documentId: string;
  title: string;
  snippet: string;
}

export interface SearchOptions {
  q?: string;
  status?: ClaimStatus;
  minConfidence?: number;
  limit: number;
}

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

function claimFilters(workspaceId: string, options: SearchOptions): SQL {
  // Deleted claims (kept for an undo) are never found.
  const filters = [sql`d.workspace_id = ${workspaceId}`, sql`c.deleted_at is null`];
  if (options.status) filters.push(sql`c.status = ${options.status}`);
  if (options.minConfidence !== undefined) filters.push(sql`c.confidence >= ${options.minConfidence}`);
  return sql.join(filters, sql` and `);
}

/**
 * The full-text query of a claim search, served by the GIN index on claim_search.body (kept by
 * the triggers of migration 0010): the best `limit` matches by `ts_rank` over the stored vector
 * (quote ranks above note, note above evidence, evidence above comments), and a snippet cut only
 * for those. Exported for the test that reads its plan.
 */
export function claimSearchQuery(workspaceId: string, q: string, options: SearchOptions): SQL {
  return sql`
    with query as (select websearch_to_tsquery('english', ${q}) as query),
    best as (
      select c.id, c.document_id, c.exact, c.note, d.title, ts_rank(s.body, query.query) as rank
      from query, claim_search s
      join claims c on c.id = s.claim_id
      join documents d on d.id = c.document_id
      where s.body @@ query.query and ${claimFilters(workspaceId, options)}
      order by rank desc, c.id
      limit ${options.limit}
    )
    select best.id, best.document_id, best.title,
           ts_headline('english', best.exact || ' ' || best.note || ' ' || claim_evidence_text(best.id) || ' ' || claim_comments_text(best.id), query.query, ${HEADLINE}) as snippet
    from best, query
    order by best.rank desc, best.id`;
}

/** The full-text query of a document search (title and text), on the GIN index of document_search.body. */
export function documentSearchQuery(workspaceId: string, q: string, limit: number): SQL {
  return sql`
    with query as (select websearch_to_tsquery('english', ${q}) as query),
    best as (
      select d.id, ts_rank(s.body, query.query) as rank
      from query, document_search s
      join documents d on d.id = s.document_id
      where s.body @@ query.query and d.workspace_id = ${workspaceId}
      order by rank desc, d.id
      limit ${limit}
    )
    select d.id, d.title,
           ts_headline('english', left(d.text, ${DOCUMENT_HEADLINE_CHARS}), query.query, ${HEADLINE}) as snippet
    from best join documents d on d.id = best.id, query
    order by best.rank desc, best.id`;
}

/**
 * Full-text search (PostgreSQL's, which PGlite has too) over a workspace's claims: each claim's
 * quote, note, evidence titles and excerpts, and comments, ranked by `ts_rank`. Without a query,
 * the most recently changed claims that pass the filters.
 */
export async function searchClaims(db: Db, workspaceId: string, options: SearchOptions): Promise<SearchHit[]> {
  const q = options.q?.trim();
  const result = q
    ? await db.execute(claimSearchQuery(workspaceId, q, options))
    : await db.execute(sql`
        select c.id, c.document_id, d.title, c.exact as snippet
        from claims c join documents d on d.id = c.document_id
        where ${claimFilters(workspaceId, options)}
        order by c.updated_at desc, c.id
        limit ${options.limit}`);
  return rowsOf<{ id: string; document_id: string; title: string; snippet: string }>(result).map((r) => ({
    claimId: r.id,
    documentId: r.document_id,
    documentTitle: r.title,
    snippet: r.snippet,
  }));
}

/** The workspace's documents whose title or text matches `q`, best first, each with a snippet of its text. */
export async function searchDocuments(db: Db, workspaceId: string, q: string, limit: number): Promise<DocumentHit[]> {
  const query = q.trim();
  if (!query) return [];
  const result = await db.execute(documentSearchQuery(workspaceId, query, limit));
  return rowsOf<{ id: string; title: string; snippet: string }>(result).map((r) => ({ documentId: r.id, title: r.title, snippet: r.snippet }));
}
