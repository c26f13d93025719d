import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';

/**
 * Random and mutated y-protocols frames against a real room: truncated varints, huge declared
 * lengths, unknown message types, corrupted and foreign updates, updates that touch server-owned
 * fields. The server never falls over, and a frame it refuses (4400/4413) leaves stored data as it was.
 */
let app: TestApp;
let token: string;
let documentId: string;
const text = 'The barrier will protect 38,000 homes.';
const TABLES = ['claims', 'evidence', 'claim_events', 'doc_updates', 'doc_snapshots', 'votes', 'comments'];

beforeAll(async () => {
  const { testConfig } = await import('../../server/config');
  app = await startApp({ collab: { ...testConfig().collab, idleUnloadMs: 3_600_000, maxFrameBytes: 16 * 1024 } });
  const team = await workspaceWithRoles(app.url);
  token = (await team.annotator.post('/api/tokens', { name: 'fuzz' })).body.token;
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Fuzz', text })).body.document.id;
  await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: '38,000 homes' });
});
afterAll(() => app?.close());

async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const t of TABLES) {
    const res = await app.database.db.execute(sql.raw(`select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${t} t`));
    parts.push((res as unknown as { rows: Array<{ h: string }> }).rows[0].h);
  }
  return parts.join(',');
}

/** Valid updates to start from: a new claim, and a forged write to a server-owned field. */
function seedUpdates(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const id = randomUUID();
  claimsOf(doc).set(id, newClaim({ id, anchor: { start: 0, end: 3, exact: 'The', prefix: '', suffix: ' barrier will' } }));
  claimsOf(doc).get(id)!.set('status', 'verified');
  return updates;
}

const frame = (type: number, sub: number | null, payload: Uint8Array) => {
  const enc = encoding.createEncoder();
  encoding.writeVarUint(enc, type);
  if (sub !== null) encoding.writeVarUint(enc, sub);
  encoding.writeVarUint8Array(enc, payload);
  return encoding.toUint8Array(enc);
};

const seeds = seedUpdates();
const mutated = fc.tuple(fc.constantFrom(...seeds), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 })).map(([u, edits]) => {
  const copy = new Uint8Array(u);
  for (const [at, byte] of edits) copy[at % copy.length] = byte;
  return copy;
});
const frames = fc.oneof(
  fc.constantFrom(...seeds).map((u) => frame(0, 2, u)), // valid, one of them a forged server-owned write
  fc.uint8Array({ maxLength: 64 }),
  fc.uint8Array({ minLength: 1, maxLength: 40 }).map((b) => { b[0] = 0; return b; }),
  fc.tuple(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 5 }), mutated).map(([t, s, u]) => frame(t, t === 0 ? s : null, u)),
  mutated.map((u) => frame(0, 2, u).slice(0, Math.max(1, u.length - 3))), // truncated
  fc.constant(new Uint8Array([0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f])), // huge declared length
  fc.constant(new Uint8Array(20 * 1024).fill(1)), // over the frame limit
);

test('random and mutated collaboration frames never crash the server, and refused ones change nothing stored', async () => {
  const outcomes = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(frames, async (data) => {
      // Whatever earlier accepted frames wrote is committed first, so `before` is settled.
      await app.app.rooms.writer.drain();
      const before = await fingerprint();
      const ws = new WebSocket(`${app.url.replace('http', 'ws')}/collab/${documentId}?token=${token}`);
      await new Promise((r, reject) => { ws.on('open', r); ws.on('error', reject); });
      const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
      ws.send(data);
      const code = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(0), 150))]);
      ws.terminate();
      outcomes.set(String(code), (outcomes.get(String(code)) ?? 0) + 1);
      if (code === CloseCode.malformed || code === CloseCode.tooLarge) {
        await app.app.rooms.writer.drain();
        expect(await fingerprint()).toBe(before);
      }
      const health = await fetch(`${app.url}/api/health`);
      expect(health.status).toBe(200);
    }),
    { numRuns: 120 },
  );
  // The generator must reach both refusals and accepted frames, or the property says little.
  expect(outcomes.get(String(CloseCode.malformed))).toBeGreaterThan(10);
  expect(outcomes.get('0')).toBeGreaterThan(5);
}, 240_000);
