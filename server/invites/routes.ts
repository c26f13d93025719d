import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import { conflict, HttpError, notFound } from '../errors';
import { errorResponses, noContent } from '../plugins/error-responses';
import { findRole } from '../workspaces/repository';
import { workspaceParams } from '../workspaces/schemas';
import { acceptInvite, countUsableInvites, createInvite, findInvite, isInviteToken, listInvites, revokeInvite, stateOf } from './repository';
import {
  acceptInviteReply,
  createInviteBody,
  createInviteReply,
  inviteParams,
  invitePreviewReply,
  invitesReply,
  inviteTokenParams,
  MAX_ACTIVE_INVITES,
  type InviteState,
} from './schemas';

const NOT_FOUND = () => notFound('invite_not_found', 'This invite link is not valid: check that it was copied whole, or ask for a new one.');

/** Why a link no longer admits anyone, as the API's 410. */
const GONE: Record<Exclude<InviteState, 'usable'>, () => HttpError> = {
  expired: () => new HttpError(410, 'invite_expired', 'This invite link has expired; ask a lead of the workspace for a new one.'),
  revoked: () => new HttpError(410, 'invite_revoked', 'This invite link was revoked; ask a lead of the workspace for a new one.'),
  used_up: () => new HttpError(410, 'invite_used_up', 'This invite link has been used as many times as it allows; ask a lead of the workspace for a new one.'),
};

const present = (row: Awaited<ReturnType<typeof listInvites>>[number]) => ({
  id: row.invite.id,
  role: row.invite.role,
  maxUses: row.invite.maxUses,
  uses: row.invite.uses,
  expiresAt: row.invite.expiresAt.toISOString(),
  createdAt: row.invite.createdAt.toISOString(),
  createdBy: row.createdBy?.id ? { id: row.createdBy.id, name: row.createdBy.name } : null,
  revokedAt: row.invite.revokedAt?.toISOString() ?? null,
  state: stateOf(row.invite),
});

/** Invite links (API.md "Invite links"): a lead makes, lists and revokes them; whoever holds one previews and accepts it. */
const inviteRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  // The links' own routes carry a secret anyone may try: a tighter limit per client address (at
  // least 60 a minute, so a newsroom behind one address can join together).
  const perAddress = { rateLimit: { max: Math.max(60, config.authRateLimit), timeWindow: '1 minute', allowList: () => false, keyGenerator: (request: { ip: string }) => request.ip } };

  app.post('/workspaces/:wid/invites', {
    config: { access: { role: 'lead', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: workspaceParams, body: createInviteBody, response: { 201: createInviteReply, ...errorResponses(409) } },
  }, async (request, reply) => {
    const { wid } = request.params;
    if ((await countUsableInvites(app.db, wid)) >= MAX_ACTIVE_INVITES) {
      throw conflict('too_many_invites', `This workspace already has ${MAX_ACTIVE_INVITES} usable invite links; revoke some before making another.`);
    }
    const { id, token } = await createInvite(app.db, { workspaceId: wid, ...request.body, createdBy: request.access.user.id });
    const row = (await listInvites(app.db, wid)).find((r) => r.invite.id === id)!;
    return reply.code(201).send({ invite: present(row), token, path: `/invite/${token}` });
  });

  app.get('/workspaces/:wid/invites', {
    config: { access: { role: 'lead', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: workspaceParams, response: { 200: invitesReply } },
  }, async (request) => ({ invites: (await listInvites(app.db, request.params.wid)).map(present) }));

  app.delete('/workspaces/:wid/invites/:id', {
    config: { access: { role: 'lead', find: 'workspace' } },
    schema: { tags: ['workspaces'], params: inviteParams, response: { 204: noContent, ...errorResponses(404) } },
  }, async (request, reply) => {
    if (!(await revokeInvite(app.db, request.params.wid, request.params.id))) throw NOT_FOUND();
    return reply.code(204).send(null);
  });

  app.get('/invites/:token', {
    // Signed in or not: the page a link opens shows what it is for before anyone signs up.
    config: { ...perAddress, access: { role: 'public' } },
    schema: { tags: ['workspaces'], params: inviteTokenParams, response: { 200: invitePreviewReply, ...errorResponses(404) } },
  }, async (request) => {
    const { token } = request.params;
    const found = isInviteToken(token) ? await findInvite(app.db, token) : null;
    if (!found) throw NOT_FOUND();
    const state = stateOf(found.invite);
    const role = request.user ? await findRole(app.db, found.invite.workspaceId, request.user.id) : null;
    return {
      invite: {
        workspace: { name: found.workspaceName },
        role: found.invite.role,
        state,
        expiresAt: found.invite.expiresAt.toISOString(),
        invitedBy: state === 'usable' && found.invitedBy ? { name: found.invitedBy } : null,
        membership: role ? { workspaceId: found.invite.workspaceId, role } : null,
      },
    };
  });

  app.post('/invites/:token/accept', {
    config: { ...perAddress, access: { role: 'user' } },
    schema: { tags: ['workspaces'], params: inviteTokenParams, response: { 200: acceptInviteReply, ...errorResponses(404, 410) } },
  }, async (request) => {
    const { token } = request.params;
    const outcome = isInviteToken(token) ? await acceptInvite(app.db, token, request.access.user.id) : { kind: 'missing' as const };
    if (outcome.kind === 'missing') throw NOT_FOUND();
    if (outcome.kind === 'refused') throw GONE[outcome.state]();
    return { workspace: outcome.workspace, role: outcome.role, alreadyMember: outcome.kind === 'already_member' };
  });
};

export default inviteRoutes;
