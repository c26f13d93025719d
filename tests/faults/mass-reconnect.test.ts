import { afterAll, beforeAll, expect, test } from 'vitest';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';
import { freshPostgresDatabase } from '../helpers/database';
import { rssKb, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { setUpTeam, sleep, type Team } from './support';

const CLIENTS = 200;
process.setMaxListeners(CLIENTS + 20);

let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let server: ServerProcess;
let team: Team;
const clients: CollabClient[] = [];

beforeAll(async () => {
  db = await freshPostgresDatabase();
  server = await startServerProcess({ env: { DATABASE_URL: db.url, COLLAB_IDLE_UNLOAD_MS: '600000' } });
  team = await setUpTeam(server.url, 10);
});

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server?.stop();
  await db?.drop();
});

test('200 clients reconnecting at once after a restart all resync, and memory returns to its level before', async () => {
  for (let i = 0; i < CLIENTS; i++) clients.push(await connect(server.url, team.documentId, { token: team.annotators[i % 10].token }));
  await Promise.all(clients.map((c) => synced(c, 60_000)));
  await sleep(1000);
  const before = await rssKb(server.pid);

  server.kill('SIGKILL');
  await server.waitExit();
  server = await startServerProcess({ env: server.env, port: server.port });
  const began = Date.now();
  await eventually(() => clients.every((c) => c.provider.synced), 90_000, 'every client resynced');
  const resyncMs = Date.now() - began;
  await sleep(3000);
  const after = await rssKb(server.pid);
  console.log(`mass reconnect: ${CLIENTS} clients resynced ${resyncMs} ms after the restart; server RSS ${Math.round(before / 1024)} MB before, ${Math.round(after / 1024)} MB after`);
  expect(clients.filter((c) => !c.provider.synced)).toEqual([]);
  // The same connections on the same document: memory comes back to the same level (within 50%, the
  // process's own start-up and allocator slack included).
  expect(after).toBeLessThan(before * 1.5);
}, 240_000);
