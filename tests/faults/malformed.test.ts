import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { signUp } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';
import { freshPostgresDatabase } from '../helpers/database';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { anchorAt, newDocument, rawConnect, setUpTeam, sleep, storedRows, within, type Team } from './support';

const MAX_FRAME = 65_536;

let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let server: ServerProcess;
let team: Team;
let otherDocument: string;
let otherClaim: string;
const open: CollabClient[] = [];

beforeAll(async () => {
  db = await freshPostgresDatabase();
  // Rooms stay loaded (no compaction on unload), so the stored rows change only when a frame is accepted.
  server = await startServerProcess({ env: { DATABASE_URL: db.url, COLLAB_MAX_FRAME_BYTES: String(MAX_FRAME), COLLAB_IDLE_UNLOAD_MS: '600000' } });
  team = await setUpTeam(server.url, 1);
  otherDocument = await newDocument(team.lead, team.wid, 'Other');
  // Both documents hold a claim, written by an ordinary client and saved.
  for (const documentId of [team.documentId, otherDocument]) {
    const c = await connect(server.url, documentId, { token: team.annotators[0].token });
    open.push(c);
    await synced(c);
    const id = crypto.randomUUID();
    claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorAt(documentId === otherDocument ? 50 : 10), confidence: 30, note: 'seen' }));
    await c.saved.whenSaved();
    if (documentId === otherDocument) otherClaim = id;
  }
});

afterAll(async () => {
  open.forEach((c) => c.destroy());
  await server?.stop();
  await db?.drop();
});

const frame = (...parts: Array<number | Uint8Array>): Uint8Array => {
  const enc = encoding.createEncoder();
  for (const p of parts) if (typeof p === 'number') encoding.writeUint8(enc, p);
  else encoding.writeUint8Array(enc, p);
  return encoding.toUint8Array(enc);
};

/** A sync update frame (type 0, sub-type 2) carrying `payload` with its correct length prefix. */
const updateFrame = (payload: Uint8Array): Uint8Array => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, 0);
  encoding.writeVarUint(enc, 2);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
};

/** Sends one frame on a fresh raw connection (valid token) and resolves with the close code. */
async function closeCodeFor(data: Uint8Array, documentId = team.documentId): Promise<number> {
  const raw = await rawConnect(server.url, documentId, team.annotators[0].token);
  raw.ws.send(data);
  const { code } = await within(raw.closed, 5000, `close after ${Buffer.from(data.subarray(0, 24)).toString('hex')}`);
  return code;
}

/** Runs `fn` and checks that every row the collaboration server writes is byte for byte as before. */
async function leavesStoredDataUnchanged(fn: () => Promise<void>): Promise<void> {
  const before = await storedRows(db.url);
  await fn();
  await sleep(200); // well past a group commit
  expect(await storedRows(db.url)).toEqual(before);
}

/** The document as the server holds it in memory, read by a fresh client. */
async function liveState(documentId: string): Promise<Y.Doc> {
  const c = await connect(server.url, documentId, { token: team.leadToken });
  await synced(c);
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  c.destroy();
  return copy;
}

/**
 * Valid updates creating the claim `id` on top of `live`, with two bytes changed, kept when Yjs
 * decodes them but throws while integrating them into `live` (a search with a fixed seed).
 */
function brokenUpdates(live: Y.Doc, id: string, clientID: number, wanted = 5): Uint8Array[] {
  const author = new Y.Doc();
  author.clientID = clientID;
  Y.applyUpdate(author, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(author);
  claimsOf(author).set(id, newClaim({ id, anchor: anchorAt(70), confidence: 5, note: 'broken' }));
  const valid = Y.encodeStateAsUpdate(author, before);
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const broken: Uint8Array[] = [];
  for (let attempt = 0; attempt < 50_000 && broken.length < wanted; attempt++) {
    const m = new Uint8Array(valid);
    for (let k = 0; k < 2; k++) m[Math.floor(random() * m.length)] = Math.floor(random() * 256);
    try {
      Y.decodeUpdate(m);
    } catch {
      continue;
    }
    const probe = new Y.Doc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(live));
    try {
      Y.applyUpdate(probe, m);
    } catch {
      broken.push(m);
    }
    probe.destroy();
  }
  return broken;
}

