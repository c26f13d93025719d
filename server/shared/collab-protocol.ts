/**
 * The wire protocol of `/collab/<documentId>`: y-protocols' sync and awareness messages, plus the
 * saved acknowledgement, and the close codes. Imported by the server and the web app.
 */

/** Top-level message types (the first varUint of every frame), as y-websocket numbers them. */
export const MessageType = {
  /** y-protocols sync: step 1 (state vector), step 2 (missing updates), update. */
  sync: 0,
  /** y-protocols awareness update. */
  awareness: 1,
  /** y-protocols auth. Sub-type 0 is "permission denied"; we add sub-type 1, "saved". */
  auth: 2,
  /** Asks the other side to send its full awareness state. */
  queryAwareness: 3,
} as const;

/** Sync sub-types (y-protocols/sync). */
export const SyncType = { step1: 0, step2: 1, update: 2 } as const;

/** Auth sub-types. y-protocols' `readAuthMessage` acts only on 0 and ignores the rest, so plain clients ignore "saved". */
export const AuthType = { permissionDenied: 0, saved: 1 } as const;

/**
 * Close codes. 4400–4499 mirror HTTP 4xx: y-websocket does not reconnect after them.
 * 4500–4599 are transient: the client reconnects with backoff.
 */
export const CloseCode = {
  /** A frame that is not a valid y-protocols message, or a Yjs update that does not decode. */
  malformed: 4400,
  /** Not signed in: no session cookie or API token, or an unknown one. */
  unauthorized: 4401,
  /** Signed in but refused: a cookie-authenticated upgrade from a foreign Origin, or membership lost. */
  forbidden: 4403,
  /** No such document, or not one of the caller's workspaces (existence is never revealed). */
  notFound: 4404,
  /** The document was deleted (by a lead) while connected; nothing sent after it is kept. Never reconnect. */
  documentDeleted: 4410,
  /** Access changed while connected: a viewer now (reconnect to continue read-only), or a role that needs a new session. */
  roleChanged: 4409,
  /** A frame larger than the server accepts, or one that would grow a note or the whole document past its limit. */
  tooLarge: 4413,
  /**
   * A frame carrying something the server refuses to store: text PostgreSQL cannot hold (NUL, an
   * unpaired surrogate), values nested too deep or too large, a field of the wrong type. Nothing applied.
   */
  invalidContent: 4422,
  /** The document could not be loaded from the database; try again (never served empty). */
  unavailable: 4503,
  /**
   * The database refused this document's latest changes for a reason a retry cannot cure; they
   * were set aside (quarantined, nothing lost) and the document reloaded. Reconnect to resync.
   */
  saveRefused: 4500,
  /** The connection did not read fast enough and its send buffer passed the bound; reconnect to resync. */
  slowConsumer: 4508,
  /** Updates whose dependencies never arrived were held past their bound and dropped; reconnect to resync. */
  outOfSync: 4510,
  /**
   * A budget was exceeded: messages or bytes per connection or per user, or connections per user.
   * Reconnect after a pause.
   */
  rateLimited: 4529,
  /** The server is shutting down; reconnect. */
  goingAway: 1001,
} as const;

export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];
