/**
 * The two wire formats the benchmark speaks: y-protocols over y-websocket framing (Corroborate,
 * y-websocket, the relay) and Hocuspocus's framing (every message prefixed by the document name,
 * an auth message first). Plus the benchmark's edit (a token in a claim's note) and reading the
 * edits out of a Yjs update.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { Anchor } from '../../server/shared/claim-doc';

export type Framing = 'y-websocket' | 'hocuspocus';

const SYNC = 0;
const STEP1 = 0;
const STEP2 = 1;
const UPDATE = 2;
const AUTH = 2;
/** Hocuspocus: a sync message that will not trigger another step 1. */
const HOCUS_SYNC_REPLY = 4;

function header(enc: encoding.Encoder, framing: Framing, doc: string): void {
  if (framing === 'hocuspocus') encoding.writeVarString(enc, doc);
}

/** A sync message: step 1 (state vector), step 2 or update (an update). */
export function syncMessage(framing: Framing, doc: string, sub: 0 | 1 | 2, payload: Uint8Array): Uint8Array {
  const enc = encoding.createEncoder();
  header(enc, framing, doc);
  encoding.writeVarUint(enc, SYNC);
  encoding.writeVarUint(enc, sub);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
}

export const updateMessage = (framing: Framing, doc: string, update: Uint8Array) => syncMessage(framing, doc, UPDATE, update);

/** The smallest answer to the server's sync step 1: a step 2 with an empty update (a client that has nothing). */
export const emptyStep2 = (framing: Framing, doc: string) => syncMessage(framing, doc, STEP2, new Uint8Array([0, 0]));

/** Hocuspocus's first message on a document: authentication with a token (empty: the server has no auth hook). */
export function hocuspocusAuth(doc: string, token = ''): Uint8Array {
  const enc = encoding.createEncoder();
  encoding.writeVarString(enc, doc);
  encoding.writeVarUint(enc, AUTH);
  encoding.writeVarUint(enc, 0);
  encoding.writeVarString(enc, token);
  return encoding.toUint8Array(enc);
}

export type Incoming =
  | { kind: 'step1'; stateVector: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'saved'; frames: number }
  | { kind: 'other' };

/** Reads one incoming message far enough to know what it is. */
export function readMessage(framing: Framing, data: Uint8Array): Incoming {
  const dec = decoding.createDecoder(data);
  if (framing === 'hocuspocus') decoding.readVarString(dec);
  const type = decoding.readVarUint(dec);
  if (type === SYNC || (framing === 'hocuspocus' && type === HOCUS_SYNC_REPLY)) {
    const sub = decoding.readVarUint(dec);
    const payload = decoding.readVarUint8Array(dec);
    if (sub === STEP1) return { kind: 'step1', stateVector: payload };
    if (sub === STEP2 || sub === UPDATE) return { kind: 'update', update: payload };
    return { kind: 'other' };
  }
  // Corroborate's saved acknowledgement: auth message, sub-type 1, the count of committed write frames.
  if (framing === 'y-websocket' && type === AUTH && decoding.readVarUint(dec) === 1) return { kind: 'saved', frames: decoding.readVarUint(dec) };
  return { kind: 'other' };
}

/** A write frame, as Corroborate counts them for the saved acknowledgement: sync step 2 or update. */
export const isWriteFrame = (data: Uint8Array) => data[0] === SYNC && (data[1] === STEP2 || data[1] === UPDATE);

/**
 * The text of every benchmark document: Corroborate's documents are created with it (their claims'
 * anchors must be runs of it), and the other servers' claims carry the same anchors.
 */
export const BENCH_TEXT = 'A small document for the benchmark.';

/** A claim's anchor on BENCH_TEXT: one of its words, picked by the client's number. */
export function benchAnchor(n: number): Anchor {
  const words = [...BENCH_TEXT.matchAll(/[A-Za-z]+/g)];
  const word = words[n % words.length];
  const start = word.index!;
  const end = start + word[0].length;
  return { start, end, exact: word[0], prefix: BENCH_TEXT.slice(Math.max(0, start - 32), start), suffix: BENCH_TEXT.slice(end, end + 32) };
}

/**
 * The token an edit leaves in its claim's note: the sender's sequence number between `#` and `;`
 * (self-delimiting, so tokens stay readable when a server merges a sender's updates into one item).
 */
export const editToken = (seq: number) => `#${seq};`;
const TOKEN = /#(\d+);/g;

/**
 * Calls `found` for every benchmark edit carried by an update: each inserted run of text (a
 * claim's note) holds the tokens of the edits that wrote it, and its Yjs id names the sender.
 * A run deleted before the update was encoded (ContentDeleted) carries no text and no edit.
 */
export function forEachEdit(update: Uint8Array, found: (client: number, seq: number) => void): void {
  const { structs } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentString)) continue;
    for (const m of struct.content.str.matchAll(TOKEN)) found(struct.id.client, Number(m[1]));
  }
}
