import { randomUUID } from 'node:crypto';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { loadStoredState } from '../../server/collab/repository';
import { testConfig, type Config } from '../../server/config';
import { CLAIM_FIELDS, claimsOf, newClaim } from '../../server/shared/claim-doc';
import { AuthType, CloseCode, MessageType, SyncType } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { signUp, type Client } from '../helpers/client';
import { connect, eventually, nextClose, synced, type CollabClient } from '../helpers/collab';

const text = 'The agency reported 312 inspections in 2023, up from 140 the year before, and fined 27 operators.';
const anchorOf = (exact: string) => {
  const start = text.indexOf(exact);
  return { start, end: start + exact.length, exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + exact.length, start + exact.length + 32) };
};

async function documentOf(app: TestApp, label = 'lead'): Promise<{ lead: Client; documentId: string; token: string }> {
  const lead = await signUp(app.url, label);
  const wid = (await lead.post('/api/workspaces', { name: 'Limits' })).body.workspace.id;
  const documentId = (await lead.post(`/api/workspaces/${wid}/documents`, { title: 'Inspections', text })).body.document.id as string;
  const token = (await lead.post('/api/tokens', { name: 'raw' })).body.token as string;
  return { lead, documentId, token };
}

const frame = (type: number, sub: number | null, payload: Uint8Array | null) => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  if (sub !== null) encoding.writeVarUint(enc, sub);
  if (payload) encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
};
const updateFrame = (update: Uint8Array) => frame(MessageType.sync, SyncType.update, update);

/** A bare WebSocket speaking y-protocols: what it was sent (saved acknowledgements) and how it closed. */
interface RawClient {
  socket: WebSocket;
  saved: number;
  closed: Promise<{ code: number; reason: string }>;
  send(data: Uint8Array): void;
}

function raw(app: TestApp, documentId: string, token: string, options: { autoPong?: boolean } = {}): Promise<RawClient> {
  const socket = new WebSocket(`${app.url.replace(/^http/, 'ws')}/collab/${documentId}?token=${token}`, { autoPong: options.autoPong ?? true });
  const client: RawClient = {
    socket,
    saved: 0,
    closed: new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
    send: (data) => socket.send(data),
  };
  socket.on('message', (data: Buffer) => {
    const d = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(d) === MessageType.auth && decoding.readVarUint(d) === AuthType.saved) client.saved = decoding.readVarUint(d);
  });
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('error', reject);
  });
}

const collab = (overrides: Partial<Config['collab']>) => ({ collab: { ...testConfig().collab, ...overrides } });

describe('budgets per user', () => {
  let app: TestApp;
  const open: CollabClient[] = [];
  beforeAll(async () => {
    app = await startApp(collab({ connectionsPerUser: 3, messagesPerSecond: 50, messagesPerSecondPerUser: 20, bytesPerSecond: 1 << 20, bytesPerSecondPerUser: 64 * 1024 }));
  });
  afterAll(async () => {
    open.forEach((c) => c.destroy());
    await app?.close();
  });

  test('a user past the connection limit is closed with 4529; closing one lets the next in', async () => {
    const { documentId, token } = await documentOf(app);
    const sockets = await Promise.all([1, 2, 3].map(() => raw(app, documentId, token)));
    const fourth = await raw(app, documentId, token);
    const closed = await fourth.closed;
    expect(closed.code).toBe(CloseCode.rateLimited);
    expect(closed.reason).toContain('open connections');
    sockets[0].socket.close();
    await sockets[0].closed;
    const fifth = await raw(app, documentId, token);
    // Admitted: the server's sync step 1 arrives, and the socket stays open.
    await new Promise((r) => setTimeout(r, 200));
    expect(fifth.socket.readyState).toBe(WebSocket.OPEN);
    [...sockets.slice(1), fifth].forEach((s) => s.socket.close());
  });

  test('messages from several connections of one user share one budget: each under its own limit, together closed with 4529', async () => {
    const { documentId, token } = await documentOf(app, 'chatty');
    const sockets = await Promise.all([1, 2, 3].map(() => raw(app, documentId, token)));
    // 30 messages each: far under a connection's burst of 100, together over the user's burst of 40.
    for (let i = 0; i < 30; i++) for (const s of sockets) s.send(frame(MessageType.queryAwareness, null, null));
    const codes = await Promise.all(sockets.map((s) => Promise.race([s.closed.then((c) => c.code), new Promise((r) => setTimeout(() => r(null), 2000))])));
    expect(codes.filter((c) => c === CloseCode.rateLimited).length).toBeGreaterThanOrEqual(1);
    sockets.forEach((s) => s.socket.close());
  });

  test('bytes from several connections of one user share one budget', async () => {
    const { documentId, token } = await documentOf(app, 'bulky');
    const sockets = await Promise.all([1, 2].map(() => raw(app, documentId, token)));
    // 2 × 3 frames of 60 kB: under a connection's 4 MB burst, over the user's 256 kB.
    const padding = frame(MessageType.auth, 7, new Uint8Array(60 * 1024));
    for (let i = 0; i < 3; i++) for (const s of sockets) s.send(padding);
    const codes = await Promise.all(sockets.map((s) => Promise.race([s.closed.then((c) => c.code), new Promise((r) => setTimeout(() => r(null), 2000))])));
    expect(codes).toContain(CloseCode.rateLimited);
    sockets.forEach((s) => s.socket.close());
  });
});

