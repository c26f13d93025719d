import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { describe, expect, test } from 'vitest';
import type { WebSocket } from 'ws';
import * as Y from 'yjs';
import { Connection } from '../../server/collab/connection';
import { UserBudgets } from '../../server/collab/budgets';
import { IdRanges } from '../../server/collab/id-ranges';
import { Room } from '../../server/collab/room';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode, MessageType, SyncType } from '../../server/shared/collab-protocol';

/** A stand-in socket that records what the room sends and reports a chosen send-buffer size. */
function fakeSocket(bufferedAmount = 0) {
  const sent: Uint8Array[] = [];
  const closed: number[] = [];
  const socket = {
    bufferedAmount,
    send: (data: Uint8Array) => sent.push(data),
    close: (code: number) => closed.push(code),
    terminate: () => {},
  };
  return { socket: socket as unknown as WebSocket, sent, closed, raw: socket };
}

const silentLog = { debug() {}, info() {}, warn() {}, error() {} } as never;

function room() {
  return new Room('00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', 'Some text.', {
    maxFrameBytes: 1024,
    maxDocumentBytes: 1 << 20,
    refused: new IdRanges(),
    maxHeldBytes: 1 << 20,
    maxHeldMs: 10_000,
    budgets: new UserBudgets({ connectionsPerUser: 10, messagesPerSecondPerUser: Infinity, bytesPerSecondPerUser: Infinity }),
    log: silentLog,
    schedulePersist() {},
    publishUpdate() {},
    publishAwareness() {},
    evict() {},
  });
}

const updateFrame = (update: Uint8Array) => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, MessageType.sync);
  encoding.writeVarUint(enc, SyncType.update);
  encoding.writeVarUint8Array(enc, update);
  return encoding.toUint8Array(enc);
};

/** The sync updates among the frames a socket was sent. */
const updatesIn = (frames: Uint8Array[]) =>
  frames.flatMap((f) => {
    const d = decoding.createDecoder(f);
    return decoding.readVarUint(d) === MessageType.sync && decoding.readVarUint(d) === SyncType.update ? [decoding.readVarUint8Array(d)] : [];
  });

const tick = () => new Promise((r) => setImmediate(r));

const CLAIM_ID = '00000000-0000-4000-8000-0000000000c1';

/** A client document in sync with the room after the server created one claim; `note` is that claim's note. */
function seededClient(r: Room) {
  r.change({ kind: 'server' }, (doc) =>
    claimsOf(doc).set(CLAIM_ID, newClaim({ id: CLAIM_ID, anchor: { start: 0, end: 4, exact: 'Some', prefix: '', suffix: ' text.' } })),
  );
  const source = new Y.Doc();
  Y.applyUpdate(source, Y.encodeStateAsUpdate(r.doc));
  return { source, note: () => claimsOf(source).get(CLAIM_ID)!.get('note') as Y.Text };
}

describe('fan-out', () => {
  test('updates applied in one event-loop tick reach every connection, the sender included, as one merged message encoded once', async () => {
    const r = room();
    const a = fakeSocket();
    const b = fakeSocket();
    const connA = new Connection(a.socket, { id: 'a', name: 'A' }, true, 1 << 20);
    const connB = new Connection(b.socket, { id: 'b', name: 'B' }, true, 1 << 20);
    r.join(connA);
    r.join(connB);
    a.sent.length = 0;
    b.sent.length = 0;

    const { source, note } = seededClient(r);
    const seed = Y.encodeStateAsUpdate(source);
    await tick();
    a.sent.length = 0;
    b.sent.length = 0;
    const frames: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => frames.push(updateFrame(u)));
    for (let i = 0; i < 20; i++) note().insert(0, `k${i} `);
    for (const f of frames) r.handleFrame(connA, f);
    await tick();

    const toB = updatesIn(b.sent);
    expect(toB).toHaveLength(1);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, seed);
    Y.applyUpdate(replica, toB[0]);
    expect(replica.getMap('claims').toJSON()).toEqual(source.getMap('claims').toJSON());
    // The sender gets the same merged update (it skips what it already holds): one merge per tick, not one per sender.
    const toA = updatesIn(a.sent);
    expect(toA).toHaveLength(1);
    expect(a.sent.find((f) => updatesIn([f]).length)).toBe(b.sent.find((f) => updatesIn([f]).length));
    const before = Y.encodeStateAsUpdate(source);
    let changed = false;
    source.once('update', () => (changed = true));
    Y.applyUpdate(source, toA[0]);
    expect(changed).toBe(false);
    expect(Y.encodeStateAsUpdate(source)).toEqual(before);
    r.destroy();
  });

  test('a connection whose send buffer passes the bound is closed instead of buffering more', async () => {
    const r = room();
    const slow = fakeSocket(2 << 20);
    const fast = fakeSocket();
    const writer = fakeSocket();
    const connSlow = new Connection(slow.socket, { id: 's', name: 'S' }, true, 1 << 20);
    r.join(connSlow);
    r.join(new Connection(fast.socket, { id: 'f', name: 'F' }, true, 1 << 20));
    const connW = new Connection(writer.socket, { id: 'w', name: 'W' }, true, 1 << 20);
    r.join(connW);
    const { source, note } = seededClient(r);
    await tick();
    slow.sent.length = 0;
    fast.sent.length = 0;
    source.on('update', (u: Uint8Array) => r.handleFrame(connW, updateFrame(u)));
    note().insert(0, 'x');
    await tick();
    expect(slow.closed).toEqual([CloseCode.slowConsumer]);
    expect(updatesIn(slow.sent)).toHaveLength(0);
    expect(updatesIn(fast.sent)).toHaveLength(1);
    r.destroy();
  });

  test('a frame over the size limit closes with 4413 and a malformed one with 4400, applying nothing', () => {
    const r = room();
    const big = fakeSocket();
    const bad = fakeSocket();
    const connBig = new Connection(big.socket, { id: 'b', name: 'B' }, true, 1 << 20);
    const connBad = new Connection(bad.socket, { id: 'x', name: 'X' }, true, 1 << 20);
    r.join(connBig);
    r.join(connBad);
    const before = Y.encodeStateAsUpdate(r.doc);
    r.handleFrame(connBig, new Uint8Array(2048));
    r.handleFrame(connBad, new Uint8Array([0, 2, 50, 1, 2, 3]));
    expect(big.closed).toEqual([CloseCode.tooLarge]);
    expect(bad.closed).toEqual([CloseCode.malformed]);
    expect(Y.encodeStateAsUpdate(r.doc)).toEqual(before);
    r.destroy();
  });
});
