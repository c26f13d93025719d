import { and, asc, count, eq, gte, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db';
import { claims, documents, workspaces, type ClaimStatus } from '../../db/schema';
import { listClaims } from '../claims/repository';
import type { ClaimJson } from '../claims/schemas';
import { documentTextAt } from '../annotations/repository';
import { archiveSummaries, type ArchiveSummary } from '../archive/repository';
import { isPublic } from '../publish/repository';
import { sameClaimLinks, type SameClaimLink } from '../matching/repository';

export interface ExportFilter {
  workspaceId: string;
  /** `any` for every status. */
  status: ClaimStatus | 'any';
  minConfidence?: number;
  documentId?: string;
  /** Only claims that are reviews (format=claimreview): published, still signed off, with a sign-off rating. */
  reviewsOnly?: boolean;
}

export interface ExportDocument {
  id: string;
  title: string;
  sourceUrl: string | null;
  /** The source's author(s) and publication date, when known. */
  authors: string[];
  sourcePublishedOn: string | null;
  createdAt: Date;
}

export interface ExportItem {
  claim: ClaimJson;
  document: ExportDocument;
  /** The archived copies of the claim's link evidence, by evidence id (server/archive). */
  archives?: Map<string, ArchiveSummary>;
  /** The text of the document version the claim's anchor counts in (for code-point positions). */
  text?: string;
  /** The filter the export was asked for (a report's heading says what was exported). */
  filter?: ExportFilter;
  /** The claims confirmed as the same claim as this one (server/matching). */
  sameClaims?: SameClaimLink[];
}

function where(filter: ExportFilter): SQL {
  // A claim deleted from the shared document is never exported (its row waits for a possible undo).
  const conditions = [eq(documents.workspaceId, filter.workspaceId), isNull(claims.deletedAt)];
  if (filter.status !== 'any') conditions.push(eq(claims.status, filter.status));
  if (filter.minConfidence !== undefined) conditions.push(gte(claims.confidence, filter.minConfidence));
  if (filter.documentId) conditions.push(eq(claims.documentId, filter.documentId));
  // A review is a public claim (published, still signed off) with a rating chosen at sign-off.
  if (filter.reviewsOnly) conditions.push(isPublic, isNotNull(claims.signOffRating));
  return and(...conditions)!;
}

/** How many claims and documents an export with this filter holds. */
export async function exportCounts(db: Db, filter: ExportFilter) {
  const [row] = await db
    .select({ claims: count(), documents: sql<number>`count(distinct ${claims.documentId})::int` })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(where(filter));
  return row;
}

export async function workspaceName(db: Db, workspaceId: string): Promise<string> {
  const [row] = await db.select({ name: workspaces.name }).from(workspaces).where(eq(workspaces.id, workspaceId));
  return row?.name ?? 'Corroborate';
}

/**
 * The claims of an export, grouped by document in import order and in text order within each,
 * read a page at a time by keyset on (start, id) within each document, so memory stays flat
 * however many claims there are. Votes are read as by someone who has not voted: hidden verdicts
 * never leave the server.
 */
export async function* exportItems(db: Db, filter: ExportFilter, pageSize = 500, limit = Infinity): AsyncGenerator<ExportItem> {
  // Documents are few next to claims; their list is read once (timestamps are not used as a
  // cursor: JavaScript dates lose PostgreSQL's microseconds).
  const docs: ExportDocument[] = await db
    .selectDistinct({ id: documents.id, title: documents.title, sourceUrl: documents.sourceUrl, authors: documents.authors, sourcePublishedOn: documents.sourcePublishedOn, createdAt: documents.createdAt })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .where(where(filter))
    .orderBy(asc(documents.createdAt), asc(documents.id));
  let emitted = 0;
  for (const document of docs) {
    // Claims of one document are nearly always on its current version: one read per version met.
    const texts = new Map<number, string | undefined>();
    const textAt = async (version: number) => {
      if (!texts.has(version)) texts.set(version, (await documentTextAt(db, document.id, version)) ?? undefined);
      return texts.get(version);
    };
    let after: { start: number; id: string } | null = null;
    while (emitted < limit) {
      const inDocument = and(where(filter), eq(claims.documentId, document.id));
      const page: Array<{ id: string; start: number }> = await db
        .select({ id: claims.id, start: claims.start })
        .from(claims)
        .innerJoin(documents, eq(documents.id, claims.documentId))
        .where(after ? and(inDocument, sql`(${claims.start}, ${claims.id}) > (${after.start}, ${after.id}::uuid)`) : inDocument)
        .orderBy(asc(claims.start), asc(claims.id))
        .limit(Math.min(pageSize, limit - emitted));
      if (page.length === 0) break;
      const full = new Map((await listClaims(db, { ids: page.map((p) => p.id) }, null)).map((c) => [c.id, c]));
      const archived = await archiveSummaries(db, page.map((p) => p.id));
      const sameClaims = await sameClaimLinks(db, page.map((p) => p.id));
      for (const row of page) {
        const claim = full.get(row.id);
        if (!claim) continue;
        const archives = new Map(claim.evidence.flatMap((e) => (archived.has(`${claim.id}:${e.id}`) ? [[e.id, archived.get(`${claim.id}:${e.id}`)!] as const] : [])));
        yield { claim, document, archives, text: await textAt(claim.anchor.version), filter, sameClaims: sameClaims.get(claim.id) };
      }
      emitted += page.length;
      after = page[page.length - 1];
    }
  }
}
