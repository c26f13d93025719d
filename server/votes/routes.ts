import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { oneClaim } from '../claims/routes';
import { claimParams, claimReply } from '../claims/schemas';
import { conflict, HttpError, unprocessable } from '../errors';
import { notFoundError } from '../plugins/access';
import { isSignedOff } from '../shared/claim-doc';
import { parseOrThrow } from '../validation';
import { mirrorClaim } from './mirror';
import { addComment, blindCount, castVote, claimState, commentOnClaim, evidenceCount, listVotes, reveal, reviseVote, setStatus } from './repository';
import { commentBody, commentReply, revealBody, revisionBody, statusBody, voteBody, voteReply } from './schemas';
import { visibleVotes, voteJson } from './visibility';
import { errorResponses } from '../plugins/error-responses';

const OVERRIDE_WORDS: Record<string, string> = {
  no_evidence: 'has no evidence',
  no_revealed_vote: 'has no revealed vote',
  no_consensus: 'has no consensus among its blind votes',
};

/** Blind votes, revisions, reveal, sign-off and comments (API.md "Claims"); each change is mirrored into the live document. */
const voteRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The caller's vote of the current round and the tally they may see. */
  async function myVote(claimId: string, userId: string) {
    const state = await claimState(app.db, claimId);
    if (!state) throw notFoundError('claim');
    const all = await listVotes(app.db, [claimId]);
    const { tally } = visibleVotes(all, { revealed: state.revealedAt !== null, round: state.round }, userId);
    const mine = all.find((v) => v.user.id === userId && v.round === state.round)!;
    return { vote: voteJson(mine), tally };
  }

  app.put('/claims/:id/vote', {
    config: { access: { role: 'factchecker', find: 'claim' } },
    schema: { tags: ['verification'], params: claimParams, body: voteBody, response: { 200: voteReply, ...errorResponses(409, 422) } },
  }, async (request) => {
    const { id } = request.params;
    const { claim: owner, user } = request.access;
    const result = await castVote(app.db, {
      claimId: id,
      documentId: owner.documentId,
      userId: user.id,
      verdict: request.body.verdict,
      confidence: request.body.confidence ?? null,
      note: request.body.note ?? '',
    });
    if (result.kind === 'missing') throw notFoundError('claim');
    if (result.kind === 'final') {
      throw conflict('vote_final', 'Your vote was cast blind and counts as it is now that the votes are revealed; record a revised verdict with a reason instead (POST /api/claims/:id/vote/revision).');
    }
    await mirrorClaim(app, owner.documentId, id);
    return myVote(id, user.id);
  });

  app.post('/claims/:id/vote/revision', {
    config: { access: { role: 'factchecker', find: 'claim' } },
    schema: { tags: ['verification'], params: claimParams, body: revisionBody, response: { 200: voteReply, ...errorResponses(409, 422) } },
  }, async (request) => {
    const { id } = request.params;
    const { claim: owner, user } = request.access;
    const outcome = await reviseVote(app.db, { claimId: id, documentId: owner.documentId, userId: user.id, verdict: request.body.verdict, reason: request.body.reason });
    if (outcome === 'missing') throw notFoundError('claim');
    if (outcome === 'not_revealed') throw conflict('not_revealed', 'The votes are not revealed yet: until then, change your vote itself (PUT /api/claims/:id/vote).');
    if (outcome === 'no_blind_vote') throw conflict('no_blind_vote', 'You have no blind vote in this round to revise; a vote cast after reveal is changed with PUT /api/claims/:id/vote.');
    await mirrorClaim(app, owner.documentId, id);
    return myVote(id, user.id);
  });

  app.post('/claims/:id/reveal', {
    config: { access: { role: 'lead', find: 'claim' } },
    schema: {
      tags: ['verification'],
      description: 'Optional JSON body `{confirm: true}`: needed to reveal below the quorum (otherwise 409 confirmation_required with `details: {count, quorum}`).',
      params: claimParams,
      requestBodies: { 'application/json': revealBody.unwrap() },
      requestBodyRequired: false,
      response: { 200: claimReply, ...errorResponses(409, 422) },
    },
  }, async (request) => {
    const { id } = request.params;
    const { claim: owner, user } = request.access;
    // The body is optional (a bare POST is the usual call), so it is read here, not by the route schema.
    const body = parseOrThrow(revealBody, request.body ?? {});
    const state = await claimState(app.db, id);
    if (!state) throw notFoundError('claim');
    if (state.revealedAt === null) {
      const count = await blindCount(app.db, id, state.round);
      if (count < state.quorum && !body?.confirm) {
        const votes = count === 1 ? '1 vote' : `${count} votes`;
        throw new HttpError(409, 'confirmation_required', `Only ${votes} of the quorum of ${state.quorum} ${count === 1 ? 'is' : 'are'} in; send "confirm": true to reveal ${votes} now.`, { count, quorum: state.quorum });
      }
      await reveal(app.db, id, owner.documentId, user.id, count);
      await mirrorClaim(app, owner.documentId, id);
    }
    return { claim: await oneClaim(app, request, id) };
  });

  app.post('/claims/:id/status', {
    config: { access: { role: 'lead', find: 'claim' } },
    schema: { tags: ['verification'], params: claimParams, body: statusBody, response: { 200: claimReply, ...errorResponses(409, 422) } },
  }, async (request) => {
    const { id } = request.params;
    const { claim: owner, user } = request.access;
    const state = await claimState(app.db, id);
    if (!state) throw notFoundError('claim');
    const { status, confirm } = request.body;
    const rationale = request.body.rationale || null;
    const reason = request.body.reason || null;
    if (state.status === status) return { claim: await oneClaim(app, request, id) };
    if (isSignedOff(state.status) && isSignedOff(status)) {
      throw conflict('claim_locked', `This claim is signed off as ${state.status}; a lead reopens it (status in_review, with a reason) before signing it off again.`);
    }
    if (isSignedOff(status) && !rationale) {
      throw unprocessable('rationale_required', `Write a short rationale for marking this claim ${status}: it is published as the reason for the rating.`);
    }
    if (isSignedOff(state.status) && !reason) {
      throw unprocessable('reason_required', 'Say why you reopen this signed-off claim: the reason is kept with it and in its history.');
    }
    const consensus = state.revealedAt === null ? null : visibleVotes(await listVotes(app.db, [id]), { revealed: true, round: state.round }, null).tally.consensus;
    const missing: string[] = [];
    if (status === 'verified') {
      if ((await evidenceCount(app.db, id)) === 0) missing.push('no_evidence');
      if (state.revealedAt === null) missing.push('no_revealed_vote');
      else if (consensus === null) missing.push('no_consensus');
    }
    if (missing.length && !confirm) {
      const words = missing.map((m) => OVERRIDE_WORDS[m]).join(' and ');
      throw new HttpError(409, 'confirmation_required', `This claim ${words}; send "confirm": true to verify it anyway (the override is recorded and published).`, { missing });
    }
    // The published rating: the lead's choice, by default the revealed consensus; another one is an override (chosen, so not asked again).
    const rating = isSignedOff(status) ? (request.body.rating ?? consensus) : null;
    const override = consensus && rating && rating !== consensus ? [...missing, 'rating_not_consensus'] : missing;
    await setStatus(app.db, { claimId: id, documentId: owner.documentId, userId: user.id, from: state.status, to: status, override, rationale: isSignedOff(status) ? rationale : null, reason, rating });
    await mirrorClaim(app, owner.documentId, id);
    return { claim: await oneClaim(app, request, id) };
  });

  app.post('/claims/:id/comments', {
    config: { access: { role: 'annotator', find: 'claim' } },
    schema: { tags: ['verification'], params: claimParams, body: commentBody, response: { 201: commentReply, ...errorResponses(422) } },
  }, async (request, reply) => {
    const { id } = request.params;
    const { claim: owner, user } = request.access;
    const replyTo = request.body.replyTo ?? null;
    if (replyTo && !(await commentOnClaim(app.db, replyTo, id))) {
      throw unprocessable('reply_target_not_found', 'The comment replied to is not on this claim.');
    }
    const row = await addComment(app.db, { claimId: id, documentId: owner.documentId, userId: user.id, body: request.body.body, replyTo });
    await mirrorClaim(app, owner.documentId, id);
    return reply.code(201).send({ comment: { id: row.id, user: { id: user.id, name: user.name }, body: row.body, replyTo: row.replyTo, at: row.at.toISOString() } });
  });
};

export default voteRoutes;
