import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { claimOwnerFor, oneClaim } from '../claims/routes';
import { claimParams, claimReply } from '../claims/schemas';
import { HttpError, notFound, unprocessable } from '../errors';
import { requireUser } from '../plugins/auth';
import { mirrorClaim } from './mirror';
import { addComment, castVote, claimState, commentOnClaim, evidenceCount, listVotes, reveal, setStatus } from './repository';
import { commentBody, commentReply, statusBody, voteBody, voteReply } from './schemas';
import { visibleVotes } from './visibility';

const CLAIM_MISSING = () => notFound('claim_not_found', 'No such claim, or it is not in one of your workspaces.');

/** Blind votes, reveal, sign-off and comments (API.md "Claims"); each change is mirrored into the live document. */
const voteRoutes: FastifyPluginAsyncZod = async (app) => {
  app.put('/claims/:id/vote', {
    schema: { tags: ['verification'], params: claimParams, body: voteBody, response: { 200: voteReply } },
  }, async (request) => {
    const { id } = request.params;
    const owner = await claimOwnerFor(app, request, id, 'factchecker');
    const user = requireUser(request);
    const result = await castVote(app.db, {
      claimId: id,
      documentId: owner.documentId,
      userId: user.id,
      verdict: request.body.verdict,
      confidence: request.body.confidence ?? null,
      note: request.body.note ?? '',
    });
    if (!result) throw CLAIM_MISSING();
    await mirrorClaim(app, owner.documentId, id);
    const state = await claimState(app.db, id);
    const all = await listVotes(app.db, [id]);
    const { tally } = visibleVotes(all, state?.revealedAt != null, user.id);
    const mine = all.find((v) => v.user.id === user.id)!;
    return { vote: { user: mine.user, verdict: mine.verdict, confidence: mine.confidence, note: mine.note, at: mine.at.toISOString() }, tally };
  });

  app.post('/claims/:id/reveal', {
    schema: { tags: ['verification'], params: claimParams, response: { 200: claimReply } },
  }, async (request) => {
    const { id } = request.params;
    const owner = await claimOwnerFor(app, request, id, 'lead');
    await reveal(app.db, id, owner.documentId, requireUser(request).id);
    await mirrorClaim(app, owner.documentId, id);
    return { claim: await oneClaim(app, request, id) };
  });

  app.post('/claims/:id/status', {
    schema: { tags: ['verification'], params: claimParams, body: statusBody, response: { 200: claimReply } },
  }, async (request) => {
    const { id } = request.params;
    const owner = await claimOwnerFor(app, request, id, 'lead');
    const state = await claimState(app.db, id);
    if (!state) throw CLAIM_MISSING();
    const { status, confirm } = request.body;
    const missing: string[] = [];
    if (status === 'verified') {
      if ((await evidenceCount(app.db, id)) === 0) missing.push('no_evidence');
      if (state.revealedAt === null) missing.push('no_revealed_vote');
    }
    if (missing.length && !confirm) {
      const words = missing.map((m) => (m === 'no_evidence' ? 'has no evidence' : 'has no revealed vote')).join(' and ');
      throw new HttpError(409, 'confirmation_required', `This claim ${words}; send "confirm": true to verify it anyway (the override is recorded).`, { missing });
    }
    if (state.status !== status) {
      await setStatus(app.db, { claimId: id, documentId: owner.documentId, userId: requireUser(request).id, from: state.status, to: status, override: missing });
      await mirrorClaim(app, owner.documentId, id);
    }
    return { claim: await oneClaim(app, request, id) };
  });

  app.post('/claims/:id/comments', {
    schema: { tags: ['verification'], params: claimParams, body: commentBody, response: { 201: commentReply } },
  }, async (request, reply) => {
    const { id } = request.params;
    const owner = await claimOwnerFor(app, request, id, 'annotator');
    const replyTo = request.body.replyTo ?? null;
    if (replyTo && !(await commentOnClaim(app.db, replyTo, id))) {
      throw unprocessable('reply_target_not_found', 'The comment replied to is not on this claim.');
    }
    const user = requireUser(request);
    const row = await addComment(app.db, { claimId: id, documentId: owner.documentId, userId: user.id, body: request.body.body, replyTo });
    await mirrorClaim(app, owner.documentId, id);
    return reply.code(201).send({ comment: { id: row.id, user: { id: user.id, name: user.name }, body: row.body, replyTo: row.replyTo, at: row.at.toISOString() } });
  });
};

export default voteRoutes;
