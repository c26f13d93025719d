import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conflict, notFound } from '../errors';
import { requireUser } from '../plugins/auth';
import { requireRole } from './access';
import { addMember, countLeads, createWorkspace, listMembers, listWorkspacesOf, setMemberRole, updateWorkspace } from './repository';
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

/** Workspaces and their members (API.md "Workspaces and members"). */
const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/workspaces', {
    schema: { tags: ['workspaces'], body: createWorkspaceBody, response: { 201: workspaceReply } },
  }, async (request, reply) => {
    const user = requireUser(request);
    const workspace = await createWorkspace(app.db, request.body.name, user.id);
    return reply.code(201).send({ workspace: { id: workspace.id, name: workspace.name, quorum: workspace.quorum, role: workspace.role } });
  });

  app.patch('/workspaces/:wid', {
    schema: { tags: ['workspaces'], params: workspaceParams, body: updateWorkspaceBody, response: { 200: workspaceReply } },
  }, async (request) => {
    const role = await requireRole(app.db, request, request.params.wid, 'lead');
    const row = await updateWorkspace(app.db, request.params.wid, request.body);
    return { workspace: { id: row.id, name: row.name, quorum: row.quorum, role } };
  });

  app.get('/workspaces', { schema: { tags: ['workspaces'], response: { 200: workspacesReply } } }, async (request) => ({
    workspaces: await listWorkspacesOf(app.db, requireUser(request).id),
  }));

  app.get('/workspaces/:wid/members', {
    schema: { tags: ['workspaces'], params: workspaceParams, response: { 200: membersReply } },
  }, async (request) => {
    await requireRole(app.db, request, request.params.wid, 'viewer');
    return { members: await listMembers(app.db, request.params.wid) };
  });

  app.post('/workspaces/:wid/members', {
    schema: { tags: ['workspaces'], params: workspaceParams, body: addMemberBody, response: { 201: memberReply } },
  }, async (request, reply) => {
    await requireRole(app.db, request, request.params.wid, 'lead');
    const result = await addMember(app.db, request.params.wid, request.body.email, request.body.role);
    if (!result.ok && result.reason === 'user_not_found') {
      throw notFound('user_not_found', `Nobody has signed up with ${request.body.email} yet; ask them to sign up first.`);
    }
    if (!result.ok) throw conflict('already_member', `${request.body.email} is already a member; change their role instead.`);
    return reply.code(201).send({ member: result.member });
  });

  app.patch('/workspaces/:wid/members/:userId', {
    schema: { tags: ['workspaces'], params: memberParams, body: setRoleBody, response: { 200: membersReply } },
  }, async (request) => {
    const { wid, userId } = request.params;
    await requireRole(app.db, request, wid, 'lead');
    const members = await listMembers(app.db, wid);
    const target = members.find((m) => m.user.id === userId);
    if (!target) throw notFound('member_not_found', 'That user is not a member of this workspace.');
    if (target.role === 'lead' && request.body.role !== 'lead' && (await countLeads(app.db, wid)) === 1) {
      throw conflict('last_lead', 'A workspace needs at least one lead; make someone else lead first.');
    }
    await setMemberRole(app.db, wid, userId, request.body.role);
    return { members: await listMembers(app.db, wid) };
  });
};

export default workspaceRoutes;
