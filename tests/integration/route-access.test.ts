import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import fp from 'fastify-plugin';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import accessPlugin from '../../server/plugins/access';
import { startApp, type TestApp } from '../helpers/app';
import { Client, workspaceWithRoles } from '../helpers/client';

/**
 * The access declarations themselves (server/authorization.ts, enforced by plugins/access.ts):
 * an undeclared or mis-declared route stops the app from starting, and the guard has no way
 * around it (HEAD, ids that do not exist). The matrix test checks every route's answers.
 */

/** An app with only the access plugin (and the names it depends on), and `routes` added under /api. */
async function appWith(routes: (api: import('fastify').FastifyInstance) => void) {
  const app = Fastify({ logger: false });
  await app.register(fp(async () => {}, { name: 'db' }));
  await app.register(fp(async () => {}, { name: 'auth' }));
  await app.register(accessPlugin);
  await app.register(async (api) => routes(api), { prefix: '/api' });
  return app;
}

describe('declarations', () => {
  test('an /api route without an access declaration stops the app from starting', async () => {
    const app = await appWith((api) => api.get('/unguarded', async () => ({ ok: true }))).catch((err: Error) => err);
    expect(app).toBeInstanceOf(Error);
    expect((app as Error).message).toMatch(/GET \/api\/unguarded declares no access/);
  });

  test('a declaration whose finder reads a param the path does not have stops the app from starting', async () => {
    const app = await appWith((api) => api.get('/workspaces/:wid/thing', { config: { access: { role: 'viewer', find: 'document' } } }, async () => ({}))).catch((err: Error) => err);
    expect(app).toBeInstanceOf(Error);
    expect((app as Error).message).toMatch(/finds its document by :id, which is not in its path/);
  });

  test('declared routes are listed with their access, once per method (HEAD left out)', async () => {
    const app = await appWith((api) => {
      api.get('/open', { config: { access: { role: 'public' } } }, async () => ({}));
      api.post('/workspaces/:wid/things', { config: { access: { role: 'annotator', find: 'workspace' } } }, async () => ({}));
    });
    expect(Object.fromEntries(app.routeAccess)).toEqual({
      'GET /api/open': { role: 'public' },
      'POST /api/workspaces/:wid/things': { role: 'annotator', find: 'workspace' },
    });
    await app.close();
  });
});

describe('the guard', () => {
  let app: TestApp;
  let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
  beforeAll(async () => {
    app = await startApp();
    team = await workspaceWithRoles(app.url);
  });
  afterAll(() => app?.close());
  const code = (body: unknown) => (body as { error?: { code?: string } } | null)?.error?.code;

  test('a HEAD request is checked like the GET it mirrors', async () => {
    const path = `/api/workspaces/${team.wid}/members`;
    expect((await new Client(app.url).request('HEAD', path)).status).toBe(401);
    expect((await team.outsider.request('HEAD', path)).status).toBe(404);
    expect((await team.viewer.request('HEAD', path)).status).toBe(200);
  });

  test('signed out, an id that does not exist answers 401 like one that exists, so it tells nothing', async () => {
    const anonymous = new Client(app.url);
    const doc = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Real', text: 'A real document.' });
    expect(doc.status).toBe(201);
    for (const id of [(doc.body as { document: { id: string } }).document.id, randomUUID()]) {
      const res = await anonymous.get(`/api/documents/${id}`);
      expect([res.status, code(res.body)]).toEqual([401, 'unauthorized']);
    }
  });

  test('signed in, an id that does not exist and one in another workspace get the same 404', async () => {
    const doc = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Theirs', text: 'Not the outsider’s.' });
    const theirs = await team.outsider.get(`/api/documents/${(doc.body as { document: { id: string } }).document.id}`);
    const none = await team.outsider.get(`/api/documents/${randomUUID()}`);
    expect(theirs.body).toEqual(none.body);
    expect([theirs.status, code(theirs.body)]).toEqual([404, 'document_not_found']);
  });
});
