/**
 * The two wire formats the benchmark speaks: y-protocols over y-websocket framing (Corroborate,
 * y-websocket, the relay) and Hocuspocus's framing (every message prefixed by the document name,
 * an auth message first). Plus reading the edits out of a Yjs update.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

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

/** Calls `found` for every benchmark edit (a Y.Map value `{t}`) carried by an update, with its Yjs id. */
export function forEachEdit(update: Uint8Array, found: (client: number, clock: number, t: number) => void): void {
  const { structs } = Y.decodeUpdate(update);
  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentAny)) continue;
    const value = struct.content.arr[0] as { t?: unknown } | null;
    if (value && typeof value === 'object' && typeof value.t === 'number') found(struct.id.client, struct.id.clock, value.t);
  }
}

/** The Y.Map every benchmark edit writes to: one key per client, value `{t: send time}`. */
export const BENCH_MAP = 'bench';
