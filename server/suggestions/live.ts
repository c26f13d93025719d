import type { FastifyInstance } from 'fastify';
import { SERVER_ORIGIN } from '../collab/origins';
import { bumpDismissalsRevision } from '../shared/suggestion-dismissals';

/**
 * Tells every open reader of a document that its dismissed suggestions changed (one was dismissed
 * or restored), through the document's live Y.Doc (shared/suggestion-dismissals.ts), so the
 * suggestion disappears or comes back for them without a reload. Resolves once committed.
 */
export async function announceDismissals(app: FastifyInstance, documentId: string): Promise<void> {
  const room = await app.rooms.acquire(documentId);
  try {
    await room.durable(room.change(SERVER_ORIGIN, (doc) => bumpDismissalsRevision(doc)));
  } finally {
    app.rooms.release(room);
  }
}
