import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { anchorFromRange, AnchorRangeError } from '../anchoring';
import type { ReanchorPlan } from '../anchoring/reanchor';
import { anchorSchema, claimParams, claimReply } from '../claims/schemas';
import { moveClaimAnchor, oneClaim, refuseIfLocked } from '../claims/routes';
import type { Config } from '../config';
import { badRequest, conflict, notFound, unprocessable } from '../errors';
import { mirrorClaim } from '../votes/mirror';
import { passageInDoubt, wordingChanged } from '../votes/wording';
import { parseOrThrow } from '../validation';
import { findDocument } from './repository';
import { extractText, readUpload, type Upload } from './routes';
import { documentParams, documentSchema, multipartVersionBody } from './schemas';
import { applyReanchoring, findVersion, listVersions, recordReanchoring, replaceText, unplannedTargets } from './versions';
import { errorResponses } from '../plugins/error-responses';

const newVersionBody = z.strictObject({ text: z.string().min(1), format: z.enum(['text', 'markdown', 'html']).default('text') });
const reviewSchema = z.object({ reason: z.string(), fromVersion: z.number().int(), old: anchorSchema, candidate: z.object({ anchor: anchorSchema, score: z.number() }).nullable() });
const versionReply = z.object({
  document: documentSchema,
  reanchored: z.array(z.object({ claimId: z.uuid(), method: z.string(), score: z.number() })),
  needsReview: z.array(z.object({ claimId: z.uuid(), review: reviewSchema, oldPassage: z.string(), candidatePassage: z.string().nullable() })),
});
const userRef = z.object({ id: z.uuid(), name: z.string() });
const versionEntry = z.object({
  version: z.number().int(),
  current: z.boolean(),
  format: documentSchema.shape.format,
  contentHash: z.string(),
  uploadedBy: userRef.nullable().describe('who uploaded this version (version 1: who imported the document); null once their account is gone'),
  uploadedAt: z.string().describe('ISO 8601 time'),
});
// The number is checked after the access declaration, so a stranger learns nothing but 404 from any path.
const versionParams = documentParams.extend({ version: z.string().describe('a version number: 1, 2, …') });
const CONTEXT = 80;
/** Rounds of re-anchoring before a new version is stored; what is still unplanned after them (claims made in the last moment) is planned in place. */
const MAX_REANCHOR_ROUNDS = 3;

