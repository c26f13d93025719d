import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { WebSocket } from 'ws';
import type { Finder, RouteAccess } from '../../server/authorization';
import { testConfig } from '../../server/config';
import { CloseCode } from '../../server/shared/collab-protocol';
import { ROLES, roleAtLeast, type Role } from '../../server/shared/roles';
import { startApp } from '../helpers/app';
import { Client, signUp, uniqueEmail, workspaceWithRoles } from '../helpers/client';

/**
 * Every route × every role × a member of another workspace × signed out, against the access each
 * route declares on itself (`config.access`, listed by the app as `routes`). Every request is a
 * valid one, so an allowed actor must get a 2xx: a 4xx for an allowed actor is a failure, not an
 * access decision. A route without a request below fails.
 */
// Started while the file is collected, so the tests are made from the app's own list of routes.
// Link evidence resolves to a loopback address the archiver refuses: its fetches fail at once, offline.
const app = await startApp({ archive: { ...testConfig().archive, resolveHost: async () => [{ address: '127.0.0.1', family: 4 }] } });
afterAll(() => app.close());

const PASSWORD = 'correct horse battery';
const text = 'The barrier will protect 38,000 homes. It will cost 1.2 billion euros.';
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;

type Actor = 'signed_out' | 'outsider' | Role;
const ACTORS: Actor[] = ['signed_out', 'outsider', ...ROLES];

beforeAll(async () => {
  team = await workspaceWithRoles(app.url);
  documentId = await freshDocument();
});

const clientOf = (actor: Exclude<Actor, 'signed_out'>): Client => team[actor];

/**
 * A client acting as `actor` on its own new session, so that signing in, out or up during the
 * matrix never changes the shared clients' sessions.
 */
async function probeFor(actor: Actor): Promise<Client> {
  const probe = new Client(app.url);
  if (actor === 'signed_out') return probe;
  const res = await probe.post('/api/auth/login', { email: clientOf(actor).user!.email, password: PASSWORD });
  expect(res.status).toBe(200);
  return probe;
}

/** Fails the setup step of a request loudly, so a broken setup is not mistaken for a refusal. */
async function made<T>(what: string, answer: Promise<{ status: number; body: any }>, pick: (body: any) => T): Promise<T> {
  const res = await answer;
  if (res.status >= 300) throw new Error(`setup (${what}) answered ${res.status}: ${JSON.stringify(res.body)}`);
  return pick(res.body);
}