describe('sizes of notes and documents', () => {
  let app: TestApp;
  const open: CollabClient[] = [];
  beforeAll(async () => {
    app = await startApp(collab({ maxDocumentBytes: 300 * 1024 }));
  });
  afterAll(async () => {
    open.forEach((c) => c.destroy());
    await app?.close();
  });

  async function client(lead: Client, documentId: string) {
    const c = await connect(app.url, documentId, lead);
    open.push(c);
    await synced(c);
    return c;
  }

  test(`a note longer than ${CLAIM_FIELDS.note.limits.maxChars} characters is refused with 4413 and nothing of it is stored`, async () => {
    const { lead, documentId } = await documentOf(app);
    const c = await client(lead, documentId);
    const id = randomUUID();
    claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorOf('312 inspections'), note: 'Start.' }));
    await c.saved.whenSaved();
    const closed = nextClose(c);
    (claimsOf(c.doc).get(id)!.get('note') as Y.Text).insert(6, 'x'.repeat(CLAIM_FIELDS.note.limits.maxChars));
    expect((await closed).code).toBe(CloseCode.tooLarge);
    c.provider.disconnect();
    expect((await lead.get(`/api/claims/${id}`)).body.claim.note).toBe('Start.');
  });

  test('an update that would grow the document past its limit is refused with 4413; the document keeps what it had', async () => {
    const { lead, documentId } = await documentOf(app, 'grower');
    const c = await client(lead, documentId);
    const ids: string[] = [];
    const closed = nextClose(c, 20_000);
    // Notes of 90,000 characters: the fourth passes 300 kB.
    for (let i = 0; i < 5 && c.closes.length === 0; i++) {
      const id = randomUUID();
      ids.push(id);
      claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorOf('27 operators'), note: `${i}`.repeat(90_000) }));
      await Promise.race([c.saved.whenSaved(), closed]);
    }
    const close = await closed;
    expect(close.code).toBe(CloseCode.tooLarge);
    expect(close.reason).toContain('document would grow');
    c.provider.disconnect();
    const stored = (await lead.get(`/api/documents/${documentId}/claims`)).body.claims as Array<{ id: string }>;
    expect(stored.length).toBeGreaterThanOrEqual(2);
    expect(stored.length).toBeLessThan(ids.length);
  });
});

describe('updates with missing dependencies', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp(collab({ maxHeldMs: 600 }));
  });
  afterAll(() => app?.close());

  /** Two updates of one client, the second depending on the first. */
  function dependentUpdates() {
    const source = new Y.Doc();
    const updates: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => updates.push(u));
    const id = randomUUID();
    claimsOf(source).set(id, newClaim({ id, anchor: anchorOf('140 the year before'), note: 'First' }));
    (claimsOf(source).get(id)!.get('note') as Y.Text).insert(5, ' and second');
    return { id, first: updates[0], second: updates[1] };
  }

  test('are not acknowledged while held, and are once what they depend on arrives', async () => {
    const { lead, documentId, token } = await documentOf(app);
    const { id, first, second } = dependentUpdates();
    const socket = await raw(app, documentId, token);
    socket.send(updateFrame(second));
    await new Promise((r) => setTimeout(r, 300));
    expect(socket.saved).toBe(0);
    socket.send(updateFrame(first));
    await eventually(() => socket.saved === 2, 5000, 'both frames acknowledged');
    expect((await lead.get(`/api/claims/${id}`)).body.claim.note).toBe('First and second');
    socket.socket.close();
  });

  test('held past the bound are dropped, never stored, and the sender is closed with 4510', async () => {
    const { documentId, token } = await documentOf(app, 'held');
    const { second } = dependentUpdates();
    const socket = await raw(app, documentId, token);
    socket.send(updateFrame(second));
    const closed = await socket.closed;
    expect(closed.code).toBe(CloseCode.outOfSync);
    expect(socket.saved).toBe(0);
    await app.app.rooms.writer.drain();
    const stored = await loadStoredState(app.database.db, documentId);
    const doc = new Y.Doc();
    stored.updates.forEach((u) => Y.applyUpdate(doc, u));
    expect(claimsOf(doc).size).toBe(0);
    expect(doc.store.pendingStructs).toBeNull();
  });
});

describe('heartbeat', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp(collab({ heartbeatMs: 150 }));
  });
  afterAll(() => app?.close());

  test('a socket that stops answering pings is closed, and its room unloads', async () => {
    const { documentId, token } = await documentOf(app);
    const alive = await raw(app, documentId, token);
    const dead = await raw(app, documentId, token, { autoPong: false });
    expect(app.app.rooms.isLoaded(documentId)).toBe(true);
    const closed = await dead.closed;
    // Terminated by the server without a close frame.
    expect(closed.code).toBe(1006);
    // The one that answers stays.
    expect(alive.socket.readyState).toBe(WebSocket.OPEN);
    alive.socket.close();
    await eventually(() => !app.app.rooms.isLoaded(documentId), 10_000, 'room unloaded');
  });
});
