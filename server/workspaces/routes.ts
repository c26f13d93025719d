import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conflict, forbidden, notFound } from '../errors';
import { addMember, changeMembership, createWorkspace, listMembers, listWorkspacesOf, updateWorkspace, type MembershipChange } from './repository';
import {
  addMemberBody,
  createWorkspaceBody,
  memberParams,
  memberReply,
  membersReply,
  setRoleBody,
  updateWorkspaceBody,
  workspaceParams,
  workspaceReply,
  workspacesReply,
} from './schemas';
import { errorResponses, noContent } from '../plugins/error-responses';
import { roleAtLeast, type Role } from '../shared/roles';

/** Workspaces and their members (API.md "Workspaces and members"). */
const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/workspaces', {
    config: { access: { role: 'user' } },
    schema: { tags: ['workspaces'], body: createWorkspaceBody, response: { 201: workspaceReply } },
  }, async (request, reply) => {
    const workspace = await createWorkspace(app.db, request.body.name, request.access.user.id);
    return reply.code(201).send({ workspace: presentWorkspace(workspace, workspace.role) });
  });

  app.patch('/workspaces/:wid', {
    config: { access: { role: 'lead', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: workspaceParams, body: updateWorkspaceBody, response: { 200: workspaceReply } },
  }, async (request) => {
    const row = await updateWorkspace(app.db, request.params.wid, request.body);
    return { workspace: presentWorkspace(row, request.access.role) };
  });

  app.get('/workspaces', {
    config: { access: { role: 'user' } },
    schema: { tags: ['workspaces'], response: { 200: workspacesReply } },
  }, async (request) => ({
    workspaces: await listWorkspacesOf(app.db, request.access.user.id),
  }));

  app.get('/workspaces/:wid/members', {
    config: { access: { role: 'viewer', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: workspaceParams, response: { 200: membersReply } },
  }, async (request) => ({ members: await listMembers(app.db, request.params.wid) }));

  app.post('/workspaces/:wid/members', {
    config: { access: { role: 'lead', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: workspaceParams, body: addMemberBody, response: { 201: memberReply, ...errorResponses(409) } },
  }, async (request, reply) => {
    const result = await addMember(app.db, request.params.wid, request.body.email, request.body.role);
    if (!result.ok && result.reason === 'user_not_found') {
      throw notFound('user_not_found', `Nobody has signed up with ${request.body.email} yet; ask them to sign up first.`);
    }
    if (!result.ok) throw conflict('already_member', `${request.body.email} is already a member; change their role instead.`);
    return reply.code(201).send({ member: result.member });
  });

  app.patch('/workspaces/:wid/members/:userId', {
    config: { access: { role: 'lead', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: memberParams, body: setRoleBody, response: { 200: membersReply, ...errorResponses(409) } },
  }, async (request) => {
    const { wid, userId } = request.params;
    refuseChange(await changeMembership(app.db, wid, userId, request.body.role), 'step down');
    return { members: await listMembers(app.db, wid) };
  });

  app.delete('/workspaces/:wid/members/:userId', {
    // A lead removes anyone; any member may remove themselves (leave). The last lead can do neither.
    config: { access: { role: 'viewer', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: memberParams, response: { 204: noContent, ...errorResponses(403, 404, 409) } },
  }, async (request, reply) => {
    const { wid, userId } = request.params;
    const { user, role } = request.access;
    if (userId !== user.id && !roleAtLeast(role, 'lead')) {
      throw forbidden('insufficient_role', 'Only a lead removes other members; you can only leave the workspace yourself.');
    }
    refuseChange(await changeMembership(app.db, wid, userId, null), userId === user.id ? 'leave' : 'be removed');
    return reply.code(204).send(null);
  });
};

/** The API's 404 or 409 for a membership change that did not happen. */
function refuseChange(outcome: MembershipChange, what: string): void {
  if (outcome === 'not_member') throw notFound('member_not_found', 'That user is not a member of this workspace.');
  if (outcome === 'last_lead') throw conflict('last_lead', `A workspace needs at least one lead, and this is the last one: make someone else lead before they ${what}.`);
}

/** A workspace as the API shows it, with the caller's role in it. */
const presentWorkspace = (w: { id: string; name: string; quorum: number; publicVotes: boolean; revealRule: 'quorum' | 'lead' }, role: Role) => ({
  id: w.id,
  name: w.name,
  quorum: w.quorum,
  publicVotes: w.publicVotes,
  revealRule: w.revealRule,
  role,
});

export default workspaceRoutes;