const freshDocument = () => made('document', team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Matrix', text }), (b) => b.document.id as string);
const freshClaim = () => made('claim', team.lead.post(`/api/documents/${documentId}/claims`, { exact: '38,000 homes' }), (b) => b.claim.id as string);
const linkEvidence = (claimId: string) =>
  made('evidence', team.lead.post(`/api/claims/${claimId}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/report' }), (b) => b.evidence.id as string);

/** A claim in a second document of the workspace, for the claim-matching routes (matches are across documents). */
const claimElsewhere = async () =>
  made('claim', team.lead.post(`/api/documents/${await freshDocument()}/claims`, { exact: '38,000 homes' }), (b) => b.claim.id as string);
/** A decided match between a fresh claim and one in another document, ready to undo. */
const decidedMatch = async () => {
  const [claimId, otherClaimId] = [await freshClaim(), await claimElsewhere()];
  await made('match', team.lead.post(`/api/claims/${claimId}/matches`, { otherClaimId, decision: 'confirmed' }), () => true);
  return { claimId, otherClaimId };
};

const freshInvite = () => made('invite', team.lead.post(`/api/workspaces/${team.wid}/invites`, { role: 'viewer' }), (b) => b.invite.id as string);

/** A claim the lead signed off as verified (with the override confirmed: it has no evidence or votes), ready to publish. */
async function signedOffClaim(): Promise<string> {
  const id = await freshClaim();
  await made('sign-off', team.lead.post(`/api/claims/${id}/status`, { status: 'verified', rationale: 'Matrix rationale.', confirm: true }), () => null);
  return id;
}

/** A claim the actor voted on blind and whose votes the lead then revealed: what a revision needs. */
async function revealedAfterVoteOf(actor: Actor): Promise<string> {
  const id = await freshClaim();
  if (actor !== 'signed_out' && actor !== 'outsider' && roleAtLeast(actor, 'factchecker')) {
    await made('vote', clientOf(actor).request('PUT', `/api/claims/${id}/vote`, { json: { verdict: 'accurate' } }), () => null);
  }
  await made('reveal', team.lead.post(`/api/claims/${id}/reveal`, { confirm: true }), () => null);
  return id;
}

interface Probe {
  path: string;
  body?: unknown;
}

/**
 * A valid request to each route for `actor`, with what it consumes made fresh (a claim to delete,
 * a token of the actor's own to revoke, a user to add), so an allowed actor gets a 2xx.
 */
const REQUESTS: Record<string, (actor: Actor) => Promise<Probe>> = {
  'GET /api/health': async () => ({ path: '/api/health' }),
  'POST /api/auth/signup': async (actor) => ({ path: '/api/auth/signup', body: { email: uniqueEmail(`m-${actor}`), password: 'long enough pw', name: 'M' } }),
  'POST /api/auth/login': async () => ({ path: '/api/auth/login', body: { email: team.lead.user!.email, password: PASSWORD } }),
  'POST /api/auth/logout': async () => ({ path: '/api/auth/logout' }),
  'GET /api/me': async () => ({ path: '/api/me' }),
  'POST /api/tokens': async () => ({ path: '/api/tokens', body: { name: 'matrix' } }),
  'GET /api/tokens': async () => ({ path: '/api/tokens' }),
  // The actor's own token: someone else's token id is simply not found. Signed out, the lead's.
  'DELETE /api/tokens/:id': async (actor) => {
    const owner = clientOf(actor === 'signed_out' ? 'lead' : actor);
    return { path: `/api/tokens/${await made('token', owner.post('/api/tokens', { name: 'to revoke' }), (b) => b.id)}` };
  },
  'POST /api/workspaces': async () => ({ path: '/api/workspaces', body: { name: 'Matrix ws' } }),
  'GET /api/workspaces': async () => ({ path: '/api/workspaces' }),
  'PATCH /api/workspaces/:wid': async () => ({ path: `/api/workspaces/${team.wid}`, body: { quorum: 3 } }),
  'GET /api/workspaces/:wid/members': async () => ({ path: `/api/workspaces/${team.wid}/members` }),
  'POST /api/workspaces/:wid/members': async () => ({ path: `/api/workspaces/${team.wid}/members`, body: { email: (await signUp(app.url, 'joiner')).user!.email, role: 'viewer' } }),
  'PATCH /api/workspaces/:wid/members/:userId': async () => ({ path: `/api/workspaces/${team.wid}/members/${team.viewer.user!.id}`, body: { role: 'viewer' } }),
  // A member leaving: each actor leaves a workspace of its own, made for it with its role (the
  // shared team stays whole); the lead leaves one with a second lead. Outsiders try the team's.
  'DELETE /api/workspaces/:wid/members/:userId': async (actor) => {
    if (actor === 'signed_out' || actor === 'outsider') return { path: `/api/workspaces/${team.wid}/members/${team.viewer.user!.id}` };
    const owner = await signUp(app.url, 'leave-owner');
    const wid = await made('workspace', owner.post('/api/workspaces', { name: 'To leave' }), (b) => b.workspace.id as string);
    await made('member', owner.post(`/api/workspaces/${wid}/members`, { email: clientOf(actor).user!.email, role: actor }), () => null);
    return { path: `/api/workspaces/${wid}/members/${clientOf(actor).user!.id}` };
  },
  'POST /api/workspaces/:wid/invites': async () => ({ path: `/api/workspaces/${team.wid}/invites`, body: { role: 'viewer' } }),
  'GET /api/workspaces/:wid/invites': async () => ({ path: `/api/workspaces/${team.wid}/invites` }),
  'DELETE /api/workspaces/:wid/invites/:id': async () => ({ path: `/api/workspaces/${team.wid}/invites/${await freshInvite()}` }),
  'GET /api/invites/:token': async () => ({ path: `/api/invites/${await made('invite', team.lead.post(`/api/workspaces/${team.wid}/invites`, { role: 'viewer' }), (b) => b.token as string)}` }),
  // A link to a workspace of its own, so joining never changes the shared team's roles.
  'POST /api/invites/:token/accept': async () => {
    const owner = await signUp(app.url, 'invite-owner');
    const wid = await made('workspace', owner.post('/api/workspaces', { name: 'To join' }), (b) => b.workspace.id as string);
    return { path: `/api/invites/${await made('invite', owner.post(`/api/workspaces/${wid}/invites`, { role: 'viewer' }), (b) => b.token as string)}/accept` };
  },
  'POST /api/workspaces/:wid/documents': async () => ({ path: `/api/workspaces/${team.wid}/documents`, body: { title: 'T', text: 'Some text.' } }),
  'GET /api/workspaces/:wid/documents': async () => ({ path: `/api/workspaces/${team.wid}/documents` }),
  'GET /api/workspaces/:wid/search': async () => ({ path: `/api/workspaces/${team.wid}/search?q=homes` }),
  'GET /api/workspaces/:wid/dashboard': async () => ({ path: `/api/workspaces/${team.wid}/dashboard` }),
  'GET /api/workspaces/:wid/export': async () => ({ path: `/api/workspaces/${team.wid}/export?format=csv` }),
  'GET /api/workspaces/:wid/export/summary': async () => ({ path: `/api/workspaces/${team.wid}/export/summary` }),
  'GET /api/documents/:id': async () => ({ path: `/api/documents/${documentId}` }),
  'GET /api/documents/:id/claim-anchors': async () => ({ path: `/api/documents/${documentId}/claim-anchors` }),
  'PATCH /api/documents/:id': async (actor) => ({ path: `/api/documents/${documentId}`, body: { authors: [`Matrix ${actor}`] } }),
  // A document of its own: a new version changes the text the other requests quote.
  'POST /api/documents/:id/versions': async (actor) => ({ path: `/api/documents/${await freshDocument()}/versions`, body: { text: `${text} Version by ${actor}.` } }),
  'GET /api/documents/:id/versions': async () => ({ path: `/api/documents/${documentId}/versions` }),
  // Deleting: a document of its own each time (issue 15 item 3).
  'GET /api/documents/:id/deletion': async () => ({ path: `/api/documents/${documentId}/deletion` }),
  'DELETE /api/documents/:id': async () => ({ path: `/api/documents/${await freshDocument()}` }),
  'GET /api/limits': async () => ({ path: '/api/limits' }),
  'GET /api/documents/:id/versions/:version': async () => ({ path: `/api/documents/${documentId}/versions/1` }),
  'GET /api/documents/:id/claims': async () => ({ path: `/api/documents/${documentId}/claims` }),
  'POST /api/documents/:id/claims': async () => ({ path: `/api/documents/${documentId}/claims`, body: { exact: 'It will cost' } }),
  'POST /api/documents/:id/annotations': async () => ({
    path: `/api/documents/${documentId}/annotations`,
    body: [{ '@context': 'http://www.w3.org/ns/anno.jsonld', id: 'http://example.org/anno1', type: 'Annotation', target: { selector: [{ type: 'TextQuoteSelector', exact: '1.2 billion euros' }] } }],
  }),
  'GET /api/documents/:id/suggestions': async () => ({ path: `/api/documents/${documentId}/suggestions` }),
  'GET /api/documents/:id/suggestions/dismissals': async () => ({ path: `/api/documents/${documentId}/suggestions/dismissals` }),
  'POST /api/documents/:id/suggestions/dismissals': async () => ({ path: `/api/documents/${documentId}/suggestions/dismissals`, body: { exact: 'It will cost 1.2 billion euros.' } }),
  // A dismissal of its own to restore: the lead dismisses a sentence first.
  'DELETE /api/documents/:id/suggestions/dismissals/:key': async () => {
    await made('dismissal', team.lead.post(`/api/documents/${documentId}/suggestions/dismissals`, { exact: 'The barrier will protect' }), () => null);
    return { path: `/api/documents/${documentId}/suggestions/dismissals/${createHash('sha256').update('The barrier will protect').digest('hex')}` };
  },
  'GET /api/documents/:id/dashboard': async () => ({ path: `/api/documents/${documentId}/dashboard` }),
  'GET /api/claims/:id': async () => ({ path: `/api/claims/${await freshClaim()}` }),
  'PATCH /api/claims/:id': async () => ({ path: `/api/claims/${await freshClaim()}`, body: { confidence: 50 } }),
  'DELETE /api/claims/:id': async () => ({ path: `/api/claims/${await freshClaim()}` }),
  'POST /api/claims/:id/evidence': async () => ({ path: `/api/claims/${await freshClaim()}/evidence`, body: { kind: 'quote', stance: 'supports', excerpt: 'A quote.' } }),
  'POST /api/claims/:id/anchor': async () => ({ path: `/api/claims/${await freshClaim()}/anchor`, body: { start: 0, end: 3 } }),
  'GET /api/claims/:id/matches': async () => ({ path: `/api/claims/${await freshClaim()}/matches` }),
  'POST /api/claims/:id/matches': async () => ({ path: `/api/claims/${await freshClaim()}/matches`, body: { otherClaimId: await claimElsewhere(), decision: 'rejected' } }),
  'DELETE /api/claims/:id/matches/:otherClaimId': async () => {
    const { claimId, otherClaimId } = await decidedMatch();
    return { path: `/api/claims/${claimId}/matches/${otherClaimId}` };
  },
  'GET /api/documents/:id/suggestion-matches': async () => ({ path: `/api/documents/${documentId}/suggestion-matches?spans=0-10` }),
  'GET /api/documents/:id/claim-matches': async () => ({ path: `/api/documents/${documentId}/claim-matches` }),
  'GET /api/claims/:id/history': async () => ({ path: `/api/claims/${await freshClaim()}/history` }),
  'PUT /api/claims/:id/vote': async () => ({ path: `/api/claims/${await freshClaim()}/vote`, body: { verdict: 'mixed' } }),
  'POST /api/claims/:id/vote/revision': async (actor) => ({ path: `/api/claims/${await revealedAfterVoteOf(actor)}/vote/revision`, body: { verdict: 'mixed', reason: 'A second source.' } }),
  'POST /api/claims/:id/reveal': async () => ({ path: `/api/claims/${await freshClaim()}/reveal`, body: { confirm: true } }),
  'POST /api/claims/:id/status': async () => ({ path: `/api/claims/${await freshClaim()}/status`, body: { status: 'in_review' } }),
  'POST /api/claims/:id/publish': async () => ({ path: `/api/claims/${await signedOffClaim()}/publish` }),
  'DELETE /api/claims/:id/publish': async () => ({ path: `/api/claims/${await signedOffClaim()}/publish` }),
  'POST /api/claims/:id/comments': async () => ({ path: `/api/claims/${await freshClaim()}/comments`, body: { body: 'A comment.' } }),
  'GET /api/claims/:id/evidence/:eid/archive': async () => {
    const claimId = await freshClaim();
    return { path: `/api/claims/${claimId}/evidence/${await linkEvidence(claimId)}/archive` };
  },
  'POST /api/claims/:id/evidence/:eid/archive/recheck': async () => {
    const claimId = await freshClaim();
    return { path: `/api/claims/${claimId}/evidence/${await linkEvidence(claimId)}/archive/recheck` };
  },
};

/** The 404 each finder answers with, for a thing that does not exist and for a non-member alike. */
const NOT_FOUND: Record<Finder, string> = { workspace: 'workspace_not_found', document: 'document_not_found', claim: 'claim_not_found' };

/** What `actor` must get from a route declaring `access`: `allowed` (a 2xx) or the refusal's status and code. */
function expected(access: RouteAccess, actor: Actor): string {
  if (access.role === 'public') return 'allowed';
  if (actor === 'signed_out') return '401 unauthorized';
  if (access.role === 'user') return 'allowed';
  if (actor === 'outsider') return `404 ${NOT_FOUND[access.find]}`;
  return roleAtLeast(actor, access.role) ? 'allowed' : '403 insufficient_role';
}

const apiRoutes = [...app.routes.keys()].filter((r) => r.includes(' /api/'));

test('every API route has a request in this matrix, and every request a route', () => {
  expect(apiRoutes.filter((r) => !(r in REQUESTS))).toEqual([]);
  expect(Object.keys(REQUESTS).filter((r) => !app.routes.has(r))).toEqual([]);
});

describe('REST', () => {
  test.each(apiRoutes)('%s answers each actor as the route declares', async (route) => {
    const [method] = route.split(' ');
    const build = REQUESTS[route];
    expect(build, `no request for ${route} in REQUESTS`).toBeDefined();
    const access = app.routes.get(route)!;
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    const unexpected: string[] = [];
    for (const actor of ACTORS) {
      const { path, body } = await build(actor);
      const res = await (await probeFor(actor)).request(method, path, body === undefined ? {} : { json: body });
      got[actor] = res.status >= 200 && res.status < 300 ? 'allowed' : `${res.status} ${(res.body as { error?: { code?: string } } | null)?.error?.code}`;
      want[actor] = expected(access, actor);
      if (got[actor] !== want[actor]) unexpected.push(`${actor}: ${JSON.stringify(res.body)?.slice(0, 300)}`);
      // A refusal never carries the workspace's data.
      if (got[actor] !== 'allowed') expect(JSON.stringify(res.body)).not.toContain('38,000');
    }
    expect(got, `${route}, declared ${JSON.stringify(access)}; ${unexpected.join('; ')}`).toEqual(want);
  });
});

describe('WebSocket rooms', () => {
  test.each(ACTORS)('the room of a document answers %s as the route declares', async (actor) => {
    const token = actor === 'signed_out' ? '' : await made('token', clientOf(actor).post('/api/tokens', { name: 'ws' }), (b) => b.token);
    const ws = new WebSocket(`${app.url.replace('http', 'ws')}/collab/${documentId}${token ? `?token=${token}` : ''}`);
    const outcome = await new Promise<number | 'open'>((resolve) => {
      ws.on('message', () => resolve('open'));
      ws.on('close', (code) => resolve(code));
    });
    ws.close();
    // A refusal is the close code of its HTTP status: 4401, 4403, 4404.
    const want = expected(app.routes.get('GET /collab/:documentId')!, actor);
    const status = want.slice(0, 3);
    expect(outcome).toBe(want === 'allowed' ? 'open' : status === '401' ? CloseCode.unauthorized : status === '403' ? CloseCode.forbidden : CloseCode.notFound);
  });
});
