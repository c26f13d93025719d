import { sql } from 'drizzle-orm';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { loadStoredState } from '../../server/collab/repository';
import { AuthType, MessageType, SyncType } from '../../server/shared/collab-protocol';
import type { TestApp } from './app';

/**
 * Building blocks for hostile collaboration input: raw y-protocols frames, Yjs updates a stock
 * client would never produce (JSON content carrying NUL or lone surrogates, thousands of nested
 * types), a raw socket that tells whether the server took a frame or closed on it, and a scoped
 * fingerprint of what the database stores for one document.
 */

/** A y-protocols frame: message type, optional sub-type, then the payload as a length-prefixed byte array. */
export function frame(type: number, sub: number | null, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  if (sub !== null) encoding.writeVarUint(enc, sub);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

export const syncStep1 = (stateVector: Uint8Array) => frame(MessageType.sync, SyncType.step1, stateVector);
export const syncStep2 = (update: Uint8Array) => frame(MessageType.sync, SyncType.step2, update);
export const syncUpdate = (update: Uint8Array) => frame(MessageType.sync, SyncType.update, update);
export const awarenessFrame = (update: Uint8Array) => frame(MessageType.awareness, null, update);
export const queryAwarenessFrame = () => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.queryAwareness);
  return encoding.toUint8Array(enc);
};
/** An auth message; y-protocols' permission-denied carries a reason string, our `saved` a frame count. */
export function authFrame(sub: number, payload: string | number): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.auth);
  encoding.writeVarUint(enc, sub);
  if (typeof payload === 'string') encoding.writeVarString(enc, payload);
  else encoding.writeVarUint(enc, payload);
  return encoding.toUint8Array(enc);
}
export { AuthType };

/**
 * An awareness update as y-protocols encodes it (count, then client id, clock and state JSON per
 * entry), written by hand so the state can be any text, and any client id, not only one's own.
 */
export function awarenessUpdate(entries: Array<{ clientId: number; clock: number; json: string }>): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(enc, e.clientId);
    encoding.writeVarUint(enc, e.clock);
    encoding.writeVarString(enc, e.json);
  }
  return encoding.toUint8Array(enc);
}

/**
 * The update a client holding `base` would send after `change`, made in one transaction on a copy
 * with its own client id: it depends only on what `base` holds.
 */
export function updateFrom(base: Y.Doc, change: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  doc.transact(() => change(doc));
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}

/**
 * Sets `key` of a shared map to `value` as Yjs's legacy JSON content (ContentJSON), which Yjs still
 * decodes. Its text is JSON, so `\u0000` and a lone `\ud800` survive the wire as escapes, where
 * lib0's UTF-8 string encoding turns a lone surrogate into U+FFFD.
 */
export function setAsJsonContent(map: Y.Map<unknown>, key: string, value: unknown): void {
  const doc = map.doc!;
  doc.transact((tr) => {
    const left = map._map.get(key) ?? null;
    const client = doc.clientID;
    new Y.Item(Y.createID(client, Y.getState(doc.store, client)), left, left && left.lastId, null, null, map, key, new Y.ContentJSON([value])).integrate(tr, 0);
  });
}

/** Puts `depth` Y.Arrays inside one another into `array`, one level at a time (no recursion on either side). */
export function nestArrays(array: Y.Array<unknown>, depth: number): void {
  let current = array;
  for (let i = 0; i < depth; i++) {
    const inner = new Y.Array<unknown>();
    current.push([inner]);
    current = inner;
  }
}

/** A plain JSON value nested `depth` arrays deep, built without recursion. */
export function nestedJson(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** What the server did with a frame sent on a RawSocket: closed the connection (with its code), or took it. */
export type FrameOutcome = { closed: number } | { taken: true };

/**
 * A bare WebSocket on `/collab/<documentId>`, for frames no y-websocket client would send. `open`
 * resolves once the server joined it to the room (its sync step 1 arrived), after which the server
 * handles frames synchronously and in order. `send` then follows the frame with a ping: the pong
 * comes back only if the frame did not close the connection, so no timer decides the outcome.
 */
export class RawSocket {
  readonly received: Uint8Array[] = [];
  closeCode: number | null = null;
  private constructor(private readonly ws: WebSocket) {}

  static async open(base: string, documentId: string, token: string): Promise<RawSocket> {
    const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/collab/${documentId}?token=${token}`);
    const raw = new RawSocket(ws);
    ws.on('close', (code) => (raw.closeCode = code));
    await new Promise<void>((resolve, reject) => {
      ws.on('message', (data: Buffer) => {
        raw.received.push(new Uint8Array(data));
        resolve();
      });
      ws.on('close', (code) => reject(new Error(`closed with ${code} before joining`)));
      ws.on('error', reject);
    });
    return raw;
  }

  /** Sends `data` and resolves with what the server did with it. */
  send(data: Uint8Array): Promise<FrameOutcome> {
    if (this.closeCode !== null) return Promise.resolve({ closed: this.closeCode });
    return new Promise((resolve) => {
      const onClose = (code: number) => resolve({ closed: code });
      this.ws.once('close', onClose);
      this.ws.once('pong', () => {
        this.ws.off('close', onClose);
        resolve({ taken: true });
      });
      this.ws.send(data);
      this.ws.ping();
    });
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/**
 * A fingerprint of every row the database holds for one document: its update log and snapshot,
 * claims, evidence, votes, comments and history (not the audit log, which records refusals).
 */
export async function documentFingerprint(app: TestApp, documentId: string): Promise<string> {
  const byDocument = ['claims', 'claim_events', 'doc_updates', 'doc_snapshots'];
  const byClaim = ['evidence', 'votes', 'comments'];
  const queries = [
    ...byDocument.map((t) => sql`select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.raw(t)} t where t.document_id = ${documentId}`),
    ...byClaim.map(
      (t) =>
        sql`select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${sql.raw(t)} t where t.claim_id in (select id from claims where document_id = ${documentId})`,
    ),
  ];
  const parts: string[] = [];
  for (const q of queries) parts.push((await app.database.db.execute(q) as unknown as { rows: Array<{ h: string }> }).rows[0].h);
  return parts.join(',');
}

/** The document as the database has it: snapshot and log replayed into a fresh Y.Doc. */
export async function storedDoc(app: TestApp, documentId: string): Promise<Y.Doc> {
  const stored = await loadStoredState(app.database.db, documentId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  stored.updates.forEach((u) => Y.applyUpdate(doc, u));
  return doc;
}

/** True when any stored row of the document (log, snapshot, claims, evidence, history) contains `marker`. */
export async function storedContains(app: TestApp, documentId: string, marker: string): Promise<boolean> {
  const stored = await loadStoredState(app.database.db, documentId);
  const bytes = [stored.snapshot, ...stored.updates].filter((b): b is Uint8Array => b !== null);
  if (bytes.some((b) => Buffer.from(b).includes(marker))) return true;
  const rows = await app.database.db.execute(sql`
    select t::text as row from claims t where t.document_id = ${documentId}
    union all select t::text from evidence t where t.claim_id in (select id from claims where document_id = ${documentId})
    union all select t::text from claim_events t where t.document_id = ${documentId}`);
  return (rows as unknown as { rows: Array<{ row: string }> }).rows.some((r) => r.row.includes(marker));
}
