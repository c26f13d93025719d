import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';
import { freshPostgresDatabase } from '../helpers/database';
import { rssKb, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { anchorAt, canonical, rawConnect, setUpTeam, storedClaims, within, type Team } from './support';

const MAX_BUFFERED = 262_144;
const EDITORS = 4;
const CHUNK = 'x'.repeat(16 * 1024);

let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let server: ServerProcess;
let team: Team;
const clients: CollabClient[] = [];

beforeAll(async () => {
  db = await freshPostgresDatabase();
  server = await startServerProcess({
    env: { DATABASE_URL: db.url, COLLAB_MAX_BUFFERED_BYTES: String(MAX_BUFFERED), COLLAB_IDLE_UNLOAD_MS: '600000' },
  });
  team = await setUpTeam(server.url, 2);
});

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server?.stop();
  await db?.drop();
});

/**
 * The state of a TCP connection as the kernel sees it (from /proc/net/tcp), by its local and remote
 * ports: '01' established, '04' FIN_WAIT1 (closed by its owner, unsent data still queued) … or null when gone.
 */
function tcpState(localPort: number, remotePort: number): string | null {
  const hex = (p: number) => p.toString(16).toUpperCase().padStart(4, '0');
  for (const line of readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)) {
    const f = line.trim().split(/\s+/);
    if (f.length > 3 && f[1].endsWith(`:${hex(localPort)}`) && f[2].endsWith(`:${hex(remotePort)}`)) return f[3];
  }
  return null;
}

describe('a client that stops reading', () => {
  test('is disconnected once its send buffer passes the bound, while the others keep syncing and getting saved, and server memory stays bounded', async () => {
    for (let i = 0; i < EDITORS; i++) clients.push(await connect(server.url, team.documentId, { token: team.annotators[i % 2].token }));
    await Promise.all(clients.map((c) => synced(c)));
    const ids = clients.map((c, i) => {
      const id = crypto.randomUUID();
      claimsOf(c.doc).set(id, newClaim({ id, anchor: anchorAt(i * 17), confidence: 10 }));
      return id;
    });
    await Promise.all(clients.map((c) => c.saved.whenSaved()));

    // The slow client: a raw socket that reads the server's greeting and then nothing more.
    const slow = await rawConnect(server.url, team.documentId, team.leadToken);
    await eventually(() => slow.received.length > 0, 5000, 'greeting');
    const socket = (slow.ws as unknown as { _socket: import('node:net').Socket })._socket;
    socket.pause();
    const slowPort = socket.localPort!;
    const serverSide = () => tcpState(server.port, slowPort);
    expect(serverSide()).toBe('01');

    const baseline = await rssKb(server.pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      rssKb(server.pid).then((kb) => (peak = Math.max(peak, kb)), () => {});
    }, 100);

    // Heavy editing: each editor types 16 KB into its claim's note and deletes it again, over and over.
    let sentBytes = 0;
    let edits = 0;
    let closedAfterMs: number | null = null;
    let sentAtClose = 0;
    const start = Date.now();
    const track = (c: CollabClient) => c.doc.on('update', (u: Uint8Array, origin: unknown) => origin !== c.provider && (sentBytes += u.byteLength));
    clients.forEach(track);
    for (let round = 1; Date.now() - start < 20_000; round++) {
      clients.forEach((c, i) => {
        const note = claimsOf(c.doc).get(ids[i])!.get('note') as Y.Text;
        note.insert(0, CHUNK);
        note.delete(0, CHUNK.length);
        edits += 2;
      });
      // The editors run in this one test process: every other round they wait for their saved
      // acknowledgements (which come after everything sent to them before). A round sends each editor
      // about 4 × 16 KB (every editor's insert, its own included), so an editor has at most ~128 KB
      // unread, under the bound, however slowly this busy process reads (waiting only every 8th
      // round let 512 KB pile up, and a loaded CI machine saw an editor dropped as a slow consumer).
      if (round % 2 === 0) await within(Promise.all(clients.map((c) => c.saved.whenSaved())), 20_000, 'editors saved while editing');
      else await new Promise((r) => setImmediate(r));
      if (closedAfterMs === null && serverSide() !== '01') {
        closedAfterMs = Date.now() - start;
        sentAtClose = sentBytes;
      }
      // Keep going a little after the close, to show the others are unaffected.
      if (closedAfterMs !== null && Date.now() - start > closedAfterMs + 1500) break;
    }
    const editingMs = Date.now() - start;
    clearInterval(sampler);
    peak = Math.max(peak, await rssKb(server.pid));

    // The others: every write saved, and all of them converge (each note back to empty, confidence set once more).
    clients.forEach((c, i) => claimsOf(c.doc).get(ids[i])!.set('confidence', 90));
    await within(Promise.all(clients.map((c) => c.saved.whenSaved())), 30_000, 'editors saved');
    await eventually(() => new Set(clients.map((c) => canonical(claimsOf(c.doc).toJSON()))).size === 1, 10_000, 'editors converged');
    // No editor was dropped (each close is listed with its code, so a failure says which and why).
    expect(clients.map((c) => ({ connected: c.provider.wsconnected, closes: c.closes }))).toEqual(clients.map(() => ({ connected: true, closes: [] })));
    const converged = claimsOf(clients[0].doc).toJSON();
    for (const id of ids) expect(converged[id]).toMatchObject({ confidence: 90, note: '' });
    expect(canonical(await storedClaims(db.url, team.documentId))).toBe(canonical(converged));

    console.log(
      `slow consumer: ${edits} edits (${(sentBytes / 1e6).toFixed(1)} MB of updates from ${EDITORS} editors) in ${editingMs} ms; ` +
        `server dropped the slow client after ${closedAfterMs ?? 'never'} ms (${(sentAtClose / 1e6).toFixed(1)} MB sent by then); server RSS ${Math.round(baseline / 1024)} MB before, peak ${Math.round(peak / 1024)} MB`,
    );

    // The server gave the slow connection up (its side is closed, or already gone) …
    expect(closedAfterMs).not.toBeNull();
    expect(serverSide()).not.toBe('01');
    // … and once the client reads again, it drains what the kernel held and sees the connection end.
    socket.resume();
    const { code } = await within(slow.closed, 15_000, 'slow client closed');
    expect([CloseCode.slowConsumer, 1006]).toContain(code);

    // It was dropped while the editing went on, after being sent more than the bound plus what the
    // kernel's socket buffers absorb; and the server's resident memory stayed within a sane envelope.
    // (At this traffic the RSS figure is dominated by the editing itself, so it is reported rather than
    // compared closely; dropping the reader is what keeps it from growing server memory.)
    expect(sentAtClose).toBeGreaterThan(MAX_BUFFERED);
    expect(sentBytes).toBeGreaterThan(sentAtClose);
    expect(peak - baseline).toBeLessThan(256 * 1024);
    expect(peak).toBeLessThan(1024 * 1024);
  });
});
