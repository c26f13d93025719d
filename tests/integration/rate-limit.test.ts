import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { Client, uniqueEmail } from '../helpers/client';

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
