import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as Y from 'yjs';
import { z } from 'zod';
import { anchorFromRange, AnchorRangeError } from '../anchoring';
import { anchorSchema, claimParams, claimReply } from '../claims/schemas';
import { claimOwnerFor, oneClaim, writeThroughRoom } from '../claims/routes';
import type { Config } from '../config';
import { conflict, notFound, unprocessable } from '../errors';
import { requireUser } from '../plugins/auth';
import { claimsOf } from '../shared/claim-doc';
import { parseOrThrow } from '../validation';
import { requireRole } from '../workspaces/access';
import { toCanonicalText } from './import';
import { findDocument } from './repository';
import { readUpload, type Upload } from './routes';
import { documentParams, documentSchema } from './schemas';
import { reanchorRoom, recordReanchoring, replaceText } from './versions';

const newVersionBody = z.strictObject({ text: z.string().min(1), format: z.enum(['text', 'markdown', 'html']).default('text') });
const reviewSchema = z.object({ reason: z.string(), fromVersion: z.number().int(), old: anchorSchema, candidate: z.object({ anchor: anchorSchema, score: z.number() }).nullable() });
const versionReply = z.object({
  document: documentSchema,
  reanchored: z.array(z.object({ claimId: z.uuid(), method: z.string(), score: z.number() })),
  needsReview: z.array(z.object({ claimId: z.uuid(), review: reviewSchema, oldPassage: z.string(), candidatePassage: z.string().nullable() })),
});
const CONTEXT = 80;

/** A new text for an existing document (claims re-anchored, doubtful ones flagged), and settling a flagged claim's anchor. */
const versionRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.post('/documents/:id/versions', {
    schema: {
      tags: ['documents'],
      description: 'JSON `{text, format?}` or a multipart `file`, as for an import. Claims are re-anchored; those below the threshold are flagged for review.',
      params: documentParams,
      response: { 200: versionReply },
    },
  }, async (request) => {
    const missing = { code: 'document_not_found', message: 'No such document, or it is not in one of your workspaces.' };
    const doc = await findDocument(app.db, request.params.id);
    if (!doc) throw notFound(missing.code, missing.message);
    await requireRole(app.db, request, doc.workspaceId, 'annotator', missing);
    let upload: Upload;
    if (request.isMultipart()) upload = await readUpload(request, config.maxUploadBytes);
    else {
      const body = parseOrThrow(newVersionBody, request.body);
      upload = { text: toCanonicalText(body.format, body.text), format: body.format };
    }
    if (!upload.text) throw unprocessable('empty_document', 'The new version has no text once its markup is removed.');
    if (upload.text === doc.text) throw conflict('unchanged', 'The new version is the same text as the current one.');
    const user = requireUser(request);
    const room = await app.rooms.acquire(doc.id);
    try {
      if (!(await replaceText(app.db, doc, upload, user.id))) throw conflict('version_conflict', 'Someone else uploaded a new version at the same time; reload and try again.');
      const { seq, outcomes } = reanchorRoom(room, upload.text, doc.version);
      await room.durable(seq);
      await recordReanchoring(app.db, doc.id, user.id, outcomes, doc.version + 1);
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

  app.post('/claims/:id/anchor', {
    schema: {
      tags: ['claims'],
      description: 'Settles a claim flagged for review: its new passage in the current text (e.g. the candidate). Clears the review flag.',
      params: claimParams,
      body: z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) }),
      response: { 200: claimReply },
    },
  }, async (request) => {
    const { id } = request.params;
    const owner = await claimOwnerFor(app, request, id, 'annotator');
    const doc = (await findDocument(app.db, owner.documentId))!;
    let anchor;
    try {
      anchor = anchorFromRange(doc.text, request.body.start, request.body.end);
    } catch (err) {
      if (err instanceof AnchorRangeError) throw unprocessable('anchor_not_found', 'That range is not a passage of the current text.');
      throw err;
    }
    const found = await writeThroughRoom(app, request, owner.documentId, (ydoc, room) => {
      const map = claimsOf(ydoc).get(id);
      if (!(map instanceof Y.Map)) return false;
      room.text = doc.text;
      // The anchor is immutable for clients; this REST call is the server's own, trusted write.
      map.set('anchor', anchor);
      map.set('review', null);
    });
    if (!found) throw notFound('claim_not_found', 'No such claim.');
    return { claim: await oneClaim(app, request, id) };
  });
};

export default versionRoutes;