describe('malformed frames', () => {
  test('truncated varints, unknown message types and huge declared lengths are closed with 4400 and change nothing stored', async () => {
    const frames = [
      frame(0x80), // message type: a varint that never ends
      frame(0xff, 0xff, 0xff),
      frame(0), // sync without a sub-type
      frame(0, 0x80), // sub-type varint cut short
      frame(0, 2), // update without its length
      frame(0, 2, 0x85), // length varint cut short
      frame(0, 2, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3), // declares ~268 MB, carries 3 bytes
      frame(0, 1, 0xff, 0xff, 0xff, 0xff, 0x0f, 0), // sync step 2 declaring ~4 GB
      frame(0, 0, 0xff, 0xff, 0x03), // sync step 1 declaring 64 KB, carrying none
      frame(1, 0xff, 0xff, 0xff, 0x0f), // awareness declaring ~32 MB
      frame(1, 5, 1, 1, 1, 1, 0x7b), // awareness whose state is the JSON text "{"
      frame(9), // unknown message type
      frame(0x7f, 1, 2, 3),
      frame(0, 7, 0), // unknown sync sub-type
    ];
    await leavesStoredDataUnchanged(async () => {
      const codes = await Promise.all(frames.map((f) => closeCodeFor(f)));
      expect(codes).toEqual(frames.map(() => CloseCode.malformed));
    });
  });

  test('Yjs updates that do not decode are closed with 4400 and change nothing stored', async () => {
    const payloads = [
      new Uint8Array([1]), // one struct group, then nothing
      new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f]), // ~4 billion struct groups
      new Uint8Array([1, 1, 0x80]),
      new Uint8Array([1, 200, 1, 5, 0, 0xff, 0xff]),
      new TextEncoder().encode('this is not a Yjs update'),
      new Uint8Array(64).fill(0xff),
    ];
    for (const p of payloads) expect(() => Y.decodeUpdate(p)).toThrow();
    await leavesStoredDataUnchanged(async () => {
      const codes = await Promise.all(payloads.map((p) => closeCodeFor(updateFrame(p))));
      expect(codes).toEqual(payloads.map(() => CloseCode.malformed));
    });
  });

  // Yjs can decode an update and then throw half-way through integrating it (Item.getMissing →
  // findIndexSS on an id that is not in the store). This caught the room applying such an update in
  // part, broadcasting and storing it; the room now rehearses every client update on a shadow copy.
  test('a Yjs update that decodes but cannot be applied changes nothing, in memory or stored', async () => {
    const live = await liveState(team.documentId);
    const broken = brokenUpdates(live, '5f0c6a38-4d5e-4a63-9b1e-6f2d4c1a7e90', 424242);
    expect(broken.length).toBeGreaterThan(0);
    const stateBefore = Y.encodeStateAsUpdate(live);
    await leavesStoredDataUnchanged(async () => {
      for (const m of broken) await closeCodeFor(updateFrame(m));
    });
    const after = await liveState(team.documentId);
    expect(Buffer.from(Y.encodeStateAsUpdate(after)).equals(Buffer.from(stateBefore))).toBe(true);
  });

  test('a Yjs update that decodes but cannot be applied is closed with 4400', async () => {
    const broken = brokenUpdates(await liveState(team.documentId), '0b8e2f6a-7c51-4e2d-9a3f-1d6c8b4e5f27', 535353);
    expect(broken.length).toBeGreaterThan(0);
    const codes: number[] = [];
    for (const m of broken) codes.push(await closeCodeFor(updateFrame(m)));
    expect(codes).toEqual(broken.map(() => CloseCode.malformed));
  });

  test(`a frame larger than COLLAB_MAX_FRAME_BYTES (${MAX_FRAME}) is closed with 4413 and changes nothing stored`, async () => {
    const author = new Y.Doc();
    const id = crypto.randomUUID();
    claimsOf(author).set(id, newClaim({ id, anchor: anchorAt(5), note: 'x'.repeat(MAX_FRAME + 4096) }));
    const big = updateFrame(Y.encodeStateAsUpdate(author));
    expect(big.byteLength).toBeGreaterThan(MAX_FRAME);
    await leavesStoredDataUnchanged(async () => {
      expect(await closeCodeFor(big)).toBe(CloseCode.tooLarge);
    });
    // Just under the limit is accepted.
    const fits = new Y.Doc();
    const small = crypto.randomUUID();
    claimsOf(fits).set(small, newClaim({ id: small, anchor: anchorAt(5), note: 'y'.repeat(MAX_FRAME - 1024) }));
    const raw = await rawConnect(server.url, team.documentId, team.annotators[0].token);
    raw.sendUpdate(Y.encodeStateAsUpdate(fits));
    await eventually(() => raw.savedFrames() >= 1, 5000, 'saved acknowledgement');
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  test('a frame far beyond the limit is refused before it is buffered whole, and changes nothing stored', async () => {
    // Past 4 × COLLAB_MAX_FRAME_BYTES the ws library itself refuses the frame (1009) before the room sees it.
    const huge = new Uint8Array(1_000_000);
    huge.set([0, 2]);
    await leavesStoredDataUnchanged(async () => {
      expect([CloseCode.tooLarge, 1009]).toContain(await closeCodeFor(huge));
    });
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  test("a valid update using another document's claim id is accepted in this room only and leaves the other document's rows untouched", async () => {
    const otherRows = async () => {
      const rows = await storedRows(db.url);
      return {
        claims: rows.claims.filter((c: any) => c.document_id === otherDocument),
        updates: rows.docUpdates.filter((u: any) => u.document_id === otherDocument),
      };
    };
    const before = await otherRows();
    expect(before.claims.map((c: any) => c.id)).toEqual([otherClaim]);
    const live = await liveState(team.documentId);
    const author = new Y.Doc();
    Y.applyUpdate(author, Y.encodeStateAsUpdate(live));
    const sv = Y.encodeStateVector(author);
    claimsOf(author).set(otherClaim, newClaim({ id: otherClaim, anchor: anchorAt(90), confidence: 99, note: 'hijack' }));
    const raw = await rawConnect(server.url, team.documentId, team.annotators[0].token);
    raw.sendUpdate(Y.encodeStateAsUpdate(author, sv));
    await eventually(() => raw.savedFrames() >= 1, 5000, 'saved acknowledgement');
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();

    // This room has it; the other document's room, rows and claim are as they were.
    const here = await liveState(team.documentId);
    expect(claimsOf(here).get(otherClaim)?.get('confidence')).toBe(99);
    const there = await liveState(otherDocument);
    expect(claimsOf(there).get(otherClaim)?.get('confidence')).toBe(30);
    expect(await otherRows()).toEqual(before);
    const rest = await team.lead.get(`/api/documents/${otherDocument}/claims`);
    expect(rest.body.claims).toEqual([expect.objectContaining({ id: otherClaim, confidence: 30, note: 'seen', documentId: otherDocument })]);
  });
});

describe('refused connections', () => {
  test('no token or an unknown one is closed with 4401, a non-member and unknown documents with 4404', async () => {
    const outsider = await signUp(server.url, 'outsider');
    const outsiderToken = (await outsider.post('/api/tokens', { name: 'x' })).body.token as string;
    const codeOf = async (documentId: string, token?: string) => {
      const raw = await rawConnect(server.url, documentId, token);
      return (await within(raw.closed, 5000, 'refusal')).code;
    };
    await leavesStoredDataUnchanged(async () => {
      expect(await codeOf(team.documentId)).toBe(CloseCode.unauthorized);
      expect(await codeOf(team.documentId, 'not-a-token')).toBe(CloseCode.unauthorized);
      expect(await codeOf(team.documentId, outsiderToken)).toBe(CloseCode.notFound);
      expect(await codeOf(crypto.randomUUID(), team.leadToken)).toBe(CloseCode.notFound);
      expect(await codeOf('not-a-uuid', team.leadToken)).toBe(CloseCode.notFound);
    });
  });
});
