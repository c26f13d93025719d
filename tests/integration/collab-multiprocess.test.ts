import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimsOf, newClaim, type Anchor } from '../../server/shared/claim-doc';
import { Client, signUp } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';
import { freshPostgresDatabase, testDbKind } from '../helpers/database';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';

// Two server processes share one PostgreSQL database and one Redis: the deployment behind a load
// balancer (DESIGN.md "Several processes"). Needs both services; CI sets REDIS_URL.
const enabled = Boolean(process.env.REDIS_URL && process.env.TEST_DATABASE_URL && testDbKind() === 'postgres');

const text =
  'The harbour wall will protect 38,000 homes from a one-in-a-hundred-year flood. It will cost 1.2 billion euros, ' +
  'officials confirmed on Monday. UN reports suggest that between 5,500 and 6,000 people work in the port.';
const anchorAt = (start: number, length = 10): Anchor => {
  const s = start % (text.length - length);
  return { start: s, end: s + length, exact: text.slice(s, s + length), prefix: text.slice(Math.max(0, s - 32), s), suffix: text.slice(s + length, s + length + 32) };
};
/** JSON with sorted keys: two docs that integrated the same map keys in another order compare equal. */
const canonical = (value: unknown) =>
  JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v));
const claimsJson = (c: CollabClient) => canonical(claimsOf(c.doc).toJSON());
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let a: ServerProcess;
let b: ServerProcess;
let lead: Client;
let wid: string;
/** Users whose clients connect only to process A, and only to process B. */
const users: Record<'onA' | 'onB', { id: string; token: string }> = {} as never;
const open: CollabClient[] = [];
process.setMaxListeners(30);

beforeAll(async () => {
  if (!enabled) return;
  db = await freshPostgresDatabase();
  // Rooms stay loaded and the log uncompacted, so doc_updates holds every row each process appended.
  const env = { DATABASE_URL: db.url, REDIS_URL: process.env.REDIS_URL!, COLLAB_IDLE_UNLOAD_MS: '600000', COLLAB_COMPACT_AFTER_ROWS: '1000000' };
  // One after the other: the first applies the migrations and seeds the empty database.
  a = await startServerProcess({ env });
  b = await startServerProcess({ env });
  lead = await signUp(a.url, 'lead');
  wid = (await lead.post('/api/workspaces', { name: 'Two processes' })).body.workspace.id;
  for (const key of ['onA', 'onB'] as const) {
    const c = await signUp(a.url, key);
    await lead.post(`/api/workspaces/${wid}/members`, { email: c.user!.email, role: 'annotator' });
    users[key] = { id: c.user!.id, token: (await c.post('/api/tokens', { name: 'collab' })).body.token };
  }
}, 90_000);

afterAll(async () => {
  open.forEach((c) => c.destroy());
  await Promise.all([a?.stop(), b?.stop()]);
  await db?.drop();
});

async function newDocument(title: string): Promise<string> {
  const res = await lead.post(`/api/workspaces/${wid}/documents`, { title, text });
  return res.body.document.id;
}

async function join(server: ServerProcess, documentId: string, who: 'onA' | 'onB'): Promise<CollabClient> {
  const c = await connect(server.url, documentId, { token: users[who].token });
  open.push(c);
  return c;
}

/** Counts the transactions a client makes itself (each one is one update frame to the server). */
function countLocal(c: CollabClient): { n: number } {
  const counter = { n: 0 };
  c.doc.on('update', (_u: Uint8Array, origin: unknown) => {
    if (origin !== c.provider) counter.n++;
  });
  return counter;
}

/** One random edit on whatever claims this client can see: confidence, typing into a note, or a new claim. */
function edit(c: CollabClient, i: number, created: string[]): void {
  const claims = claimsOf(c.doc);
  const ids = [...claims.keys()];
  const roll = Math.random();
  if (ids.length === 0 || roll < 0.15) {
    const id = randomUUID();
    claims.set(id, newClaim({ id, anchor: anchorAt(i * 31 + created.length * 7), confidence: 50 }));
    created.push(id);
    return;
  }
  const target = claims.get(ids[Math.floor(Math.random() * ids.length)])!;
  if (roll < 0.6) target.set('confidence', Math.floor(Math.random() * 101));
  else (target.get('note') as Y.Text).insert(0, `c${i} `);
}

