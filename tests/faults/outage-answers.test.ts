import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { databaseFailure } from '../../server/errors';
import { CloseCode } from '../../server/shared/collab-protocol';
import { Client, uniqueEmail } from '../helpers/client';
import { startServerProcess, type ServerProcess } from '../helpers/server-process';
import { setUpTeam, type Team, throwawayCluster, type ThrowawayCluster, withPg } from './support';

/**
 * What clients are told while PostgreSQL is down: REST answers 503 `database_unavailable` with
 * Retry-After (not 500), and a new WebSocket upgrade is closed with 4503 (not an HTTP 500), whether
 * it authenticates by token or by cookie. Once the database is back, both work again.
 */
let cluster: ThrowawayCluster;
let server: ServerProcess;
let team: Team;

beforeAll(async () => {
  cluster = await throwawayCluster();
  cluster.start();
  server = await startServerProcess({ env: { DATABASE_URL: cluster.url } });
  team = await setUpTeam(server.url, 1);
});

afterAll(async () => {
  await server?.stop();
  cluster?.destroy();
});

/** Opens `/collab/<documentId>` and resolves with how it ended: the close code, or the HTTP status of a refused upgrade. */
function upgrade(documentId: string, how: { token?: string; cookie?: string }): Promise<{ opened: boolean; close?: number; http?: number }> {
  const url = `${server.url.replace(/^http/, 'ws')}/collab/${documentId}${how.token ? `?token=${encodeURIComponent(how.token)}` : ''}`;
  const ws = new WebSocket(url, how.cookie ? { headers: { cookie: how.cookie, origin: server.url } } : {});
  return new Promise((resolve) => {
    let opened = false;
    ws.on('open', () => {
      opened = true;
      // Connected: that is the answer; leave.
      setTimeout(() => ws.close(), 200);
    });
    ws.on('error', () => {});
    ws.on('unexpected-response', (_req, res) => resolve({ opened, http: res.statusCode }));
    ws.on('close', (code) => resolve({ opened, close: code }));
    setTimeout(() => {
      ws.terminate();
      resolve({ opened, close: -1 });
    }, 10_000);
  });
}

describe('while PostgreSQL is down', () => {
  test('REST answers 503 database_unavailable with Retry-After and WebSocket upgrades close with 4503; all works again once it is back', async () => {
    const script = new Client(server.url);
    script.token = team.leadToken;
    expect((await script.get('/api/workspaces')).status).toBe(200);
    expect(await upgrade(team.documentId, { token: team.leadToken })).toMatchObject({ opened: true });

    cluster.stop();
    try {
      // A token, a session cookie and an anonymous login: each needs the database to say who is calling.
      for (const [who, res] of [
        ['token', await script.get('/api/workspaces')],
        ['cookie', await team.lead.get('/api/workspaces')],
        ['login', await new Client(server.url).post('/api/auth/login', { email: uniqueEmail(), password: 'correct horse battery' })],
        ['write', await script.post(`/api/workspaces/${team.wid}/documents`, { title: 'During the outage', text: 'Nothing.' })],
      ] as const) {
        expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(503);
        expect(res.body.error?.code, who).toBe('database_unavailable');
        expect(res.body.error?.message, who).toMatch(/try again/);
        expect(res.headers.get('retry-after'), who).toBe('5');
      }
      expect(await upgrade(team.documentId, { token: team.leadToken })).toEqual({ opened: true, close: CloseCode.unavailable });
      expect(await upgrade(team.documentId, { cookie: team.lead.cookie })).toEqual({ opened: true, close: CloseCode.unavailable });
      expect(server.alive()).toBe(true);
    } finally {
      cluster.start();
    }

    expect((await script.get('/api/workspaces')).status).toBe(200);
    expect((await team.lead.get('/api/workspaces')).status).toBe(200);
    expect(await upgrade(team.documentId, { token: team.leadToken })).toMatchObject({ opened: true });
    expect(server.output()).not.toContain(team.leadToken);
  }, 60_000);
});

describe('when PostgreSQL terminates the server’s connections', () => {
  test('after an administrator terminates every connection of the server (57P01), the next requests are answered, not 500', async () => {
    const script = new Client(server.url);
    script.token = team.leadToken;
    // Fill the pool with idle connections, then have them all terminated.
    await Promise.all(Array.from({ length: 5 }, () => script.get('/api/workspaces')));
    const terminated = await withPg(cluster.url, (c) =>
      c.query(`select count(*)::int as n from (select pg_terminate_backend(pid) from pg_stat_activity where backend_type = 'client backend' and pid <> pg_backend_pid()) t`),
    );
    expect(terminated.rows[0].n).toBeGreaterThan(0);
    const statuses = await Promise.all(Array.from({ length: 5 }, async () => (await script.get('/api/workspaces')).status));
    for (const status of statuses) expect([200, 503]).toContain(status);
    expect((await script.get('/api/workspaces')).status).toBe(200);
    expect(server.alive()).toBe(true);
  });
});

describe('which failures mean "the database is unreachable"', () => {
  const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  // Drizzle wraps the driver's error: the cause is what counts.
  const wrapped = (cause: unknown) => Object.assign(new Error('Failed query: select 1'), { cause });

  test('refused, reset and terminated connections, shutdowns, 08xxx, pool timeouts and a closed PGlite are unavailable; a statement timeout is a timeout; bad data is neither', () => {
    const unavailable = [
      withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'),
      new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], ''),
      withCode('ECONNRESET', 'read ECONNRESET'),
      new Error('Connection terminated unexpectedly'),
      new Error('Connection terminated due to connection timeout'),
      new Error('timeout exceeded when trying to connect'),
      withCode('57P01', 'terminating connection due to administrator command'),
      withCode('57P03', 'the database system is starting up'),
      withCode('08006', 'connection failure'),
      withCode('08P01', 'protocol violation'),
      new Error('PGlite is closed'),
      wrapped(withCode('57P01')),
      wrapped(wrapped(new Error('Connection terminated'))),
    ];
    for (const err of unavailable) expect(databaseFailure(err), String(err)).toBe('unavailable');
    expect(databaseFailure(wrapped(withCode('57014', 'canceling statement due to statement timeout')))).toBe('timeout');
    for (const err of [withCode('23505', 'duplicate key'), withCode('22P05', 'unsupported Unicode escape sequence'), new TypeError('x is undefined'), null, 'string'])
      expect(databaseFailure(err), String(err)).toBeNull();
  });
});
