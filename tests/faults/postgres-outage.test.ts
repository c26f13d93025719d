import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SavedStatus } from '../../server/shared/saved-state';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { anchorAt, canonical, Editor, newDocument, setUpTeam, sleep, storedClaims, throwawayCluster, type Team, type ThrowawayCluster } from './support';

const CLIENTS = 6;
const OUTAGE_MS = 30_000;
process.setMaxListeners(CLIENTS + 10);

let cluster: ThrowawayCluster;
let server: ServerProcess;
let team: Team;
const clients: CollabClient[] = [];

beforeAll(async () => {
  cluster = await throwawayCluster();
  cluster.start();
  // A room nobody is connected to is unloaded 1.5 s after its last save, so the test can have one
  // that must be loaded from the database while the database is down.
  server = await startServerProcess({ env: { DATABASE_URL: cluster.url, COLLAB_IDLE_UNLOAD_MS: '1500' } });
  team = await setUpTeam(server.url, 2);
});

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server?.stop();
  cluster?.destroy();
});

const health = async () => {
  const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
  return res.status;
};

describe('a PostgreSQL outage', () => {
  test('the server keeps serving from memory through a 30 s outage, acknowledges nothing meanwhile, and saves everything once the database is back', async () => {
    const token = (i: number) => team.annotators[i % team.annotators.length].token;

    // A second document with stored claims that is no longer loaded when the outage starts.
    const coldDocument = await newDocument(team.lead, team.wid, 'Cold');
    const writer = await connect(server.url, coldDocument, { token: token(0) });
    await synced(writer);
    const coldClaim = crypto.randomUUID();
    claimsOf(writer.doc).set(coldClaim, newClaim({ id: coldClaim, anchor: anchorAt(40), confidence: 70 }));
    await writer.saved.whenSaved();
    writer.destroy();

    for (let i = 0; i < CLIENTS; i++) clients.push(await connect(server.url, team.documentId, { token: token(i) }));
    await Promise.all(clients.map((c) => synced(c)));
    const editors = clients.map((c, i) => new Editor(c, i));
    for (let round = 0; round < 10; round++) editors.forEach((e) => e.step());
    await Promise.all(clients.map((c) => c.saved.whenSaved()));
    // By now the cold document's room has been idle long enough to be unloaded (1.5 s after its last save).
    await sleep(2000);

    // The database goes away. From the first edit after that, no client may hear 'saved'.
    const transitions: Array<{ client: number; status: SavedStatus }> = [];
    const offs = clients.map((c, i) => c.saved.subscribe((status) => transitions.push({ client: i, status })));
    cluster.stop();
    const outageStart = Date.now();
    const beforeOutage = editors.map((e) => e.edits.length);
    const healthDuring: number[] = [];
    let newcomer: CollabClient | null = null;
    let newcomerSynced = false;
    while (Date.now() - outageStart < OUTAGE_MS) {
      editors.forEach((e) => e.step());
      await sleep(100);
      const elapsed = Date.now() - outageStart;
      if (healthDuring.length < Math.floor(elapsed / 5000)) {
        healthDuring.push(await health());
        expect(server.alive()).toBe(true);
      }
      if (!newcomer && elapsed > 3000) {
        // A newcomer to the unloaded document: neither its token nor the document can be read now,
        // and it must not be served (least of all an empty document that would later overwrite it).
        newcomer = await connect(server.url, coldDocument, { token: token(1) });
        newcomer.provider.on('sync', (s: boolean) => (newcomerSynced ||= s));
      }
    }
    const duringOutage = editors.map((e, i) => e.edits.length - beforeOutage[i]);
    offs.forEach((off) => off());
    console.log(
      `postgres outage: ${duringOutage.reduce((a, b) => a + b, 0)} edits during ${Date.now() - outageStart} ms; health answered ${healthDuring.join(', ')}; ` +
        `status changes: ${[...new Set(transitions.map((t) => t.status))].join(', ') || 'none'}; ` +
        `a newcomer to an unloaded document was refused ${newcomer?.closes.length ?? 0} times (${[...new Set(newcomer?.closes.map((c) => c.code))].join(', ')})`,
    );

    expect(server.alive()).toBe(true);
    expect(healthDuring.length).toBeGreaterThanOrEqual(5);
    for (const status of healthDuring) expect([200, 503]).toContain(status);
    expect(healthDuring).toContain(503);
    // Nothing edited during the outage was acknowledged: no 'saved', and SavedState says 'saving' (or offline).
    expect(transitions.filter((t) => t.status === 'saved')).toEqual([]);
    for (const c of clients) expect(['saving', 'offline', 'connecting']).toContain(c.saved.status);
    expect(editors.every((e, i) => e.acked <= beforeOutage[i])).toBe(true);
    expect(newcomerSynced).toBe(false);
    expect(claimsOf(newcomer!.doc).size).toBe(0);

    // The database comes back: the kept batch is retried and everything gets saved.
    cluster.start();
    const backAt = Date.now();
    await eventually(() => clients.every((c) => c.saved.status === 'saved'), 30_000, 'every client saved after the outage');
    console.log(`postgres outage: every client saved ${Date.now() - backAt} ms after the database came back`);
    expect(await health()).toBe(200);
    await eventually(() => new Set(clients.map((c) => canonical(claimsOf(c.doc).toJSON()))).size === 1, 10_000, 'clients converged');
    const converged = claimsOf(clients[0].doc).toJSON();
    for (const e of editors) for (const [id, value] of e.expected()) expect(converged[id]?.confidence).toBe(value);
    expect(editors.every((e) => e.acked === e.edits.length)).toBe(true);
    expect(canonical(await storedClaims(cluster.url, team.documentId))).toBe(canonical(converged));

    // The cold document is served once it can be loaded, with what was stored before the outage.
    await eventually(() => newcomerSynced && claimsOf(newcomer!.doc).has(coldClaim), 20_000, 'cold document loaded after the outage');
    expect(claimsOf(newcomer!.doc).get(coldClaim)!.get('confidence')).toBe(70);
    newcomer!.destroy();
  });
});
