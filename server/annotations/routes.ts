import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as Y from 'yjs';
import { z } from 'zod';
import { initServerFields } from '../collab/authoritative';
import { writeToLiveDocument } from '../collab/live-write';
import { documentParams } from '../documents/schemas';
import { badRequest } from '../errors';
import { claimsOf, newClaim, newEvidence, type Anchor } from '../shared/claim-doc';
import { annotationsOf, parseAnnotation } from './parse';

const importReply = z.object({
  created: z.array(z.object({ id: z.uuid(), anchor: z.object({ start: z.number(), end: z.number(), exact: z.string(), prefix: z.string(), suffix: z.string() }), method: z.string() })),
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })),
});

/**
 * `POST /api/documents/:id/annotations`: imports W3C Web Annotations (a Corroborate export or any
 * AnnotationCollection) or a Hypothesis JSON export as claims of this document. Each is anchored
 * with the anchoring module (position, then quote, then fuzzy quote); what does not anchor
 * confidently is reported as skipped, never placed somewhere else.
 */
const annotationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/documents/:id/annotations', {
    bodyLimit: 20 * 1024 * 1024,
    config: { access: { role: 'annotator', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, body: z.unknown(), response: { 201: importReply } },
  }, async (request, reply) => {
    const { document: doc, user } = request.access;
    const items = annotationsOf(request.body);
    if (items.length === 0) throw badRequest('no_annotations', 'Send a W3C AnnotationCollection, an array of annotations, or a Hypothesis export.');
    if (items.length > 10_000) throw badRequest('too_many_annotations', 'Import at most 10,000 annotations at a time.');

    const created: Array<{ id: string; anchor: Anchor; method: string; parsed: NonNullable<ReturnType<typeof parseAnnotation>> }> = [];
    const skipped: Array<{ index: number; reason: string }> = [];
    const toAnchor: Array<{ index: number; parsed: NonNullable<ReturnType<typeof parseAnnotation>> }> = [];
    items.forEach((item, index) => {
      const parsed = parseAnnotation(item);
      if (!parsed) skipped.push({ index, reason: 'no_text_selector' });
      else toAnchor.push({ index, parsed });
    });
    // Each quote may need a fuzzy pass over the whole text: the anchoring runs in a worker thread (server/jobs).
    const results = toAnchor.length
      ? await app.jobs.run('anchorQuotes', {
          text: doc.text,
          targets: toAnchor.map(({ parsed }) => ({ exact: parsed.target.exact ?? doc.text.slice(parsed.target.start ?? 0, parsed.target.end ?? 0), ...parsed.target })),
        })
      : [];
    results.forEach((found, i) => {
      const { index, parsed } = toAnchor[i];
      if (found.status !== 'anchored') skipped.push({ index, reason: found.reason });
      else created.push({ id: randomUUID(), anchor: found.anchor, method: found.method, parsed });
    });
    skipped.sort((a, b) => a.index - b.index);
    if (created.length) {
      await writeToLiveDocument(app.rooms, user, doc.id, (ydoc) => {
        for (const c of created) {
          const map = newClaim({ id: c.id, anchor: c.anchor, confidence: c.parsed.confidence, note: c.parsed.note, tags: c.parsed.tags });
          initServerFields(map, user);
          // A Y.Map's nested types can be read only once it is in the document.
          claimsOf(ydoc).set(c.id, map);
          const list = map.get('evidence') as Y.Array<Y.Map<unknown>>;
          list.push(
            c.parsed.evidence.map((e) =>
              newEvidence({ id: randomUUID(), ...e, documentId: null, anchor: null, addedBy: { id: user.id, name: user.name }, addedAt: new Date().toISOString() }),
            ),
          );
        }
      });
    }
    return reply.code(201).send({ created: created.map(({ id, anchor, method }) => ({ id, anchor, method })), skipped });
  });
};

export default annotationRoutes;
