import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { workspaceInvites } from '../../db/schema';
import { hashSecret, redactSecrets } from '../../server/auth/tokens';
import { startApp, type TestApp } from '../helpers/app';
import { Client, signUp, workspaceWithRoles } from '../helpers/client';

// Issue 15 items 1 and 2 on the server: removing members and leaving (the last lead protected),
// invite links (made, listed, revoked, previewed, accepted exactly as often as they allow), and
// the workspace's reveal rule.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

/** A new workspace led by `lead`, with the given people added in their roles. */
async function workspace(lead: Client, members: Array<[Client, 'viewer' | 'annotator' | 'factchecker' | 'lead']> = []): Promise<string> {
  const wid = (await lead.post('/api/workspaces', { name: 'Desk' })).body.workspace!.id;
  for (const [c, role] of members) expect((await lead.post(`/api/workspaces/${wid}/members`, { email: c.user!.email, role })).status).toBe(201);
  return wid;
}

const memberIds = async (wid: string) => (await team.lead.get(`/api/workspaces/${wid}/members`)).body.members!.map((m) => m.user.id);

describe('removing members and leaving', () => {
  test('a lead removes a member, who then finds the workspace gone (404), and removing them again is 404 member_not_found', async () => {
    const wid = await workspace(team.lead, [[team.annotator, 'annotator']]);
    expect((await team.lead.delete(`/api/workspaces/${wid}/members/${team.annotator.user!.id}`)).status).toBe(204);
    expect(await memberIds(wid)).toEqual([team.lead.user!.id]);
    const lost = await team.annotator.get(`/api/workspaces/${wid}/members`);
    expect(lost.status).toBe(404);
    expect(lost.body.error?.code).toBe('workspace_not_found');
    const again = await team.lead.delete(`/api/workspaces/${wid}/members/${team.annotator.user!.id}`);
    expect(again.status).toBe(404);
    expect(again.body?.error?.code).toBe('member_not_found');
  });

  test('any member may leave; only a lead removes someone else (403 insufficient_role)', async () => {
    const wid = await workspace(team.lead, [[team.viewer, 'viewer'], [team.factchecker, 'factchecker']]);
    const refused = await team.factchecker.delete(`/api/workspaces/${wid}/members/${team.viewer.user!.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body?.error?.code).toBe('insufficient_role');
    expect(await memberIds(wid)).toContain(team.viewer.user!.id);
    expect((await team.viewer.delete(`/api/workspaces/${wid}/members/${team.viewer.user!.id}`)).status).toBe(204);
    expect(await memberIds(wid)).toEqual([team.lead.user!.id, team.factchecker.user!.id]);
  });

  test('the last lead can neither leave nor be removed (409 last_lead); with a second lead, one may leave', async () => {
    const lead = await signUp(app.url, 'only-lead');
    const wid = await workspace(lead, [[team.annotator, 'annotator']]);
    const leave = await lead.delete(`/api/workspaces/${wid}/members/${lead.user!.id}`);
    expect(leave.status).toBe(409);
    expect(leave.body?.error?.code).toBe('last_lead');
    expect(leave.body?.error?.message).toMatch(/at least one lead/);
    expect((await lead.patch(`/api/workspaces/${wid}/members/${team.annotator.user!.id}`, { role: 'lead' })).status).toBe(200);
    expect((await lead.delete(`/api/workspaces/${wid}/members/${lead.user!.id}`)).status).toBe(204);
    const last = await team.annotator.delete(`/api/workspaces/${wid}/members/${team.annotator.user!.id}`);
    expect(last.body?.error?.code).toBe('last_lead');
  });

  test('two leads stepping down at the same moment leave one lead', async () => {
    const a = await signUp(app.url, 'lead-a');
    const b = await signUp(app.url, 'lead-b');
    const wid = await workspace(a, [[b, 'lead']]);
    const answers = await Promise.all([
      a.delete(`/api/workspaces/${wid}/members/${a.user!.id}`),
      b.patch(`/api/workspaces/${wid}/members/${b.user!.id}`, { role: 'viewer' }),
    ]);
    expect(answers.filter((r) => r.status < 300)).toHaveLength(1);
    expect(answers.filter((r) => r.status === 409).map((r) => r.body?.error?.code)).toEqual(['last_lead']);
    const left = answers[0].status === 204 ? b : a;
    const members = (await left.get(`/api/workspaces/${wid}/members`)).body.members!;
    expect(members.filter((m) => m.role === 'lead')).toHaveLength(1);
  });

  test('a malformed user id is 400 validation_error; an outsider gets 404 and changes nothing', async () => {
    expect((await team.lead.delete(`/api/workspaces/${team.wid}/members/not-a-uuid`)).status).toBe(400);
    const outsider = await team.outsider.delete(`/api/workspaces/${team.wid}/members/${team.viewer.user!.id}`);
    expect(outsider.status).toBe(404);
    expect(outsider.body?.error?.code).toBe('workspace_not_found');
    expect(await memberIds(team.wid)).toContain(team.viewer.user!.id);
  });
});

describe('invite links', () => {
  const make = (c: Client, wid: string, body: Record<string, unknown>) => c.post(`/api/workspaces/${wid}/invites`, body);

  test('a lead makes a link: the secret is answered once, only its SHA-256 is stored, and the list never shows it', async () => {
    const wid = await workspace(team.lead);
    const made = await make(team.lead, wid, { role: 'factchecker', expiresInHours: 48, maxUses: 3 });
    expect(made.status).toBe(201);
    const { token, invite, path } = made.body as { token: string; invite: { id: string; uses: number; maxUses: number; state: string; expiresAt: string; createdBy: unknown }; path: string };
    expect(token).toMatch(/^cbi_[A-Za-z0-9_-]{43}$/);
    expect(path).toBe(`/invite/${token}`);
    expect(invite).toMatchObject({ role: 'factchecker', uses: 0, maxUses: 3, state: 'usable', createdBy: { id: team.lead.user!.id, name: 'lead' } });
    const hours = (Date.parse(invite.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);
    const [row] = await app.database.db.select().from(workspaceInvites).where(eq(workspaceInvites.id, invite.id));
    expect(row.tokenHash).toBe(hashSecret(token));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const list = await team.lead.get(`/api/workspaces/${wid}/invites`);
    expect(list.body.invites).toEqual([invite]);
    expect(JSON.stringify(list.body)).not.toContain(token.slice(4));
    // Nor does the log: a link's secret is redacted like an API token.
    expect(redactSecrets(`GET /invite/${token} 200`)).toBe('GET /invite/cbi_[redacted] 200');
  });

  test('by default a link is usable once and for a week; only a lead makes, lists or revokes links', async () => {
    const made = await make(team.lead, team.wid, { role: 'viewer' });
    expect(made.body.invite).toMatchObject({ maxUses: 1 });
    const days = (Date.parse(made.body.invite!.expiresAt) - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(7);
    for (const c of [team.factchecker, team.viewer]) {
      expect((await make(c, team.wid, { role: 'viewer' })).status).toBe(403);
      expect((await c.get(`/api/workspaces/${team.wid}/invites`)).status).toBe(403);
      expect((await c.delete(`/api/workspaces/${team.wid}/invites/${made.body.invite!.id}`)).status).toBe(403);
    }
    expect((await team.outsider.get(`/api/workspaces/${team.wid}/invites`)).status).toBe(404);
  });

  test('hostile bodies are refused with 400 and make nothing: unknown role, no expiry, zero or huge uses, extra fields', async () => {
    const wid = await workspace(team.lead);
    for (const body of [
      { role: 'owner' },
      { role: 'viewer', expiresInHours: 0 },
      { role: 'viewer', expiresInHours: 10_000 },
      { role: 'viewer', maxUses: 0 },
      { role: 'viewer', maxUses: 1e9 },
      { role: 'viewer', maxUses: 1.5 },
      { role: 'viewer', workspaceId: team.wid },
      { role: 'viewer\u0000' },
    ]) {
      const res = await make(team.lead, wid, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.code).toBe('validation_error');
    }
    expect((await team.lead.get(`/api/workspaces/${wid}/invites`)).body.invites).toEqual([]);
  });

  test('a workspace has at most 50 usable links at once (409 too_many_invites); revoking one makes room', async () => {
    const wid = await workspace(team.lead);
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await make(team.lead, wid, { role: 'viewer' })).body.invite!.id);
    const over = await make(team.lead, wid, { role: 'viewer' });
    expect(over.status).toBe(409);
    expect(over.body.error?.code).toBe('too_many_invites');
    expect((await team.lead.delete(`/api/workspaces/${wid}/invites/${ids[0]}`)).status).toBe(204);
    expect((await make(team.lead, wid, { role: 'viewer' })).status).toBe(201);
  });

  test('the preview shows the workspace name and role to anyone holding the link, signed out too, and nothing else', async () => {
    const wid = await workspace(team.lead);
    const { token } = (await make(team.lead, wid, { role: 'annotator' })).body as { token: string };
    const signedOut = await new Client(app.url).get(`/api/invites/${token}`);
    expect(signedOut.status).toBe(200);
    expect(signedOut.body.invite).toEqual({ workspace: { name: 'Desk' }, role: 'annotator', state: 'usable', expiresAt: expect.any(String), invitedBy: { name: 'lead' }, membership: null });
    expect(JSON.stringify(signedOut.body)).not.toContain(wid);
    // A member sees their own membership, with the workspace to go to.
    const mine = await team.lead.get(`/api/invites/${token}`);
    expect(mine.body.invite?.membership).toEqual({ workspaceId: wid, role: 'lead' });
    // An unknown, malformed or absurd secret is the same 404, without a hint.
    for (const bad of [`cbi_${'A'.repeat(43)}`, 'nonsense', 'x'.repeat(90)]) {
      const res = await new Client(app.url).get(`/api/invites/${bad}`);
      expect(res.status, bad).toBe(404);
      expect(res.body.error?.code).toBe('invite_not_found');
    }
    // Text the database cannot hold is refused before any query, as everywhere.
    expect((await new Client(app.url).get(`/api/invites/${encodeURIComponent('cbi_\u0000')}`)).body.error?.code).toBe('validation_error');
  });

  test('accepting joins with the link’s role; a member accepting again keeps their role and uses nothing; signed out is 401', async () => {
    const wid = await workspace(team.lead);
    const { token, invite } = (await make(team.lead, wid, { role: 'factchecker', maxUses: 2 })).body as { token: string; invite: { id: string } };
    expect((await new Client(app.url).post(`/api/invites/${token}/accept`)).status).toBe(401);
    const joiner = await signUp(app.url, 'joiner');
    const joined = await joiner.post(`/api/invites/${token}/accept`);
    expect(joined.status).toBe(200);
    expect(joined.body).toEqual({ workspace: { id: wid, name: 'Desk' }, role: 'factchecker', alreadyMember: false });
    expect((await joiner.get('/api/workspaces')).body.workspaces!.map((w) => [w.id, w.role])).toEqual([[wid, 'factchecker']]);
    const twice = await joiner.post(`/api/invites/${token}/accept`);
    expect(twice.body).toMatchObject({ alreadyMember: true, role: 'factchecker' });
    // The lead opening their own link is not demoted.
    expect((await team.lead.post(`/api/invites/${token}/accept`)).body).toMatchObject({ alreadyMember: true, role: 'lead' });
    const list = (await team.lead.get(`/api/workspaces/${wid}/invites`)).body.invites!;
    expect(list.find((i) => i.id === invite.id)).toMatchObject({ uses: 1, state: 'usable' });
  });

  test('N uses admit exactly N people, however many accept at the same moment', async () => {
    const wid = await workspace(team.lead);
    const { token, invite } = (await make(team.lead, wid, { role: 'viewer', maxUses: 3 })).body as { token: string; invite: { id: string } };
    const people = await Promise.all(Array.from({ length: 8 }, (_, i) => signUp(app.url, `rush-${i}`)));
    const answers = await Promise.all(people.map((p) => p.post(`/api/invites/${token}/accept`)));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(3);
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused.map((r) => [r.status, r.body.error?.code])).toEqual(Array(5).fill([410, 'invite_used_up']));
    const admitted = people.filter((_, i) => answers[i].status === 200).map((p) => p.user!.id);
    expect((await memberIds(wid)).sort()).toEqual([team.lead.user!.id, ...admitted].sort());
    const [row] = await app.database.db.select().from(workspaceInvites).where(eq(workspaceInvites.id, invite.id));
    expect(row.uses).toBe(3);
    expect((await team.lead.get(`/api/invites/${token}`)).body.invite?.state).toBe('used_up');
  });

  test('one person accepting in two tabs at once joins once and uses the link once', async () => {
    const wid = await workspace(team.lead);
    const { token, invite } = (await make(team.lead, wid, { role: 'viewer', maxUses: 5 })).body as { token: string; invite: { id: string } };
    const person = await signUp(app.url, 'two-tabs');
    const answers = await Promise.all([person.post(`/api/invites/${token}/accept`), person.post(`/api/invites/${token}/accept`)]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    expect(answers.map((r) => r.body.alreadyMember).sort()).toEqual([false, true]);
    const [row] = await app.database.db.select().from(workspaceInvites).where(eq(workspaceInvites.id, invite.id));
    expect(row.uses).toBe(1);
  });

  test('a revoked link and an expired link admit nobody (410 invite_revoked, invite_expired), and their preview says so', async () => {
    const wid = await workspace(team.lead);
    const revoked = (await make(team.lead, wid, { role: 'viewer', maxUses: null })).body as { token: string; invite: { id: string } };
    const expired = (await make(team.lead, wid, { role: 'viewer' })).body as { token: string; invite: { id: string } };
    expect((await team.lead.delete(`/api/workspaces/${wid}/invites/${revoked.invite.id}`)).status).toBe(204);
    // Revoking again is harmless; another workspace's link id is not found.
    expect((await team.lead.delete(`/api/workspaces/${wid}/invites/${revoked.invite.id}`)).status).toBe(204);
    expect((await team.lead.delete(`/api/workspaces/${team.wid}/invites/${revoked.invite.id}`)).body?.error?.code).toBe('invite_not_found');
    await app.database.db.update(workspaceInvites).set({ expiresAt: sql`now() - interval '1 minute'` }).where(eq(workspaceInvites.id, expired.invite.id));

    const person = await signUp(app.url, 'too-late');
    for (const [link, state] of [[revoked, 'revoked'], [expired, 'expired']] as const) {
      const preview = await new Client(app.url).get(`/api/invites/${link.token}`);
      expect(preview.body.invite).toMatchObject({ state, invitedBy: null });
      const res = await person.post(`/api/invites/${link.token}/accept`);
      expect(res.status).toBe(410);
      expect(res.body.error?.code).toBe(`invite_${state}`);
      expect(res.body.error?.message).toMatch(/ask a lead/);
    }
    expect((await person.get('/api/workspaces')).body.workspaces).toEqual([]);
    const states = (await team.lead.get(`/api/workspaces/${wid}/invites`)).body.invites!.map((i) => [i.id, i.state]);
    expect(states).toEqual(expect.arrayContaining([[revoked.invite.id, 'revoked'], [expired.invite.id, 'expired']]));
  });

  test("a removed member can rejoin with a new link, in the link's role", async () => {
    const wid = await workspace(team.lead, [[team.annotator, 'annotator']]);
    await team.lead.delete(`/api/workspaces/${wid}/members/${team.annotator.user!.id}`);
    const { token } = (await make(team.lead, wid, { role: 'viewer' })).body as { token: string };
    expect((await team.annotator.post(`/api/invites/${token}/accept`)).body).toMatchObject({ role: 'viewer', alreadyMember: false });
  });
});

describe('the reveal rule', () => {
  const text = 'The barrier will protect 38,000 homes. It will cost 1.2 billion euros.';

  async function claimWithVotes(rule: 'quorum' | 'lead', votes: number) {
    const lead = await signUp(app.url, `rule-${rule}`);
    const checkers = await Promise.all(Array.from({ length: votes }, (_, i) => signUp(app.url, `fc-${rule}-${i}`)));
    const wid = await workspace(lead, checkers.map((c) => [c, 'factchecker'] as [Client, 'factchecker']));
    const set = await lead.patch(`/api/workspaces/${wid}`, { quorum: 2, revealRule: rule });
    expect(set.status).toBe(200);
    expect(set.body.workspace).toMatchObject({ quorum: 2, revealRule: rule });
    const doc = (await lead.post(`/api/workspaces/${wid}/documents`, { title: 'T', text })).body.document!.id;
    const claim = (await lead.post(`/api/documents/${doc}/claims`, { exact: '38,000 homes' })).body.claim!.id;
    for (const c of checkers) expect((await c.request('PUT', `/api/claims/${claim}/vote`, { json: { verdict: 'accurate' } })).status).toBe(200);
    return { lead, wid, doc, claim, checkers };
  }

  test("'quorum' (the default) reveals a claim as soon as its quorum of votes is in", async () => {
    const { lead, claim } = await claimWithVotes('quorum', 2);
    expect((await lead.get(`/api/claims/${claim}`)).body.claim).toMatchObject({ revealed: true, tally: { count: 2, consensus: 'accurate' } });
  });

  test("'lead' keeps the votes blind past the quorum until a lead reveals them, and lists the claim on the lead's to-do", async () => {
    const { lead, wid, claim, checkers } = await claimWithVotes('lead', 3);
    const seen = (await checkers[0].get(`/api/claims/${claim}`)).body.claim!;
    expect(seen.revealed).toBe(false);
    expect(seen.tally).toMatchObject({ count: 3, byVerdict: {}, consensus: null });
    // Only their own vote, never the others'.
    expect(seen.votes.map((v: { user: { id: string } }) => v.user.id)).toEqual([checkers[0].user!.id]);
    const board = (await lead.get(`/api/workspaces/${wid}/dashboard`)).body;
    expect(board.waitingForSignOff!.map((c) => c.id)).toEqual([claim]);
    expect(board.waitingForVotes).toEqual([]);
    // At or past the quorum the lead reveals without confirming.
    const revealed = await lead.post(`/api/claims/${claim}/reveal`);
    expect(revealed.status).toBe(200);
    expect(revealed.body.claim).toMatchObject({ revealed: true, tally: { count: 3, consensus: 'accurate' } });
  });

  test('the reveal rule is one of quorum or lead, set by a lead only; switching back to quorum reveals from the next vote', async () => {
    const { lead, wid, claim } = await claimWithVotes('lead', 2);
    expect((await lead.patch(`/api/workspaces/${wid}`, { revealRule: 'anyone' })).status).toBe(400);
    expect((await team.factchecker.patch(`/api/workspaces/${team.wid}`, { revealRule: 'lead' })).status).toBe(403);
    expect((await lead.get('/api/workspaces')).body.workspaces!.find((w) => w.id === wid)?.revealRule).toBe('lead');
    expect((await lead.patch(`/api/workspaces/${wid}`, { revealRule: 'quorum' })).status).toBe(200);
    const late = await signUp(app.url, 'late');
    await lead.post(`/api/workspaces/${wid}/members`, { email: late.user!.email, role: 'factchecker' });
    await late.request('PUT', `/api/claims/${claim}/vote`, { json: { verdict: 'mixed' } });
    expect((await lead.get(`/api/claims/${claim}`)).body.claim).toMatchObject({ revealed: true, tally: { count: 3 } });
  });

  test('renaming trims the name and refuses a blank one or one with a NUL', async () => {
    const wid = await workspace(team.lead);
    expect((await team.lead.patch(`/api/workspaces/${wid}`, { name: '  Climate desk  ' })).body.workspace?.name).toBe('Climate desk');
    for (const name of ['   ', 'a\u0000b', 'x'.repeat(201)]) expect((await team.lead.patch(`/api/workspaces/${wid}`, { name })).status).toBe(400);
  });
});
