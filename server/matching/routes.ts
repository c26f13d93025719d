import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db';
import { claimParams } from '../claims/schemas';
import { documentParams } from '../documents/schemas';
import { notFound, unprocessable } from '../errors';
import { notFoundError } from '../plugins/access';
import { errorResponses, noContent } from '../plugins/error-responses';
import { matchedClaims, type MatchedClaim } from './candidates';
import { matchCountsOfDocument, matchesForClaim, matchesForText } from './matches';
import { recordDecision, undoDecision } from './repository';
import { judgeMatch } from './rule';
import { decideBody, documentMatchesReply, matchesReply, matchParams, matchReply, MAX_SPAN_LENGTH, MAX_SPANS, spanMatchesReply, spansQuery } from './schemas';

/** A claim of the workspace (not deleted) as a match names it, or null. */
async function claimIn(db: Db, workspaceId: string, id: string): Promise<MatchedClaim | null> {
  return (await matchedClaims(db, workspaceId, [id.toLowerCase()])).get(id.toLowerCase()) ?? null;
}

/**
 * Claim matching (docs/claim-matching.md): claims of other documents of the same workspace
 * that are likely the same claim, and people's decisions on them. Viewers see matches; fact-checkers
 * and up (who judge what a claim says) confirm, reject and undo. Only ever within one workspace.
 */
const matchingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/claims/:id/matches', {
    config: { access: { role: 'viewer', find: 'claim' } },
    schema: { tags: ['claims'], params: claimParams, response: { 200: matchesReply } },
  }, async (request) => {
    const { claim: owner } = request.access;
    const claim = await claimIn(app.db, owner.workspaceId, owner.id);
    if (!claim) throw notFoundError('claim');
    return { matches: await matchesForClaim(app.db, { id: claim.id, documentId: claim.documentId, workspaceId: owner.workspaceId, exact: claim.exact }) };
  });

  app.post('/claims/:id/matches', {
    config: { access: { role: 'factchecker', find: 'claim' } },
    schema: { tags: ['claims'], params: claimParams, body: decideBody, response: { 200: matchReply, ...errorResponses(422) } },
  }, async (request) => {
    const { claim: owner, user } = request.access;
    const { otherClaimId, decision } = request.body;
    const claim = await claimIn(app.db, owner.workspaceId, owner.id);
    if (!claim) throw notFoundError('claim');
    if (otherClaimId.toLowerCase() === claim.id) throw unprocessable('same_claim', 'A claim cannot be matched with itself.');
    // Another workspace's claim is "not found", like one that does not exist: its id never leaks.
    const other = await claimIn(app.db, owner.workspaceId, otherClaimId);
    if (!other) throw notFound('claim_not_found', 'The other claim is not in this workspace (or was deleted).');
    if (other.documentId === claim.documentId) throw unprocessable('same_document', 'Both claims are in the same document; matches link claims of different documents.');
    const { score } = judgeMatch(claim.exact, other.exact);
    await recordDecision(app.db, claim, other, decision, score, user.id);
    const match = (await matchesForClaim(app.db, { ...claim, workspaceId: owner.workspaceId })).find((m) => m.claim.id === other.id)!;
    return { match };
  });

  app.delete('/claims/:id/matches/:otherClaimId', {
    config: { access: { role: 'factchecker', find: 'claim' } },
    schema: { tags: ['claims'], params: matchParams, response: { 204: noContent } },
  }, async (request, reply) => {
    const { claim: owner, user } = request.access;
    const claim = await claimIn(app.db, owner.workspaceId, owner.id);
    const other = await claimIn(app.db, owner.workspaceId, request.params.otherClaimId);
    if (!claim) throw notFoundError('claim');
    if (!other || !(await undoDecision(app.db, claim, other, user.id))) {
      throw notFound('match_not_found', 'No decision on a match between these two claims to undo.');
    }
    return reply.code(204).send(null);
  });

  // The claim list's markers: which claims of the document have a likely or a confirmed match.
  app.get('/documents/:id/claim-matches', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, response: { 200: documentMatchesReply } },
  }, async (request) => {
    const { document } = request.access;
    return matchCountsOfDocument(app.db, { workspaceId: document.workspaceId, documentId: document.id });
  });

  app.get('/documents/:id/suggestion-matches', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, querystring: spansQuery, response: { 200: spanMatchesReply, ...errorResponses(422) } },
  }, async (request) => {
    const { document } = request.access;
    const spans = request.query.spans.split(',').map((s) => s.split('-').map(Number) as [number, number]);
    if (spans.length > MAX_SPANS) throw unprocessable('too_many_passages', `At most ${MAX_SPANS} passages at a time; ask again for the rest.`);
    const bad = spans.find(([start, end]) => !(start < end && end <= document.text.length && end - start <= MAX_SPAN_LENGTH));
    if (bad) {
      throw unprocessable('passage_out_of_range', `The passage ${bad[0]}–${bad[1]} is not a passage of at most ${MAX_SPAN_LENGTH} characters of the document (its length is ${document.text.length}).`);
    }
    const passages = [];
    for (const [start, end] of spans) {
      const text = document.text.slice(start, end);
      passages.push({ start, end, matches: await matchesForText(app.db, { workspaceId: document.workspaceId, documentId: document.id, text }) });
    }
    return { passages };
  });
};

export default matchingRoutes;
