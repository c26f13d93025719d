import { sql } from 'drizzle-orm';
import type { Db } from '../../db';
import type { ClaimStatus } from '../../db/schema';

/** Snippet delimiters around matched words: plain characters, so a snippet is never HTML. */
export const MATCH_START = '«';
export const MATCH_END = '»';

export interface SearchHit {
  claimId: string;
  documentId: string;
  documentTitle: string;
  snippet: string;
}

/**
 * Full-text search (PostgreSQL's, which PGlite has too) over a workspace's claims: each claim's
 * quote, note, evidence titles and excerpts, and comments, ranked by `ts_rank`. Without a query,
 * the most recently changed claims that pass the filters.
 */
export async function searchClaims(
  db: Db,
  workspaceId: string,
  options: { q?: string; status?: ClaimStatus; minConfidence?: number; limit: number },
): Promise<SearchHit[]> {
  // Deleted claims (kept for an undo) are never found.
  const filters = [sql`d.workspace_id = ${workspaceId}`, sql`c.deleted_at is null`];
  if (options.status) filters.push(sql`c.status = ${options.status}`);
  if (options.minConfidence !== undefined) filters.push(sql`c.confidence >= ${options.minConfidence}`);
  const where = sql.join(filters, sql` and `);
  const body = sql`c.exact || ' ' || c.note
    || ' ' || coalesce((select string_agg(coalesce(e.title, '') || ' ' || coalesce(e.excerpt, ''), ' ') from evidence e where e.claim_id = c.id), '')
    || ' ' || coalesce((select string_agg(m.body, ' ') from comments m where m.claim_id = c.id), '')`;
  const q = options.q?.trim();
  const result = q
    ? await db.execute(sql`
        with found as (
          select c.id, c.document_id, d.title, ${body} as body
          from claims c join documents d on d.id = c.document_id
          where ${where}
        )
        select id, document_id, title,
               ts_headline('english', body, query, ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=12`}) as snippet
        from found, websearch_to_tsquery('english', ${q}) as query
        where to_tsvector('english', body) @@ query
        order by ts_rank(to_tsvector('english', body), query) desc, id
        limit ${options.limit}`)
    : await db.execute(sql`
        select c.id, c.document_id, d.title, c.exact as snippet
        from claims c join documents d on d.id = c.document_id
        where ${where}
        order by c.updated_at desc, c.id
        limit ${options.limit}`);
  return ((result as unknown as { rows: unknown[] }).rows as Array<{ id: string; document_id: string; title: string; snippet: string }>).map((r) => ({
    claimId: r.id,
    documentId: r.document_id,
    documentTitle: r.title,
    snippet: r.snippet,
  }));
}
