import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { freshPostgresDatabase, testDbKind } from '../helpers/database';
import { Client, signUp, type ErrorBody } from '../helpers/client';

/** The part of the OpenAPI document the test reads. */
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { requestBody: { content: Record<string, { schema: { required: string[] } }> } }>>;
}

describe('the running server', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app?.close());

  test('/api/health reports the database and the bus in use', async () => {
    const res = await new Client(app.url).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ok: true, db: testDbKind(), bus: 'local', saves: { unsavedSeconds: 0, quarantined: 0 } });
  });

  test('an unknown API route answers 404 with the error body, not the web app', async () => {
    const res = await new Client(app.url).get('/api/no/such/route');
    expect(res.status).toBe(404);
    expect((res.body as ErrorBody).error.code).toBe('not_found');
  });

  test('the OpenAPI document at /docs/json describes the API routes with their schemas', async () => {
    const res = await new Client(app.url).get('/docs/json');
    expect(res.status).toBe(200);
    const doc = res.body as OpenApiDocument;
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/signup', '/api/workspaces/{wid}/members', '/api/documents/{id}', '/api/health']),
    );
    const signup = doc.paths['/api/auth/signup'].post;
    expect(signup.requestBody.content['application/json'].schema.required).toEqual(['email', 'password', 'name']);
  });
});

test('data survives a restart of the server', async () => {
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'corroborate-restart-'));
  if (testDbKind() === 'postgres') ({ url: databaseUrl, drop } = await freshPostgresDatabase());
  const options = databaseUrl ? { databaseUrl } : { dataDir };
  try {
    const first = await startApp(options);
    const user = await signUp(first.url, 'restart', 'stays the same');
    const ws = (await user.post('/api/workspaces', { name: 'Kept' })).body.workspace;
    const doc = (await user.post(`/api/workspaces/${ws.id}/documents`, { title: 'Kept doc', text: 'Still here.' })).body.document;
    await first.close();

    const second = await startApp(options);
    try {
      const again = new Client(second.url);
      expect((await again.post('/api/auth/login', { email: user.user!.email, password: 'stays the same' })).status).toBe(200);
      expect((await again.get(`/api/documents/${doc.id}`)).body.document.text).toBe('Still here.');
    } finally {
      await second.close();
    }
  } finally {
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
