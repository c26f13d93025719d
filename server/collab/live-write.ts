import type * as Y from 'yjs';
import { HttpError } from '../errors';
import type { UserRef } from '../shared/claim-doc';
import { restOrigin } from './origins';
import type { Room } from './room';
import type { Rooms } from './rooms';

/** How long a REST write waits for its commit before answering 503 (the change is kept and saved later). */
const COMMIT_WAIT_MS = 10_000;

/**
 * A REST write into a document's live Y.Doc: applies `change` as `author` (so every open client
 * sees it at once, and the guard and projection treat it like any other change) and resolves once
 * it is committed. `change` returns false when the thing to change is not in the document; nothing
 * is then waited for and the answer is false. A commit the database has not confirmed within
 * COMMIT_WAIT_MS is 503 `not_saved_yet`: the change stays applied and is saved when it answers.
 */
export async function writeToLiveDocument(
  rooms: Rooms,
  author: UserRef,
  documentId: string,
  change: (doc: Y.Doc, room: Room) => boolean | void,
): Promise<boolean> {
  const room = await rooms.acquire(documentId);
  try {
    let applied = true as boolean;
    // Only the id and name go into the origin (and so into the update log), whatever `author` carries.
    const seq = room.change(restOrigin({ id: author.id, name: author.name }), (doc) => {
      applied = change(doc, room) !== false;
    });
    if (!applied) return false;
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), COMMIT_WAIT_MS).unref());
    if ((await Promise.race([room.durable(seq), timeout])) === 'timeout') {
      throw new HttpError(503, 'not_saved_yet', 'The change is applied but the database has not confirmed it yet; it will be saved when it answers.');
    }
    return true;
  } finally {
    rooms.release(room);
  }
}