describe('two server processes on one database and one Redis', () => {
  test.skipIf(!enabled)('clients on both processes editing one document concurrently converge, and the claims endpoint of either process lists every claim', async () => {
    const health = await Promise.all([a, b].map(async (s) => (await fetch(`${s.url}/api/health`)).json()));
    expect(health).toEqual([
      { ok: true, db: 'postgres', bus: 'redis', saves: { unsavedSeconds: 0, quarantined: 0 } },
      { ok: true, db: 'postgres', bus: 'redis', saves: { unsavedSeconds: 0, quarantined: 0 } },
    ]);
    const documentId = await newDocument('Concurrent');
    const onA = [await join(a, documentId, 'onA'), await join(a, documentId, 'onA'), await join(a, documentId, 'onA')];
    const onB = [await join(b, documentId, 'onB'), await join(b, documentId, 'onB'), await join(b, documentId, 'onB')];
    const all = [...onA, ...onB];
    await Promise.all(all.map((c) => synced(c)));
    const local = all.map(countLocal);
    const created: string[] = [];

    // Two seconds of concurrent editing, every client every ~15 ms.
    const end = Date.now() + 2000;
    while (Date.now() < end) {
      all.forEach((c, i) => Math.random() < 0.7 && edit(c, i, created));
      await sleep(15);
    }
    const stoppedAt = Date.now();
    await eventually(() => new Set(all.map(claimsJson)).size === 1, 15_000, 'all six clients converged');
    const convergeMs = Date.now() - stoppedAt;
    await Promise.all(all.map((c) => c.saved.whenSaved()));
    const converged = claimsOf(all[0].doc).toJSON();
    console.log(`two processes: ${local.reduce((s, l) => s + l.n, 0)} edits, ${created.length} claims; converged ${convergeMs} ms after the last edit`);
    expect(Object.keys(converged).sort()).toEqual([...created].sort());

    // The projection: both processes answer with every claim as the document has it.
    const expected = created.map((id) => ({ id, confidence: converged[id].confidence, note: converged[id].note })).sort((x, y) => x.id.localeCompare(y.id));
    for (const server of [a, b]) {
      const reader = new Client(server.url);
      reader.cookie = lead.cookie;
      await eventually(
        async () => {
          const res = await reader.get(`/api/documents/${documentId}/claims`);
          const got = res.body.claims.map((c) => ({ id: c.id, confidence: c.confidence, note: c.note })).sort((x, y) => x.id.localeCompare(y.id));
          return canonical(got) === canonical(expected);
        },
        15_000,
        `claims endpoint of ${server.url}`,
      );
      const res = await reader.get(`/api/documents/${documentId}/claims`);
      expect(res.body.claims.map((c) => c.id).sort()).toEqual([...created].sort());
    }

    // Each process appended only what its own clients sent. Every client transaction is one frame,
    // stored as one row under the sender's user by the process it is connected to; the only rows
    // without a user are the server's own fill-ins of a new claim's server-owned fields, one per
    // claim. A process that also stored what it received from the other over Redis would add rows
    // (under no user, as a bus update has none): the counts below would not match.
    const rows = new pg.Client({ connectionString: db.url });
    await rows.connect();
    const byUser = await rows.query<{ user_id: string | null; n: number }>(
      'select user_id, count(*)::int as n from doc_updates where document_id = $1 group by user_id',
      [documentId],
    );
    await rows.end();
    const count = (userId: string | null) => byUser.rows.find((r) => r.user_id === userId)?.n ?? 0;
    expect({ onA: count(users.onA.id), onB: count(users.onB.id), server: count(null) }).toEqual({
      onA: local.slice(0, 3).reduce((s, l) => s + l.n, 0),
      onB: local.slice(3).reduce((s, l) => s + l.n, 0),
      server: created.length,
    });
    all.forEach((c) => c.destroy());
  }, 60_000);

  test.skipIf(!enabled)('presence set on one process is seen on the other, before and after the other joins', async () => {
    const documentId = await newDocument('Presence');
    const early = await join(a, documentId, 'onA');
    await synced(early);
    // Set before process B has the document loaded at all.
    early.provider.awareness.setLocalState({ user: { id: 'forged', name: 'Forged', color: '#f00' }, selection: { start: 3, end: 9 } });
    await sleep(300);
    const onB = await join(b, documentId, 'onB');
    await synced(onB);
    const seenOnB = () => onB.provider.awareness.getStates().get(early.doc.clientID);
    await eventually(() => seenOnB()?.selection?.start === 3, 10_000, 'presence of a client on A, set before B loaded the document, seen on B');
    // The server put the connection's real user in place of what the client claimed.
    expect(seenOnB()!.user).toMatchObject({ id: users.onA.id, name: 'onA' });

    onB.provider.awareness.setLocalState({ user: { id: users.onB.id, name: 'onB', color: '#0f0' }, focusedClaim: 'c1', selection: { start: 20, end: 25 } });
    early.provider.awareness.setLocalStateField('selection', { start: 40, end: 44 });
    await eventually(() => early.provider.awareness.getStates().get(onB.doc.clientID)?.selection?.start === 20, 10_000, 'presence of B seen on A');
    await eventually(() => seenOnB()?.selection?.start === 40, 10_000, 'moved selection seen on B');
    expect(early.provider.awareness.getStates().get(onB.doc.clientID)).toMatchObject({ focusedClaim: 'c1', user: { id: users.onB.id } });

    // Leaving removes the presence on the other process too.
    early.destroy();
    await eventually(() => seenOnB() === undefined, 10_000, 'presence removed on B after the client on A left');
    expect(onB.provider.awareness.getStates().has(early.doc.clientID)).toBe(false);
    onB.destroy();
  }, 60_000);

  test.skipIf(!enabled)('a client joining on B while a client on A edits without pause receives every edit: no update falls between load and subscribe', async () => {
    const rounds = await Promise.all(
      [0, 1, 2, 3].map(async (k) => {
        const documentId = await newDocument(`Join ${k}`);
        const writer = await join(a, documentId, 'onA');
        await synced(writer);
        const created: string[] = [];
        let editing = true;
        const loop = (async () => {
          while (editing) {
            edit(writer, k, created);
            await sleep(3);
          }
        })();
        // Join on B at a different moment in each round, while the writer keeps going.
        await sleep(100 + k * 150);
        const reader = await join(b, documentId, 'onB');
        await synced(reader);
        await sleep(500);
        editing = false;
        await loop;
        await writer.saved.whenSaved();
        const stoppedAt = Date.now();
        await eventually(() => claimsJson(reader) === claimsJson(writer), 15_000, `reader on B caught up in round ${k}`);
        // A second reader on B gets the same from B's room.
        const second = await join(b, documentId, 'onB');
        await synced(second);
        await eventually(() => claimsJson(second) === claimsJson(writer), 15_000, `second reader on B in round ${k}`);
        return { created: created.length, catchUpMs: Date.now() - stoppedAt, same: claimsJson(second) === claimsJson(writer) && claimsJson(reader) === claimsJson(writer) };
      }),
    );
    console.log(`join while editing: ${rounds.map((r) => `${r.created} claims, caught up in ${r.catchUpMs} ms`).join('; ')}`);
    for (const r of rounds) {
      expect(r.created).toBeGreaterThan(0);
      expect(r.same).toBe(true);
    }
  }, 60_000);
});

