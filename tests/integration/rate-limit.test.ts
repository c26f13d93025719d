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
  expect(limited.body.error?.code).toBe('rate_limited');
});

test('sign-ups are rate limited on their own counter', async () => {
  const client = new Client(app.url);
  const statuses: number[] = [];
  for (let i = 0; i < 4; i++) {
    statuses.push((await client.post('/api/auth/signup', { email: uniqueEmail(), password: 'correct horse battery', name: 'x' })).status);
  }
  expect(statuses).toEqual([201, 201, 201, 429]);
});

describe('per-user and per-address budgets', () => {
  test('minting a second token or switching to the session cookie does not reset the user’s budget', async () => {
    const budget = await startApp({ tokenRateLimit: 5, userRateLimit: 9 });
    try {
      // Signing up is anonymous: it counts against the address only. Minting the token is the user's first request.
      const user = await signUp(budget.url, 'budget');
      const first = new Client(budget.url);
      first.token = (await user.post('/api/tokens', { name: 'first' })).body.token;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await first.get('/api/workspaces')).status);
      // Requests 2–6 of the user; the sixth is the token's sixth: its own budget (5) is spent.
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
      expect((await first.get('/api/workspaces')).body.error?.message).toMatch(/API token/);

      // Refused requests count too: that was the user's 8th of 9. The 9th mints a second token…
      const minted = await user.post('/api/tokens', { name: 'second' });
      expect(minted.status).toBe(201);
      // …which starts with a fresh token budget but the same user budget, already spent.
      const second = new Client(budget.url);
      second.token = minted.body.token;
      const viaSecond = await second.get('/api/workspaces');
      expect(viaSecond.status).toBe(429);
      expect(viaSecond.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/user/) });
      expect(Number(viaSecond.headers.get('retry-after'))).toBeGreaterThan(0);
      // The session cookie is the same user: no fresh budget there either.
      const viaCookie = await user.get('/api/workspaces');
      expect(viaCookie.status).toBe(429);
      expect(viaCookie.body.error?.message).toMatch(/user/);

      // Another user from the same address has their own budget.
      const other = await signUp(budget.url, 'other');
      expect((await other.get('/api/workspaces')).status).toBe(200);
    } finally {
      await budget.close();
    }
  });

  test('every request from one address counts against that address, signed in or not', async () => {
    const busy = await startApp({ addressRateLimit: 6 });
    try {
      const anonymous = new Client(busy.url);
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await anonymous.get('/api/health')).status);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 429]);
      const limited = await anonymous.post('/api/auth/login', { email: uniqueEmail(), password: 'wrong password' });
      expect(limited.status).toBe(429);
      expect(limited.body.error?.message).toMatch(/address/);
    } finally {
      await busy.close();
    }
  });
});

describe('per-token and per-connection limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    const { testConfig } = await import('../../server/config');
    limited = await startApp({ tokenRateLimit: 5, sessionTtlSeconds: 1, collab: { ...testConfig().collab, messagesPerSecond: 5 } });
  });
  afterAll(() => limited?.close());

  test('requests with an API token past the per-minute limit answer 429; another user is not limited by it', async () => {
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
