import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { claimsOf } from '../../server/shared/claim-doc';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';
import { freshPostgresDatabase } from '../helpers/database';
import { freePort, startServerProcess, type ServerProcess } from '../helpers/server-process';
import { canonical, Editor, setUpTeam, sleep, storedClaims, type Team } from './support';

/** A Redis of the test's own, on its own port, so the machine's shared one is never touched. */
function startRedis(port: number): ChildProcess {
  return spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
}

let db: Awaited<ReturnType<typeof freshPostgresDatabase>>;
let redisPort: number;
let redis: ChildProcess;
const servers: ServerProcess[] = [];
let team: Team;
const clients: CollabClient[] = [];

beforeAll(async () => {
  db = await freshPostgresDatabase();
  redisPort = await freePort();
  redis = startRedis(redisPort);
  await sleep(300);
  const env = { DATABASE_URL: db.url, REDIS_URL: `redis://127.0.0.1:${redisPort}`, COLLAB_IDLE_UNLOAD_MS: '600000' };
  servers.push(await startServerProcess({ env }), await startServerProcess({ env }));
  team = await setUpTeam(servers[0].url, 4);
});

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await Promise.all(servers.map((s) => s.stop()));
  redis?.kill('SIGKILL');
  await db?.drop();
});

test('Redis killed and restarted under two processes: each keeps serving its clients, and all converge with nothing lost once it returns', async () => {
  for (let i = 0; i < 4; i++) {
    clients.push(await connect(servers[i % 2].url, team.documentId, { token: team.annotators[i].token }));
  }
  await Promise.all(clients.map((c) => synced(c)));
  const editors = clients.map((c, i) => new Editor(c, i));
  const burst = async (rounds: number) => {
    for (let r = 0; r < rounds; r++) {
      editors.forEach((e) => e.step());
      await sleep(15);
    }
  };
  await burst(20);

  redis.kill('SIGKILL');
  await sleep(300);
  await burst(40);
  // Without Redis each process still serves and saves its own clients.
  await eventually(() => clients.every((c) => c.saved.status === 'saved'), 20_000, 'saved while Redis is down');
  for (const s of servers) expect(s.alive()).toBe(true);
  const onA = claimsOf(clients[0].doc).size;
  const onB = claimsOf(clients[1].doc).size;
  console.log(`redis down: process A's client sees ${onA} claims, process B's ${onB}`);

  redis = startRedis(redisPort);
  await burst(10);
  const state = (c: CollabClient) => canonical(claimsOf(c.doc).toJSON());
  const began = Date.now();
  await eventually(() => new Set(clients.map(state)).size === 1, 30_000, 'convergence after Redis returns');
  console.log(`redis back: all clients converged ${Date.now() - began} ms after it restarted`);
  await eventually(() => clients.every((c) => c.saved.status === 'saved'), 20_000, 'all saved');

  const stored = await storedClaims(db.url, team.documentId);
  for (const e of editors) {
    for (const [id, value] of e.expected()) {
      expect(stored[id], `claim ${id} stored`).toBeDefined();
      expect(stored[id].confidence).toBeGreaterThanOrEqual(value);
    }
  }
  expect(Object.keys(stored).length).toBe(claimsOf(clients[0].doc).size);
});
