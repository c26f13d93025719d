import type { FastifyInstance } from 'fastify';
import { SERVER_ORIGIN } from '../collab/origins';
import { bumpDismissalsRevision } from '../shared/suggestion-dismissals';

/**
 * Tells every open reader of a document that its dismissed suggestions changed (one was dismissed
 * or restored), through the document's live Y.Doc (shared/suggestion-dismissals.ts), so the
 * suggestion disappears or comes back for them without a reload. Resolves once committed.
 */
export async function announceDismissals(app: FastifyInstance, documentId: string): Promise<void> {
  try {
    const room = await app.rooms.acquire(documentId);
    try {
      await room.durable(room.change(SERVER_ORIGIN, (doc) => bumpDismissalsRevision(doc)));
    } finally {
      app.rooms.release(room);
    }
  } catch (err) {
    // The dismissal itself is stored: a reader not told now sees it on its next load, so the
    // request still succeeds (a room that cannot be loaded, or a document deleted meanwhile).
    app.log.warn({ err, documentId }, 'dismissed suggestions changed, but the open readers could not be told');
  }
}
