/**
 * The frames of `/collab/<documentId>`, both ways: y-protocols' own encoders for sync, awareness and
 * permission-denied, plus the saved acknowledgement (auth sub-type 1, see collab-protocol.ts), and
 * one decoder that turns an incoming frame into a message the room acts on.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { AuthType, MessageType, SyncType } from '../shared/collab-protocol';

const message = (type: number, write: (enc: encoding.Encoder) => void): Uint8Array => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  write(enc);
  return encoding.toUint8Array(enc);
};

/** Sync step 1: the document's state vector, so the other side sends what it lacks. */
export const syncStep1Message = (doc: Y.Doc): Uint8Array => message(MessageType.sync, (enc) => syncProtocol.writeSyncStep1(enc, doc));

/** Sync step 2: what the document holds beyond the given state vector. */
export const syncStep2Message = (doc: Y.Doc, stateVector: Uint8Array): Uint8Array =>
  message(MessageType.sync, (enc) => syncProtocol.writeSyncStep2(enc, doc, stateVector));

export const updateMessage = (update: Uint8Array): Uint8Array => message(MessageType.sync, (enc) => syncProtocol.writeUpdate(enc, update));

const awarenessMessage = (update: Uint8Array): Uint8Array => message(MessageType.awareness, (enc) => encoding.writeVarUint8Array(enc, update));

/** The presence entries of the given clients (all of them by default) as one awareness message. */
export const awarenessStatesMessage = (awareness: awarenessProtocol.Awareness, clients = [...awareness.getStates().keys()]): Uint8Array =>
  awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));

/** Tells a read-only connection that its write was not applied (y-protocols' permission-denied). */
export const permissionDeniedMessage = (reason: string): Uint8Array => message(MessageType.auth, (enc) => authProtocol.writePermissionDenied(enc, reason));

/** The saved acknowledgement: the first `frames` write frames of this connection are committed (or settled). */
export const savedMessage = (frames: number): Uint8Array =>
  message(MessageType.auth, (enc) => {
    encoding.writeVarUint(enc, AuthType.saved);
    encoding.writeVarUint(enc, frames);
  });

/** What a client's frame asks of the room. */
export type IncomingMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** A change to apply: sync step 2 (what the client made while disconnected) or a live update. */
  | { kind: 'write'; update: Uint8Array; offline: boolean }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  /** Auth messages from a client carry nothing the server acts on. */
  | { kind: 'auth' };

class MalformedFrame extends Error {}

/** Decodes one frame; throws (MalformedFrame or lib0's own errors) when it is not a message of this protocol. */
export function decodeFrame(data: Uint8Array): IncomingMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const sub = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (sub === SyncType.step1) return { kind: 'syncStep1', stateVector: payload };
      if (sub === SyncType.step2 || sub === SyncType.update) return { kind: 'write', update: payload, offline: sub === SyncType.step2 };
      throw new MalformedFrame(`unknown sync message ${sub}`);
    }
    case MessageType.awareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { kind: 'queryAwareness' };
    case MessageType.auth:
      return { kind: 'auth' };
    default:
      throw new MalformedFrame(`unknown message type ${type}`);
  }
}
