/**
 * The revision of a document's dismissed suggestions, as the shared Y.Doc carries it: a number in
 * the server-owned `document` root map (document-version.ts) that the server bumps whenever a
 * suggestion is dismissed or restored, so every open reader learns of it through the normal sync
 * and fetches the dismissals again (the dismissals themselves stay in Postgres). Clients cannot
 * write it: the server's intake refuses a client write to any root type other than `claims`.
 */
import type * as Y from 'yjs';
import { DOCUMENT_KEY } from './document-version';

/** The key in `doc.getMap("document")`. */
export const DISMISSALS_REVISION_KEY = 'dismissalsRevision';

/** How many times the document's dismissals changed (0: never, or not yet synced). */
export function dismissalsRevisionOf(doc: Y.Doc): number {
  const value = doc.getMap<unknown>(DOCUMENT_KEY).get(DISMISSALS_REVISION_KEY);
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/** Bumps the revision; the server's own write, inside `room.change(SERVER_ORIGIN, …)`. */
export function bumpDismissalsRevision(doc: Y.Doc): void {
  doc.getMap<unknown>(DOCUMENT_KEY).set(DISMISSALS_REVISION_KEY, dismissalsRevisionOf(doc) + 1);
}