describe('a new version uploaded through one process', () => {
  test.skipIf(!enabled)('reaches the other process: its clients get the announcement, and it accepts claims anchored in the new text', async () => {
    const documentId = await newDocument('Versioned');
    const onB = await join(b, documentId, 'onB');
    await synced(onB);
    // The other process loads the room first, with the old text.
    await onB.saved.whenSaved();
    const newText = `${text} A second version adds that 2,400 jobs depend on the port.`;
    const uploaded = await lead.post(`/api/documents/${documentId}/versions`, { text: newText });
    expect(uploaded.status).toBe(200);
    await eventually(() => onB.doc.getMap('document').get('version') === 2, 10_000, 'the announcement on process B');
    // A claim on words only the new version has: process B's guard must check it against the new text.
    const exact = '2,400 jobs depend on the port';
    const start = newText.indexOf(exact);
    const id = randomUUID();
    await eventually(async () => {
      claimsOf(onB.doc).set(id, newClaim({ id, anchor: { start, end: start + exact.length, exact, prefix: newText.slice(start - 32, start), suffix: '.' } }));
      await sleep(300);
      return claimsOf(onB.doc).has(id);
    }, 10_000, 'the claim kept on process B');
    await onB.saved.whenSaved();
    const stored = (await lead.get(`/api/claims/${id}`)).body.claim;
    expect(stored.anchor).toMatchObject({ start, exact });
  });
});
