import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import { ROLES, type Role } from '../../server/shared/roles';
import { ROUTE_ACCESS } from '../../server/authorization';
import { CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { Client, signUp, uniqueEmail, workspaceWithRoles } from '../helpers/client';

/**
 * Every route × every role × a member of another workspace × signed out, against the table in
 * server/authorization.ts. A route without an entry there fails the first test.
 */
let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const text = 'The barrier will protect 38,000 homes. It will cost 1.2 billion euros.';

type Actor = 'signed_out' | 'outsider' | Role;
const ACTORS: Actor[] = ['signed_out', 'outsider', ...ROLES];

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Matrix', text })).body.document.id;
});
afterAll(() => app?.close());

const clientOf = (actor: Actor): Client => (actor === 'signed_out' ? new Client(app.url) : team[actor]);

/**
 * A client acting as `actor` on its own new session, so that signing in, out or up during the
 * matrix never changes the shared clients' sessions.
 */
async function probeFor(actor: Actor): Promise<Client> {
  const probe = new Client(app.url);
  if (actor === 'signed_out') return probe;
  const res = await probe.post('/api/auth/login', { email: team[actor].user!.email, password: 'correct horse battery' });
  expect(res.status).toBe(200);
  return probe;
}

/** A fresh claim for routes that change or delete one. */
async function freshClaim(): Promise<string> {
  return (await team.lead.post(`/api/documents/${documentId}/claims`, { exact: '38,000 homes' })).body.claim.id;
}

/** A request that passes validation for each route, so the answer shows the access decision. */
async function requestFor(route: string, actor: Actor): Promise<{ path: string; body?: unknown }> {
  const [, path] = route.split(' ');
  const wid = team.wid;
  const needsClaim = path.includes('/claims/:id');
  const claimId = needsClaim ? await freshClaim() : '';
  // Archive routes name a link evidence of the claim.
  const evidenceId = path.includes(':eid')
    ? (await team.lead.post(`/api/claims/${claimId}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/report' })).body.evidence.id
    : '';
  const fill = (p: string) => p.replace(':eid', evidenceId).replace(':wid', wid).replace(':userId', team.viewer.user!.id).replace(':documentId', documentId);
  const withId = (p: string) => (p.startsWith('/api/claims/') ? p.replace(':id', claimId) : p.startsWith('/api/tokens/') ? p : p.replace(':id', documentId));
  const bodies: Record<string, unknown> = {
    'POST /api/auth/signup': { email: uniqueEmail(`m-${actor}`), password: 'long enough pw', name: 'M' },
    'POST /api/auth/login': { email: team.lead.user!.email, password: 'correct horse battery' },
    'POST /api/tokens': { name: 'matrix' },
    'POST /api/workspaces': { name: 'Matrix ws' },
    'PATCH /api/workspaces/:wid': { quorum: 3 },
    'POST /api/workspaces/:wid/members': { email: (await signUp(app.url, 'joiner')).user!.email, role: 'viewer' },
    'PATCH /api/workspaces/:wid/members/:userId': { role: 'viewer' },
    'POST /api/workspaces/:wid/documents': { title: 'T', text: 'Some text.' },
    'POST /api/documents/:id/versions': { text: `${text} Version by ${actor} ${Math.random()}.` },
    'POST /api/documents/:id/claims': { exact: 'It will cost' },
    'POST /api/documents/:id/annotations': [{ target: { selector: [{ type: 'TextQuoteSelector', exact: '1.2 billion euros' }] } }],
    'PATCH /api/claims/:id': { confidence: 50 },
    'POST /api/claims/:id/evidence': { kind: 'quote', stance: 'supports', excerpt: 'A quote.' },
    'POST /api/claims/:id/anchor': { start: 0, end: 3 },
    'PUT /api/claims/:id/vote': { verdict: 'mixed' },
    'POST /api/claims/:id/vote/revision': { verdict: 'mixed', reason: 'A second source.' },
    'POST /api/claims/:id/status': { status: 'in_review' },
    'POST /api/claims/:id/comments': { body: 'A comment.' },
  };
  let tokenPath = path;
  if (path === '/api/tokens/:id') {
    const owner = actor === 'signed_out' ? team.lead : clientOf(actor);
    tokenPath = `/api/tokens/${(await owner.post('/api/tokens', { name: 'to revoke' })).body.id}`;
  }
  const query = path.endsWith('/export') ? '?format=csv' : path.endsWith('/search') ? '?q=homes' : '';
  return { path: withId(fill(tokenPath)) + query, body: bodies[route] };
}

function expected(access: (typeof ROUTE_ACCESS)[string], actor: Actor): 'allow' | 401 | 403 | 404 {
  if (access === 'public') return 'allow';
  if (actor === 'signed_out') return 401;
  if (access === 'user') return 'allow';
  if (actor === 'outsider') return 404;
  return ROLES.indexOf(actor) >= ROLES.indexOf(access) ? 'allow' : 403;
}

test('every route has an entry in the authorization table, and every entry a route', () => {
  expect(app.routes.filter((r) => !(r in ROUTE_ACCESS))).toEqual([]);
  expect(Object.keys(ROUTE_ACCESS).filter((k) => !app.routes.includes(k))).toEqual([]);
});

describe('REST', () => {
  const routes = Object.keys(ROUTE_ACCESS).filter((r) => r.includes(' /api/'));
  test.each(routes)('%s answers each actor as the table says', async (route) => {
    const [method] = route.split(' ');
    const outcomes: Record<string, number> = {};
    for (const actor of ACTORS) {
      const { path, body } = await requestFor(route, actor);
      // The tokens route's own id belongs to the actor: a stranger's token id is simply not found.
      const res = await (await probeFor(actor)).request(method, path, body === undefined ? {} : { json: body });
      outcomes[actor] = res.status;
      const want = expected(ROUTE_ACCESS[route], actor);
      if (want === 'allow') {
        expect([401, 403, 404], `${route} as ${actor}: ${JSON.stringify(res.body)}`).not.toContain(res.status);
        expect(res.status, `${route} as ${actor}`).toBeLessThan(500);
      } else {
        expect(res.status, `${route} as ${actor}: ${JSON.stringify(res.body)}`).toBe(want);
        // A refusal never carries the workspace's data.
        expect(JSON.stringify(res.body)).not.toContain('38,000');
      }
    }
    expect(Object.keys(outcomes)).toHaveLength(ACTORS.length);
  });
});

describe('WebSocket rooms', () => {
  test.each(ACTORS)('the room of a document answers %s as the table says', async (actor) => {
    const c = clientOf(actor);
    const token = actor === 'signed_out' ? '' : (await c.post('/api/tokens', { name: 'ws' })).body.token;
    const ws = new WebSocket(`${app.url.replace('http', 'ws')}/collab/${documentId}${token ? `?token=${token}` : ''}`);
    const outcome = await new Promise<number | 'open'>((resolve) => {
      ws.on('message', () => resolve('open'));
      ws.on('close', (code) => resolve(code));
    });
    ws.close();
    const want = expected(ROUTE_ACCESS['GET /collab/:documentId'], actor);
    expect(outcome).toBe(want === 'allow' ? 'open' : want === 401 ? CloseCode.unauthorized : CloseCode.notFound);
  });
});
