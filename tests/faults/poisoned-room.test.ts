import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';
import { freshPostgresDatabase } from '../helpers/database';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { anchorAt, Editor, rawConnect, setUpTeam, sleep, storedClaims, withPg, type Team } from './support';

process.setMaxListeners(60);

let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let server: ServerProcess;
let victims: Team;
let attackers: Team;
const clients: CollabClient[] = [];

beforeAll(async () => {
  db = await freshPostgresDatabase();
  server = await startServerProcess({ env: { DATABASE_URL: db.url, COLLAB_IDLE_UNLOAD_MS: '600000' } });
  victims = await setUpTeam(server.url, 3);
  attackers = await setUpTeam(server.url, 1);
  // A refusal the server cannot foresee, for the quarantine path: only this database has it.
  await withPg(db.url, (c) => c.query(`alter table claims add constraint fault_poison check (note not like '%POISON%')`));
});

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server?.stop();
  await db?.drop();
});

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : NaN;
};

/** One edit of the probe client every 50 ms for `ms`, timed from the edit to its saved acknowledgement. */
async function probeLatencies(probe: CollabClient, claimId: string, ms: number): Promise<number[]> {
  const out: number[] = [];
  const end = Date.now() + ms;
  let value = 0;
  while (Date.now() < end) {
    const began = performance.now();
    claimsOf(probe.doc).get(claimId)!.set('confidence', (value = (value + 1) % 100));
    await probe.saved.whenSaved();
    out.push(performance.now() - began);
    await sleep(50);
  }
  return out;
}

/** A 3,000-deep nest of Y.Arrays, made inside the claim (Yjs reads nested types only once integrated). */
function nestedForgery(doc: Y.Doc, claimId: string, userId: string): void {
  doc.transact(() => {
    const map = claimsOf(doc).get(claimId)!;
    map.set('status', 'verified');
    map.set('createdBy', { id: userId, name: 'Forged' });
    map.set('tally', { count: 9, byVerdict: { accurate: 9 }, consensus: 'accurate', agreement: 1 });
    let level = new Y.Array<unknown>();
    map.set('tags', level);
    for (let i = 0; i < 3000; i++) {
      const inner = new Y.Array<unknown>();
      level.push([inner]);
      level = inner;
    }
  });
}

