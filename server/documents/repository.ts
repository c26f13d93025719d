import { createHash } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db';
import { claims, documents, type Document, type DocumentFormat } from '../../db/schema';

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
      format: documents.format,
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