/** A new text for an existing document (claims re-anchored, doubtful ones flagged), and settling a flagged claim's anchor. */
const versionRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post('/documents/:id/versions', {
    config: { access: { role: 'annotator', find: 'document' } },
    schema: {
      tags: ['documents'],
      description: 'JSON `{text, format?}` or a multipart `file`, as for an import. Claims are re-anchored; those below the threshold are flagged for review.',
      params: documentParams,
      requestBodies: { 'application/json': newVersionBody, 'multipart/form-data': multipartVersionBody },
      response: { 200: versionReply, ...errorResponses(409, 422) },
    },
  }, async (request) => {
    const { document: doc, user } = request.access;
    let upload: Upload;
    if (request.isMultipart()) upload = await readUpload(request, config.maxUploadBytes, app.jobs);
    else {
      const body = parseOrThrow(newVersionBody, request.body);
      upload = { text: (await extractText(request, app.jobs, { format: body.format, raw: body.text })).text, format: body.format };
    }
    if (!upload.text) throw unprocessable('empty_document', 'The new version has no text once its markup is removed.');
    if (upload.text === doc.text) throw conflict('unchanged', 'The new version is the same text as the current one.');
    const room = await app.rooms.acquire(doc.id);
    try {
      // Every claim is re-anchored in a worker thread before anything is stored, so a re-anchoring
      // stopped at the time limit leaves the document as it was. Claims made (or moved) while a
      // round ran are planned in the next one.
      let plans: ReanchorPlan[] = [];
      for (let round = 0; round < MAX_REANCHOR_ROUNDS; round++) {
        const targets = unplannedTargets(room, plans);
        if (targets.length === 0) break;
        const fresh = await app.jobs.run('reanchor', { text: upload.text, targets });
        const replanned = new Set(fresh.map((p) => p.claimId));
        plans = [...plans.filter((p) => !replanned.has(p.claimId)), ...fresh];
      }
      if (!(await replaceText(app.db, doc, upload, user.id))) throw conflict('version_conflict', 'Someone else uploaded a new version at the same time; reload and try again.');
      const { seq, outcomes } = applyReanchoring(room, upload.text, plans, doc.version, { id: user.id, name: user.name });
      await room.durable(seq);
      await recordReanchoring(app.db, doc.id, user.id, outcomes, doc.version + 1);
      // A verdict belongs to its words: a claim moved onto other words starts a new voting round,
      // and a signed-off one goes back to review.
      // A signed-off claim whose passage the new text cannot place confidently no longer stands as signed off.
      for (const o of outcomes) {
        const change = { claimId: o.claimId, documentId: doc.id, from: o.fromExact, to: o.toExact, reason: `text changed in v${doc.version + 1}`, userId: user.id };
        const doubt = { claimId: o.claimId, documentId: doc.id, reason: `the passage needs review in v${doc.version + 1}`, userId: user.id };
        const changed = o.status === 'needs_review' ? await passageInDoubt(app.db, doubt) : await wordingChanged(app.db, change);
        if (changed) await mirrorClaim(app, doc.id, o.claimId);
      }
      const updated = (await findDocument(app.db, doc.id))!;
      const { createdBy: _c, createdAt, ...rest } = updated;
      const passage = (text: string, a: { start: number; end: number }) => text.slice(Math.max(0, a.start - CONTEXT), Math.min(text.length, a.end + CONTEXT));
      return {
        document: { ...rest, createdAt: createdAt.toISOString() },
        reanchored: outcomes.filter((o) => o.status === 'anchored').map((o) => ({ claimId: o.claimId, method: o.method!, score: o.score! })),
        needsReview: outcomes
          .filter((o) => o.status === 'needs_review')
          .map((o) => ({
            claimId: o.claimId,
            review: o.review!,
            oldPassage: passage(doc.text, o.review!.old),
            candidatePassage: o.review!.candidate ? passage(upload.text, o.review!.candidate.anchor) : null,
          })),
      };
    } finally {
      app.rooms.release(room);
    }
  });

  app.get('/documents/:id/versions', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['documents'], description: 'Every version of the text, oldest first, the current one last: who uploaded it and when.', params: documentParams, response: { 200: z.object({ versions: z.array(versionEntry) }) } },
  }, async (request) => ({ versions: await listVersions(app.db, request.access.document) }));

  app.get('/documents/:id/versions/:version', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['documents'], description: 'The text of one version (an earlier one, or the current one).', params: versionParams, response: { 200: z.object({ version: versionEntry.extend({ text: z.string() }) }) } },
  }, async (request) => {
    const doc = request.access.document;
    const number = /^[1-9]\d{0,8}$/.test(request.params.version) ? Number(request.params.version) : null;
    if (number === null) throw badRequest('validation_error', 'Invalid request: params.version must be a version number (1, 2, …).');
    const version = await findVersion(app.db, doc, number);
    if (!version) throw notFound('version_not_found', `This document has no version ${number}; it is at version ${doc.version}.`);
    return { version };
  });

  app.post('/claims/:id/anchor', {
    config: { access: { role: 'annotator', find: 'claim' } },
    schema: {
      tags: ['claims'],
      description: 'Settles a claim flagged for review: its new passage in the current text (e.g. the candidate). Clears the review flag.',
      params: claimParams,
      body: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) }),
      response: { 200: claimReply, ...errorResponses(409, 422) },
    },
  }, async (request) => {
    const { id } = request.params;
    const { claim: owner, user } = request.access;
    // A signed-off claim is 409 claim_locked until a lead reopens it.
    refuseIfLocked(owner);
    const doc = (await findDocument(app.db, owner.documentId))!;
    let anchor;
    try {
      // The passage is in the current text, so the anchor is on the current version.
      anchor = { ...anchorFromRange(doc.text, request.body.start, request.body.end), version: doc.version };
    } catch (err) {
      if (err instanceof AnchorRangeError) throw unprocessable('anchor_not_found', 'That range is not a passage of the current text.');
      throw err;
    }
    await moveClaimAnchor(app, user, owner, id, doc.text, anchor);
    return { claim: await oneClaim(app, request, id) };
  });
};

export default versionRoutes;
