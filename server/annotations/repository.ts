import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db';
import { documents, documentVersions } from '../../db/schema';

/**
 * The canonical text of a document as it was at `version` (the current text, or a replaced one
 * kept in document_versions): the text a claim's offsets count in (its `anchor.version`). Null when
 * the document or that version is not there. The Web Annotation export converts the stored UTF-16
 * offsets to code points against it.
 */
export async function documentTextAt(db: Db, documentId: string, version: number): Promise<string | null> {
  const [current] = await db.select({ text: documents.text, version: documents.version }).from(documents).where(eq(documents.id, documentId));
  if (!current) return null;
  if (current.version === version) return current.text;
  const [old] = await db
    .select({ text: documentVersions.text })
    .from(documentVersions)
    .where(and(eq(documentVersions.documentId, documentId), eq(documentVersions.version, version)));
  return old?.text ?? null;
}
