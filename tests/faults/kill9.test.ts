import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsOf } from '../../server/shared/claim-doc';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';
import { freshPostgresDatabase } from '../helpers/database';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { canonical, Editor, setUpTeam, sleep, storedClaims, type Team } from './support';

const CLIENTS = 20;
// Each y-websocket provider in Node adds a process 'exit' listener.
process.setMaxListeners(CLIENTS + 10);

let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let server: ServerProcess;
let team: Team;
const clients: CollabClient[] = [];

beforeAll(async () => {
  db = await freshPostgresDatabase();
  // Rooms stay loaded and uncompacted for the whole test, so PostgreSQL holds exactly the update log.
  server = await startServerProcess({ env: { DATABASE_URL: db.url, COLLAB_IDLE_UNLOAD_MS: '600000' } });
  team = await setUpTeam(server.url, 4);
});

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server?.stop();
  await db?.drop();
});

/** Lists what `stored` lacks of `editor`'s first `count` edits: missing claims, confidence below what was set. */
function missing(editor: Editor, count: number, stored: Record<string, any>): string[] {
  const out: string[] = [];
  for (const [id, value] of editor.expected(count)) {
    if (!stored[id]) out.push(`claim ${id} is not stored`);
    else if (!(stored[id].confidence >= value)) out.push(`claim ${id}: stored confidence ${stored[id].confidence} < acknowledged ${value}`);
  }
  return out;
}

describe('kill -9 of the server process', () => {
  test('every edit acknowledged as saved survives kill -9, and after a restart every client converges with all its edits stored', async () => {
    for (let i = 0; i < CLIENTS; i++) {
      clients.push(await connect(server.url, team.documentId, { token: team.annotators[i % team.annotators.length].token }));
    }
    await Promise.all(clients.map((c) => synced(c)));
    const editors = clients.map((c, i) => new Editor(c, i));

    // Everyone edits for two seconds, each client roughly every 20 ms in bursts of 180 ms with
    // 120 ms pauses (so SavedState also gets to say 'saved' between bursts).
    let tick = 0;
    const editing = setInterval(() => {
      tick++;
      editors.forEach((e, i) => (tick + i * 7) % 30 < 18 && Math.random() < 0.5 && e.step());
    }, 10);
    // Kill once at least two seconds have passed and a fair number of edits have been acknowledged
    // (on a loaded machine the first acknowledgements can take a while), with edits still in flight.
    const began = Date.now();
    let firstAckMs = -1;
    await eventually(
      () => {
        const acked = editors.reduce((a, e) => a + e.acked, 0);
        if (acked > 0 && firstAckMs < 0) firstAckMs = Date.now() - began;
        return Date.now() - began >= 2000 && acked >= CLIENTS * 5;
      },
      30_000,
      'acknowledged edits',
    );
    const killedAfterMs = Date.now() - began;
    // One more edit from every client right before the kill, so it always catches edits in flight:
    // with commits this quick, a kill that fell in one of the pauses found every edit stored.
    editors.forEach((e) => e.step());
    const madeBeforeKill = editors.map((e) => e.edits.length);
    server.kill('SIGKILL');
    await server.waitExit();
    // No acknowledgement can arrive from a dead process: these are final.
    const acked = editors.map((e) => e.acked);
    const made = editors.map((e) => e.edits.length);
    // Clients keep editing offline for a moment; those edits are kept locally.
    await sleep(500);
    clearInterval(editing);

    const totalAcked = acked.reduce((a, b) => a + b, 0);
    const totalMade = made.reduce((a, b) => a + b, 0);
    const byStatus = editors.reduce((a, e) => a + e.savedByStatus, 0);
    console.log(
      `kill -9 after ${killedAfterMs} ms of editing (first acknowledgement after ${firstAckMs} ms): ${totalMade} edits made before the kill, ${totalAcked} acknowledged as saved (${byStatus} seen as SavedState 'saved'), ` +
        `${editors.reduce((a, e) => a + e.edits.length, 0) - totalMade} more made offline`,
    );

    const afterKill = await storedClaims(db.url, team.documentId);
    expect(editors.flatMap((e, i) => missing(e, acked[i], afterKill))).toEqual([]);
    // The kill caught edits in flight: some made before it never reached PostgreSQL, so the restart
    // below has edits to recover from the clients (and "all its edits stored" is more than a reload).
    const lost = editors.flatMap((e, i) => missing(e, madeBeforeKill[i], afterKill));
    console.log(`kill -9: ${lost.length} of the claims edited before the kill are not stored as they were left`);
    expect(lost.length).toBeGreaterThan(0);

    // Restart on the same port: the providers reconnect by themselves and resend what the server lacks.
    const startedAt = Date.now();
    server = await startServerProcess({ env: server.env, port: server.port });
    const restartMs = Date.now() - startedAt;
    await eventually(() => clients.every((c) => c.provider.synced && c.saved.status === 'saved'), 45_000, 'every client reconnected and saved');
    const reconnectMs = Date.now() - startedAt;
    await eventually(
      () => new Set(clients.map((c) => canonical(claimsOf(c.doc).toJSON()))).size === 1,
      10_000,
      'clients converged',
    );
    const converged = claimsOf(clients[0].doc).toJSON();
    console.log(`kill -9: restart took ${restartMs} ms, every client synced and saved after ${reconnectMs} ms; ${Object.keys(converged).length} claims`);

    // Every edit of every client (acknowledged or not before the kill, or made offline) is on every client …
    for (const c of clients) expect(editors.flatMap((e) => missing(e, e.edits.length, claimsOf(c.doc).toJSON()))).toEqual([]);
    for (const e of editors) for (const [id, value] of e.expected()) expect(converged[id].confidence).toBe(value);
    // … and PostgreSQL holds exactly that document.
    await eventually(async () => canonical(await storedClaims(db.url, team.documentId)) === canonical(converged), 5000, 'stored state equal to the clients');
    expect(canonical(await storedClaims(db.url, team.documentId))).toBe(canonical(converged));
  });
});
