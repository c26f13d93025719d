import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiTokens, users } from '../../db/schema';
import { startApp, type TestApp } from '../helpers/app';
import { Client, signUp, uniqueEmail, type ValidationDetails } from '../helpers/client';

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
    const first = await new Client(app.url).post('/api/auth/signup', { email, password: 'first long passphrase', name: 'A' });
    expect(first.status).toBe(201);
    const second = await new Client(app.url).post('/api/auth/signup', { email: email.toUpperCase(), password: 'second long passphrase', name: 'B' });
    expect(second.status).toBe(409);
    expect(second.body.error?.code).toBe('email_taken');
  });

  test('a short password or a bad email answers 400 validation_error naming the field', async () => {
    const res = await new Client(app.url).post('/api/auth/signup', { email: 'not-an-email', password: 'short', name: 'A' });
    expect(res.status).toBe(400);
    expect(res.body.error?.code).toBe('validation_error');
    expect((res.body.error?.details as ValidationDetails).map((d) => d.path)).toEqual(['body.email', 'body.password']);
  });

  test('blank, whitespace-only and common passwords answer 400 validation_error saying why; a passphrase is accepted', async () => {
    const refused: Array<[string, RegExp]> = [
      ['        ', /body\.password must not be blank or only spaces/],
      ['\t \n  \t  ', /body\.password must not be blank or only spaces/],
      ['password', /body\.password is one of the ten most common passwords/],
      ['12345678', /body\.password is one of the ten most common passwords/],
      ['password123', /body\.password is a commonly used password/],
      ['qwertyuiop', /body\.password is one of the hundred most common passwords/],
      ['sunshine', /body\.password is one of the hundred most common passwords/],
      ['aaaaaaaaaaaa', /body\.password repeats characters/],
    ];
    for (const [password, message] of refused) {
      const res = await new Client(app.url).post('/api/auth/signup', { email: uniqueEmail('weak'), password, name: 'Weak' });
      expect(res.status, JSON.stringify(password)).toBe(400);
      expect(res.body.error?.code).toBe('validation_error');
      expect(res.body.error?.message).toMatch(message);
    }
    const ok = await new Client(app.url).post('/api/auth/signup', { email: uniqueEmail('strong'), password: 'tidal lantern oboe', name: 'Strong' });
    expect(ok.status).toBe(201);
  });

  test('a wrong password and an unknown email both answer 401 invalid_credentials', async () => {
    const user = await signUp(app.url, 'login', 'right password');
    const wrong = await new Client(app.url).post('/api/auth/login', { email: user.user!.email, password: 'wrong password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error?.code).toBe('invalid_credentials');
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
  test('a token works as Bearer, is refused in ?token= on REST (400 token_in_query), is stored hashed, and stops working once revoked', async () => {
    const client = await signUp(app.url, 'tokens');
    const created = await client.post('/api/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^cbt_/);

    const script = new Client(app.url);
    script.token = token;
    expect((await script.get('/api/me')).body.user.id).toBe(client.user!.id);
    const viaQuery = await fetch(`${app.url}/api/me?token=${encodeURIComponent(token)}`);
    expect(viaQuery.status).toBe(400);
    const refused = (await viaQuery.json()) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe('token_in_query');
    expect(refused.error.message).toMatch(/Authorization header/);
    // Even with a valid session besides it: the token must not travel in REST URLs at all.
    expect((await client.get(`/api/workspaces?token=${encodeURIComponent(token)}`)).body.error?.code).toBe('token_in_query');

    const rows = await app.database.db.select().from(apiTokens).where(eq(apiTokens.userId, client.user!.id));
    expect(rows).toHaveLength(1);
    expect(rows[0].tokenHash).not.toContain(token.slice(4));

    expect((await client.delete(`/api/tokens/${created.body.id}`)).status).toBe(204);
    const after = await script.get('/api/me');
    expect(after.status).toBe(401);
    expect(after.body.error?.message).toMatch(/revoked/);
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
    expect(res.body.error?.code).toBe('origin_mismatch');
    const noOrigin = await client.post('/api/workspaces', { name: 'Forged' }, { noOrigin: true });
    expect(noOrigin.status).toBe(403);
    expect(noOrigin.body.error?.code).toBe('origin_required');
    expect((await client.get('/api/workspaces')).body.workspaces).toEqual([]);
  });
});

describe('secrets in the log', () => {
  test('no API token or session secret reaches the log: not from a Bearer header, a refused ?token=, a /collab upgrade URL or a failed request', async () => {
    const chunks: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    });
    const logged = await startApp({ logLevel: 'trace', logStream });
    let token = '';
    let session = '';
    try {
      const user = await signUp(logged.url, 'logged');
      session = user.cookie!.split('=')[1];
      token = (await user.post('/api/tokens', { name: 'log' })).body.token;
      const script = new Client(logged.url);
      script.token = token;
      expect((await script.get('/api/me')).status).toBe(200);
      expect((await fetch(`${logged.url}/api/me?token=${token}`)).status).toBe(400);
      expect((await fetch(`${logged.url}/api/no-such-route?token=${token}&x=1`)).status).toBe(400);
      expect((await script.post('/api/workspaces', { name: 'x'.repeat(5000) })).status).toBe(400);
      const ws = new WebSocket(`${logged.url.replace('http', 'ws')}/collab/${crypto.randomUUID()}?token=${token}`);
      expect(await new Promise<number>((resolve) => ws.on('close', resolve))).toBe(4404);
    } finally {
      await logged.close();
    }
    const log = chunks.join('');
    // The capture works: requests were logged, with their URLs.
    expect(log).toContain('incoming request');
    expect(log).toContain('/collab/');
    expect(log).toContain('token=[redacted]');
    expect(token).toMatch(/^cbt_/);
    expect(log).not.toContain(token);
    expect(log).not.toContain(token.slice(4));
    expect(log).not.toContain(session);
  });
});
