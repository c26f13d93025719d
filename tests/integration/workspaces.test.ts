import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { signUp, workspaceWithRoles, type ValidationDetails } from '../helpers/client';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

describe('workspaces', () => {
  test('the creator of a workspace is its lead, and each user lists only their own workspaces', async () => {
    const ann = await signUp(app.url, 'ann');
    const created = await ann.post('/api/workspaces', { name: 'Climate desk' });
    expect(created.status).toBe(201);
    expect(created.body.workspace).toEqual({ id: expect.any(String), name: 'Climate desk', quorum: 3, publicVotes: false, revealRule: 'quorum', role: 'lead' });
    expect((await ann.get('/api/workspaces')).body.workspaces).toEqual([created.body.workspace]);
    const names = (await team.outsider.get('/api/workspaces')).body.workspaces.map((w: { name: string }) => w.name);
    expect(names).toEqual(['Elsewhere']);
  });

  test('members see the member list with roles; the viewer sees the workspace with their role', async () => {
    const res = await team.viewer.get(`/api/workspaces/${team.wid}/members`);
    expect(res.status).toBe(200);
    expect(res.body.members.map((m: { role: string }) => m.role)).toEqual(['lead', 'viewer', 'annotator', 'factchecker']);
    expect(res.body.members[0].user).toEqual(team.lead.user);
    const mine = (await team.viewer.get('/api/workspaces')).body.workspaces;
    expect(mine).toEqual([{ id: team.wid, name: 'Newsroom', quorum: 3, publicVotes: false, revealRule: 'quorum', role: 'viewer' }]);
  });

  test('another workspace answers 404, never 403 or data', async () => {
    const res = await team.outsider.get(`/api/workspaces/${team.wid}/members`);
    expect(res.status).toBe(404);
    expect(res.body.error?.code).toBe('workspace_not_found');
    const add = await team.outsider.post(`/api/workspaces/${team.wid}/members`, { email: team.outsider.user!.email, role: 'lead' });
    expect(add.status).toBe(404);
  });

  test('only a lead adds members; others get 403 insufficient_role', async () => {
    const newcomer = await signUp(app.url, 'newcomer');
    for (const who of [team.viewer, team.annotator, team.factchecker]) {
      const res = await who.post(`/api/workspaces/${team.wid}/members`, { email: newcomer.user!.email, role: 'viewer' });
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBe('insufficient_role');
    }
    const members = (await team.lead.get(`/api/workspaces/${team.wid}/members`)).body.members;
    expect(members).toHaveLength(4);
  });

  test('adding an unknown email answers 404 user_not_found; adding a member twice answers 409', async () => {
    const unknown = await team.lead.post(`/api/workspaces/${team.wid}/members`, { email: 'nobody@example.test', role: 'viewer' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe('user_not_found');
    const twice = await team.lead.post(`/api/workspaces/${team.wid}/members`, { email: team.viewer.user!.email, role: 'lead' });
    expect(twice.status).toBe(409);
    expect(twice.body.error?.code).toBe('already_member');
  });

  test('an unknown role or a malformed id answers 400 validation_error', async () => {
    const badRole = await team.lead.post(`/api/workspaces/${team.wid}/members`, { email: team.outsider.user!.email, role: 'owner' });
    expect(badRole.status).toBe(400);
    expect(badRole.body.error?.code).toBe('validation_error');
    const badId = await team.lead.get('/api/workspaces/not-a-uuid/members');
    expect(badId.status).toBe(400);
    expect((badId.body.error?.details as ValidationDetails)[0].path).toBe('params.wid');
  });

  test('a lead changes a role, but the last lead cannot step down', async () => {
    const ws = await team.lead.post('/api/workspaces', { name: 'Roles' });
    const wid = ws.body.workspace.id;
    await team.lead.post(`/api/workspaces/${wid}/members`, { email: team.annotator.user!.email, role: 'viewer' });
    const promoted = await team.lead.patch(`/api/workspaces/${wid}/members/${team.annotator.user!.id}`, { role: 'factchecker' });
    expect(promoted.status).toBe(200);
    expect(promoted.body.members.find((m) => m.user.id === team.annotator.user!.id)?.role).toBe('factchecker');
    const stepDown = await team.lead.patch(`/api/workspaces/${wid}/members/${team.lead.user!.id}`, { role: 'viewer' });
    expect(stepDown.status).toBe(409);
    expect(stepDown.body.error?.code).toBe('last_lead');
  });
});
