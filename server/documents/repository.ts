import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { auditLog, claims, comments, documents, evidence, votes, type Document, type DocumentFormat } from '../../db/schema';

export interface NewDocument {
  workspaceId: string;
  title: string;
  text: string;
  format: DocumentFormat;
  sourceUrl?: string | null;
  authors?: string[];
  sourcePublishedOn?: string | null;
  createdBy: string | null;
}

/** Stores a document whose text is already canonical; computes its content hash. */
export async function insertDocument(db: Db, input: NewDocument): Promise<Document> {
  const [doc] = await db
    .insert(documents)
    .values({
      ...input,
      sourceUrl: input.sourceUrl ?? null,
      contentHash: createHash('sha256').update(input.text).digest('hex'),
    })
    .returning();
  return doc;
}

/** Changes a document's metadata; null when there is no such document. */
export async function updateDocumentMetadata(db: Db, id: string, change: Partial<Pick<Document, 'title' | 'sourceUrl' | 'authors' | 'sourcePublishedOn'>>): Promise<Document | null> {
  const [doc] = await db.update(documents).set(change).where(eq(documents.id, id)).returning();
  return doc ?? null;
}

export async function findDocument(db: Db, id: string): Promise<Document | null> {
  const [doc] = await db.select().from(documents).where(eq(documents.id, id));
  return doc ?? null;
}

/** A workspace's documents, newest first, with how many claims each has (deleted ones not counted) and how many are verified. */
export function listDocuments(db: Db, workspaceId: string) {
  return db
    .select({
      id: documents.id,
      title: documents.title,
      sourceUrl: documents.sourceUrl,
      authors: documents.authors,
      sourcePublishedOn: documents.sourcePublishedOn,
      format: documents.format,
      version: documents.version,
      createdAt: documents.createdAt,
      length: sql<number>`char_length(${documents.text})::int`,
      claims: sql<number>`count(${claims.id})::int`,
      verified: sql<number>`(count(${claims.id}) filter (where ${claims.status} = 'verified'))::int`,
    })
    .from(documents)
    .leftJoin(claims, and(eq(claims.documentId, documents.id), isNull(claims.deletedAt)))
    .where(eq(documents.workspaceId, workspaceId))
    .groupBy(documents.id)
    .orderBy(desc(documents.createdAt));
}

/**
 * What deleting a document removes, and what it leaves (docs/api.md "Deleting a document"): its
 * claims (not counting ones already deleted), their evidence, votes and comments, its published
 * fact-checks and its earlier versions; and, kept, the evidence in other documents that quotes it.
 */
export interface DeletionImpact {
  claims: number;
  evidence: number;
  votes: number;
  comments: number;
  published: number;
  /** How many versions of the text there are (the current one included). */
  versions: number;
  /** Evidence entries of other documents' claims whose source is this document: kept, with their excerpt. */
  citedBy: number;
}

/** Counts what deleting a document would remove and keep (`DeletionImpact`). */
export async function deletionImpact(db: Db, documentId: string): Promise<DeletionImpact> {
  const own = and(eq(claims.documentId, documentId), isNull(claims.deletedAt));
  const [counts] = await db
    .select({
      claims: sql<number>`count(*)::int`,
      published: sql<number>`(count(*) filter (where ${claims.publishedAt} is not null))::int`,
    })
    .from(claims)
    .where(own);
  const countOf = async (table: typeof evidence | typeof votes | typeof comments) => {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table).innerJoin(claims, eq(claims.id, table.claimId)).where(own);
    return row.n;
  };
  const [doc] = await db.select({ version: documents.version }).from(documents).where(eq(documents.id, documentId));
  const [cited] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(evidence)
    .innerJoin(claims, eq(claims.id, evidence.claimId))
    .where(and(eq(evidence.sourceDocumentId, documentId), ne(claims.documentId, documentId), isNull(claims.deletedAt)));
  return {
    claims: counts.claims,
    published: counts.published,
    evidence: await countOf(evidence),
    votes: await countOf(votes),
    comments: await countOf(comments),
    versions: doc?.version ?? 0,
    citedBy: cited.n,
  };
}

/**
 * Deletes a document and, by the schema's cascades, everything that belongs to it: claims,
 * evidence, votes, comments, history, versions, the shared document's log and snapshots,
 * suggestion dismissals and its audit rows. One audit row, not tied to the document, records who
 * deleted what. Evidence in other documents that cites it has no foreign key and stays. Returns
 * what was removed, or null when there was no such document.
 */
export async function deleteDocument(db: Db, documentId: string, userId: string): Promise<DeletionImpact | null> {
  return db.transaction(async (tx) => {
    const [doc] = await tx.select({ id: documents.id, title: documents.title, workspaceId: documents.workspaceId }).from(documents).where(eq(documents.id, documentId)).for('update');
    if (!doc) return null;
    const impact = await deletionImpact(tx, documentId);
    await tx.delete(documents).where(eq(documents.id, documentId));
    await tx.insert(auditLog).values({
      userId,
      documentId: null,
      action: 'document_deleted',
      detail: { documentId, workspaceId: doc.workspaceId, title: doc.title, ...impact },
    });
    return impact;
  });
}
