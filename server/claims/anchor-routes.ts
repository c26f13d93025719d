import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { createSelectSchema } from 'drizzle-zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db';
import { claims, claimStatus } from '../../db/schema';
import { documentParams } from '../documents/schemas';

/** Where each claim sits and its status: what a reader needs to highlight the text, nothing more. */
export const claimAnchorSchema = z.object({
  id: z.uuid(),
  start: z.number().int(),
  end: z.number().int(),
  /** The document version the offsets count in (API.md "Anchors belong to a version"). */
  version: z.number().int(),
  status: createSelectSchema(claimStatus),
  /** Whether a new version flagged the claim for review (then it is not drawn on the text). */
  review: z.boolean(),
});
export type ClaimAnchorJson = z.infer<typeof claimAnchorSchema>;
export const claimAnchorsReply = z.object({ anchors: z.array(claimAnchorSchema) });

/** The anchors of a document's claims from the projection, in text order; deleted claims left out. */
export async function listClaimAnchors(db: Db, documentId: string): Promise<ClaimAnchorJson[]> {
  return db
    .select({ id: claims.id, start: claims.start, end: claims.end, version: claims.anchorVersion, status: claims.status, review: sql<boolean>`${claims.review} is not null` })
    .from(claims)
    .where(and(eq(claims.documentId, documentId), isNull(claims.deletedAt)))
    .orderBy(asc(claims.start), asc(claims.end), asc(claims.id));
}

/**
 * `GET /documents/:id/claim-anchors`: the reader paints its highlights from this (about 100 bytes a
 * claim) while the shared document, megabytes for thousands of claims, is still being loaded and
 * decoded; the shared document's claims replace them once it is in (Reader.svelte).
 */
const claimAnchorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents/:id/claim-anchors', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, response: { 200: claimAnchorsReply } },
  }, async (request) => ({ anchors: await listClaimAnchors(app.db, request.access.document.id) }));
};

export default claimAnchorRoutes;
