import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { Client, signUp, uniqueEmail } from '../helpers/client';

let app: TestApp;
beforeAll(async () => {
  app = await startApp({ authRateLimit: 3 });
});
afterAll(() => app?.close());

test('login attempts past the per-minute limit answer 429 rate_limited', async () => {
  const client = new Client(app.url);
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    statuses.push((await client.post('/api/auth/login', { email: uniqueEmail(), password: 'wrong password' })).status);
  }
  expect(statuses).toEqual([401, 401, 401, 429]);
  const limited = await client.post('/api/auth/login', { email: uniqueEmail(), password: 'wrong password' });
  expect(limited.body.error.code).toBe('rate_limited');
});

test('sign-ups are rate limited on their own counter', async () => {
  const client = new Client(app.url);
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    statuses.push((await client.post('/api/auth/signup', { email: uniqueEmail(), password: 'password123', name: 'x' })).status);
  }
  expect(statuses).toEqual([201, 201, 201, 429]);
});

describe('per-token and per-connection limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    const { testConfig } = await import('../../server/config');
    limited = await startApp({ tokenRateLimit: 5, sessionTtlSeconds: 1, collab: { ...testConfig().collab, messagesPerSecond: 5 } });
  });
  afterAll(() => limited?.close());

  test('requests with an API token past the per-minute limit answer 429; a cookie session is not limited by it', async () => {
    const user = await signUp(limited.url, 'script');
    const script = new Client(limited.url);
    script.token = (await user.post('/api/tokens', { name: 'ci' })).body.token;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await script.get('/api/workspaces')).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await signUp(limited.url, 'browser');
    for (let i = 0; i < 7; i++) expect((await other.get('/api/workspaces')).status).toBe(200);
  });

  test('a session expires after its lifetime', async () => {
    const user = await signUp(limited.url, 'expiring');
    expect((await user.get('/api/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect((await user.get('/api/me')).status).toBe(401);
  });

  test('a WebSocket that sends more messages than its rate is closed with 4529', async () => {
    const { WebSocket } = await import('ws');
    const user = await signUp(limited.url, 'chatty');
    const token = (await user.post('/api/tokens', { name: 'ws' })).body.token;
    const wid = (await user.post('/api/workspaces', { name: 'W' }, { headers: { authorization: `Bearer ${token}` } })).body.workspace.id;
    const doc = (await user.post(`/api/workspaces/${wid}/documents`, { title: 'D', text: 'Text.' }, { headers: { authorization: `Bearer ${token}` } })).body.document;
    const ws = new WebSocket(`${limited.url.replace('http', 'ws')}/collab/${doc.id}?token=${token}`);
    await new Promise((r) => ws.on('open', r));
    const closed = new Promise<number>((r) => ws.on('close', (code) => r(code)));
    // Query-awareness messages: harmless, so only their number can close the socket.
    for (let i = 0; i < 30; i++) ws.send(new Uint8Array([3]));
    expect(await closed).toBe(4529);
  });
});
