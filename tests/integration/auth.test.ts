import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiTokens, users } from '../../db/schema';
import { startApp, type TestApp } from '../helpers/app';
import { Client, signUp, uniqueEmail } from '../helpers/client';

let app: TestApp;
beforeAll(async () => {
  app = await startApp();
});
afterAll(() => app?.close());

describe('sign-up and sign-in', () => {
  test('signing up answers 201 with the user and sets an HttpOnly SameSite=Lax session cookie', async () => {
    const client = new Client(app.url);
    const email = uniqueEmail('ann');
    const res = await client.post('/api/auth/signup', { email, password: 'long enough pw', name: 'Ann' });
    expect(res.status).toBe(201);
    expect(res.body.user).toEqual({ id: expect.any(String), email, name: 'Ann' });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('corroborate_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await client.get('/api/me')).body.user.email).toBe(email);
  });

  test('passwords are stored as argon2id hashes, never as given', async () => {
    const client = await signUp(app.url, 'hash', 'my secret password');
    const [row] = await app.database.db.select().from(users).where(eq(users.id, client.user!.id));
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row.passwordHash).not.toContain('my secret password');
  });

  test('an email that is taken, in any letter case, answers 409 email_taken', async () => {
    const email = uniqueEmail('dup');
    const first = await new Client(app.url).post('/api/auth/signup', { email, password: 'password1', name: 'A' });
    expect(first.status).toBe(201);
    const second = await new Client(app.url).post('/api/auth/signup', { email: email.toUpperCase(), password: 'password2', name: 'B' });
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('email_taken');
  });

  test('a short password or a bad email answers 400 validation_error naming the field', async () => {
    const res = await new Client(app.url).post('/api/auth/signup', { email: 'not-an-email', password: 'short', name: 'A' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_error');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(['body.email', 'body.password']);
  });

  test('a wrong password and an unknown email both answer 401 invalid_credentials', async () => {
    const user = await signUp(app.url, 'login', 'right password');
    const wrong = await new Client(app.url).post('/api/auth/login', { email: user.user!.email, password: 'wrong password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const unknown = await new Client(app.url).post('/api/auth/login', { email: uniqueEmail('nobody'), password: 'whatever' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error).toEqual(wrong.body.error);
    const right = new Client(app.url);
    expect((await right.post('/api/auth/login', { email: user.user!.email, password: 'right password' })).status).toBe(200);
    expect((await right.get('/api/me')).body.user.id).toBe(user.user!.id);
  });

  test('signed out, /api/me answers 401 with the error body', async () => {
    const res = await new Client(app.url).get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toEqual({ code: 'unauthorized', message: expect.any(String) });
  });

  test('logging out invalidates the session on the server, not only in the browser', async () => {
    const client = await signUp(app.url, 'logout');
    const stolenCookie = client.cookie;
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    const replay = new Client(app.url);
    replay.cookie = stolenCookie;
    expect((await replay.get('/api/me')).status).toBe(401);
  });
});

describe('API tokens', () => {
  test('a token works as Bearer and as ?token=, is stored hashed, and stops working once revoked', async () => {
    const client = await signUp(app.url, 'tokens');
    const created = await client.post('/api/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^cbt_/);

    const script = new Client(app.url);
    script.token = token;
    expect((await script.get('/api/me')).body.user.id).toBe(client.user!.id);
    const viaQuery = await fetch(`${app.url}/api/me?token=${encodeURIComponent(token)}`);
    expect(viaQuery.status).toBe(200);

    const rows = await app.database.db.select().from(apiTokens).where(eq(apiTokens.userId, client.user!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token.slice(4));

    expect((await client.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    const after = await script.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/revoked/);
  });

  test('a token-authenticated write needs no Origin header', async () => {
    const client = await signUp(app.url, 'tokenwrite');
    const script = new Client(app.url);
    script.token = (await client.post('/api/tokens', { name: 'ci' })).body.token;
    const res = await script.post('/api/workspaces', { name: 'From a script' }, { noOrigin: true });
    expect(res.status).toBe(201);
  });
});

describe('cross-site protection', () => {
  test('a cookie-authenticated write from another origin answers 403 and changes nothing', async () => {
    const client = await signUp(app.url, 'csrf');
    const res = await client.post('/api/workspaces', { name: 'Forged' }, { headers: { origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('origin_mismatch');
    const noOrigin = await client.post('/api/workspaces', { name: 'Forged' }, { noOrigin: true });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.body.error.code).toBe('origin_required');
    expect((await client.get('/api/workspaces')).body.workspaces).toEqual([]);
  });
});
