import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { conflict, notFound } from '../errors';
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
import { errorResponses } from '../plugins/error-responses';

/** Workspaces and their members (API.md "Workspaces and members"). */
const workspaceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/workspaces', {
    config: { access: { role: 'user' } },
    schema: { tags: ['workspaces'], body: createWorkspaceBody, response: { 201: workspaceReply } },
  }, async (request, reply) => {
    const workspace = await createWorkspace(app.db, request.body.name, request.access.user.id);
    return reply.code(201).send({ workspace: { id: workspace.id, name: workspace.name, quorum: workspace.quorum, publicVotes: workspace.publicVotes, role: workspace.role } });
  });

  app.patch('/workspaces/:wid', {
    config: { access: { role: 'lead', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: workspaceParams, body: updateWorkspaceBody, response: { 200: workspaceReply } },
  }, async (request) => {
    const row = await updateWorkspace(app.db, request.params.wid, request.body);
    return { workspace: { id: row.id, name: row.name, quorum: row.quorum, publicVotes: row.publicVotes, role: request.access.role } };
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