describe('one poisoned workspace on a shared server', () => {
  test('hostile writes to one workspace — NUL text, a guard-tripping forgery, a batch the database refuses — never stop another workspace, and do not come back after kill -9', async () => {
    // The victims: three editors making claims and moving confidence, plus a probe timing its saves.
    for (let i = 0; i < 3; i++) clients.push(await connect(server.url, victims.documentId, { token: victims.annotators[i].token }));
    const probe = await connect(server.url, victims.documentId, { token: victims.leadToken });
    clients.push(probe);
    await Promise.all(clients.map((c) => synced(c)));
    const probeClaim = crypto.randomUUID();
    claimsOf(probe.doc).set(probeClaim, newClaim({ id: probeClaim, anchor: anchorAt(3), confidence: 0 }));
    await probe.saved.whenSaved();
    const editors = clients.slice(0, 3).map((c, i) => new Editor(c, i));
    const editing = setInterval(() => editors.forEach((e) => Math.random() < 0.5 && e.step()), 40);

    const quiet = await probeLatencies(probe, probeClaim, 2000);

    // The attacker: a y-websocket client whose document (its "IndexedDB copy") outlives the server.
    const attackerDoc = new Y.Doc();
    const attacker = await connect(server.url, attackers.documentId, { token: attackers.annotators[0].token }, { doc: attackerDoc });
    clients.push(attacker);
    await synced(attacker);
    const target = crypto.randomUUID();
    claimsOf(attackerDoc).set(target, newClaim({ id: target, anchor: anchorAt(40), note: 'Clean.' }));
    await attacker.saved.whenSaved();

    const attack = (async () => {
      (claimsOf(attackerDoc).get(target)!.get('note') as Y.Text).insert(0, 'bad\u0000text ');
      const forgers = await Promise.all([1, 2, 3].map(() => rawConnect(server.url, attackers.documentId, attackers.annotators[0].token)));
      const codes: number[] = [];
      for (const forger of forgers) {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, Y.encodeStateAsUpdate(attackerDoc));
        const before = Y.encodeStateVector(doc);
        nestedForgery(doc, target, attackers.annotators[0].client.user!.id);
        forger.sendUpdate(Y.encodeStateAsUpdate(doc, before));
        codes.push((await forger.closed).code);
      }
      const rest = await attackers.annotators[0].client.patch(`/api/claims/${target}`, { note: 'nul\u0000 over REST' });
      // A second document of the attacker's, whose next batch the database refuses.
      const poisonedDoc = (await attackers.lead.post(`/api/workspaces/${attackers.wid}/documents`, { title: 'Poison', text: 'A short text about 12 ships.' })).body.document.id;
      const poisoner = await rawConnect(server.url, poisonedDoc, attackers.leadToken);
      const local = new Y.Doc();
      const claim = crypto.randomUUID();
      claimsOf(local).set(claim, newClaim({ id: claim, anchor: { start: 19, end: 27, exact: '12 ships', prefix: 'A short text about ', suffix: '.' }, note: 'POISON' }));
      poisoner.sendUpdate(Y.encodeStateAsUpdate(local));
      const poisonClose = (await poisoner.closed).code;
      return { forgers: codes, rest: rest.status, poisonClose };
    })();
    const [during, outcome] = await Promise.all([probeLatencies(probe, probeClaim, 3000), attack]);
    expect(outcome.forgers).toEqual([CloseCode.invalidContent, CloseCode.invalidContent, CloseCode.invalidContent]);
    expect(outcome.rest).toBe(400);
    expect(outcome.poisonClose).toBe(CloseCode.saveRefused);
    expect(attacker.closes.some((c) => c.code === CloseCode.invalidContent)).toBe(true);
    // The probe's saves kept being acknowledged all through the attack.
    expect(during.length).toBeGreaterThan(10);

    // kill -9, then the same server again: the attacker reconnects with its poisoned copy.
    clearInterval(editing);
    server.kill('SIGKILL');
    await sleep(300);
    const refusalsBefore = attacker.closes.filter((c) => c.code === CloseCode.invalidContent).length;
    const began = Date.now();
    server = await startServerProcess({ env: server.env, port: server.port });
    // The attacker's page is reloaded: its stored copy, with the NUL in it, connects again.
    attacker.provider.disconnect();
    attacker.provider.connect();
    await eventually(() => attacker.closes.filter((c) => c.code === CloseCode.invalidContent).length > refusalsBefore, 30_000, 'the reconnected attacker refused');
    attacker.provider.disconnect();
    await eventually(() => clients.slice(0, 4).every((c) => c.provider.synced && c.saved.status === 'saved'), 45_000, 'victims resynced and saved');
    const restartMs = Date.now() - began;

    const stored = await storedClaims(db.url, victims.documentId);
    const lost = editors.flatMap((e) => [...e.expected(e.acked)].filter(([id, value]) => !(stored[id]?.confidence >= value)).map(([id]) => id));
    expect(lost).toEqual([]);
    const attackerStored = await storedClaims(db.url, attackers.documentId);
    expect(attackerStored[target].note).toBe('Clean.');
    expect(attackerStored[target].status).toBe('open');
    const health = await victims.lead.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.saves.quarantined).toBe(1);

    const figures = {
      probeAckMs: {
        quiet: { n: quiet.length, p50: Math.round(percentile(quiet, 50) * 10) / 10, p99: Math.round(percentile(quiet, 99) * 10) / 10 },
        underAttack: { n: during.length, p50: Math.round(percentile(during, 50) * 10) / 10, p99: Math.round(percentile(during, 99) * 10) / 10 },
      },
      editsAcknowledged: editors.reduce((n, e) => n + e.acked, 0),
      lostAfterKill9: lost.length,
      restartToResyncedMs: restartMs,
    };
    console.log(`poisoned room: ${JSON.stringify(figures)}`);
  });
});
