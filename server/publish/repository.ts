import { and, asc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claimEvents, claims, documents, evidenceArchives, workspaces } from '../../db/schema';
import { listClaims } from '../claims/repository';
import type { ClaimJson } from '../claims/schemas';
import { isSignedOff, SIGNED_OFF_STATUSES } from '../shared/claim-doc';

/** What a public fact-check page shows: nothing a workspace keeps private (notes, comments, unrevealed votes). */
export interface PublishedCheck {
  claim: ClaimJson;
  publishedAt: Date;
  document: { id: string; title: string; sourceUrl: string | null; authors: string[]; sourcePublishedOn: string | null; text: string };
  workspace: { name: string; publicVotes: boolean };
  /** Link evidence id → its archived copy's time and hash. */
  archives: Map<string, { fetchedAt: Date; sha256: string | null }>;
}

/** Only a claim that is published and still signed off is public; a reopened one is not (and loses its publication). */
export const isPublic = and(isNotNull(claims.publishedAt), inArray(claims.status, [...SIGNED_OFF_STATUSES]), isNull(claims.deletedAt))!;

export type PublishOutcome = 'published' | 'not_signed_off';

/** Publishes a signed-off claim (again publishing one already published keeps its first date). */
export async function publish(db: Db, input: { claimId: string; documentId: string; userId: string }): Promise<PublishOutcome> {
  return db.transaction(async (tx) => {
    const [claim] = await tx.select({ status: claims.status, publishedAt: claims.publishedAt }).from(claims).where(eq(claims.id, input.claimId)).for('update');
    if (!claim || !isSignedOff(claim.status)) return 'not_signed_off';
    if (claim.publishedAt) return 'published';
    await tx.update(claims).set({ publishedAt: sql`now()`, publishedBy: input.userId }).where(eq(claims.id, input.claimId));
    await tx.insert(claimEvents).values({ claimId: input.claimId, documentId: input.documentId, userId: input.userId, action: 'published', field: 'publication' });
    return 'published';
  });
}

/** Takes a claim's public page down; true when it was published. */
export async function unpublish(db: Db, input: { claimId: string; documentId: string; userId: string }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(claims)
      .set({ publishedAt: null, publishedBy: null })
      .where(and(eq(claims.id, input.claimId), isNotNull(claims.publishedAt)))
      .returning({ id: claims.id });
    if (!row) return false;
    await tx.insert(claimEvents).values({ claimId: input.claimId, documentId: input.documentId, userId: input.userId, action: 'unpublished', field: 'publication' });
    return true;
  });
}

/** A published check with what its page shows, or null when the claim is not public. */
export async function publishedCheck(db: Db, claimId: string): Promise<PublishedCheck | null> {
  const [row] = await db
    .select({
      publishedAt: claims.publishedAt,
      document: { id: documents.id, title: documents.title, sourceUrl: documents.sourceUrl, authors: documents.authors, sourcePublishedOn: documents.sourcePublishedOn, text: documents.text },
      workspace: { name: workspaces.name, publicVotes: workspaces.publicVotes },
    })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .innerJoin(workspaces, eq(workspaces.id, documents.workspaceId))
    .where(and(eq(claims.id, claimId), isPublic));
  if (!row?.publishedAt) return null;
  // Read as by someone who has not voted: blind verdicts never leave the server.
  const [claim] = await listClaims(db, { ids: [claimId] }, null);
  if (!claim) return null;
  const archived = await db
    .select({ evidenceId: evidenceArchives.evidenceId, fetchedAt: evidenceArchives.fetchedAt, sha256: evidenceArchives.sha256 })
    .from(evidenceArchives)
    .where(and(eq(evidenceArchives.claimId, claimId), eq(evidenceArchives.state, 'archived')));
  const archives = new Map(archived.flatMap((a) => (a.fetchedAt ? [[a.evidenceId, { fetchedAt: a.fetchedAt, sha256: a.sha256 }] as const] : [])));
  return { claim, publishedAt: row.publishedAt, document: row.document, workspace: row.workspace, archives };
}

/** The archived text of a published check's link evidence, or null. */
export async function publishedArchive(db: Db, claimId: string, evidenceId: string) {
  const [row] = await db
    .select({ url: evidenceArchives.url, finalUrl: evidenceArchives.finalUrl, title: evidenceArchives.title, text: evidenceArchives.text, fetchedAt: evidenceArchives.fetchedAt, sha256: evidenceArchives.sha256 })
    .from(evidenceArchives)
    .innerJoin(claims, eq(claims.id, evidenceArchives.claimId))
    .where(and(eq(evidenceArchives.claimId, claimId), eq(evidenceArchives.evidenceId, evidenceId), eq(evidenceArchives.state, 'archived'), isPublic));
  return row ?? null;
}

/** A document's published checks, in text order, with the document's title and source; null when it has none. */
export async function publishedOfDocument(db: Db, documentId: string) {
  const rows = await db
    .select({ id: claims.id, exact: claims.exact, status: claims.status, publishedAt: claims.publishedAt, title: documents.title, sourceUrl: documents.sourceUrl, workspace: workspaces.name })
    .from(claims)
    .innerJoin(documents, eq(documents.id, claims.documentId))
    .innerJoin(workspaces, eq(workspaces.id, documents.workspaceId))
    .where(and(eq(claims.documentId, documentId), isPublic))
    .orderBy(asc(claims.start), asc(claims.id));
  if (rows.length === 0) return null;
  const [first] = rows;
  return { title: first.title, sourceUrl: first.sourceUrl, workspace: first.workspace, checks: rows.map(({ id, exact, status, publishedAt }) => ({ id, exact, status, publishedAt: publishedAt! })) };
}
