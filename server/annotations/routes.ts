import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as Y from 'yjs';
import { z } from 'zod';
import { initServerFields } from '../collab/authoritative';
import { writeToLiveDocument } from '../collab/live-write';
import { documentParams } from '../documents/schemas';
import { badRequest } from '../errors';
import { claimsOf, newClaim, newEvidence, type Anchor } from '../shared/claim-doc';
import { keepAssessment, type NotKept } from './assessment';
import { annotationsOf, itemProblem, parseAnnotation, type ImportedAnnotation } from './parse';
import { anchorTargetIn } from './selectors';
import { errorResponses } from '../plugins/error-responses';

const importReply = z.object({
  created: z.array(z.object({ id: z.uuid(), anchor: z.object({ start: z.number(), end: z.number(), exact: z.string(), prefix: z.string(), suffix: z.string() }), method: z.string() })),
  skipped: z.array(z.object({ index: z.number().int(), reason: z.string() })),
  /** Status or verdict of an imported claim that the importer's role could not keep (the role it needs). */
  notKept: z.array(z.object({ index: z.number().int(), field: z.enum(['status', 'verdict']), reason: z.literal('insufficient_role'), role: z.string() })),
});

/** What an import reads (annotationsOf): checked by the importer itself, rule by rule, not by a schema. */
const annotationsBody = z.unknown().describe('a W3C AnnotationCollection or AnnotationPage, an array of annotations, one annotation, or a Hypothesis export (JSON)');

/**
 * `POST /api/documents/:id/annotations`: imports W3C Web Annotations (a Corroborate export or any
 * AnnotationCollection) or a Hypothesis JSON export as claims of this document. Each is anchored
 * with the anchoring module (position, then quote, then fuzzy quote); what does not anchor
 * confidently is reported as skipped, never placed somewhere else. A W3C annotation that breaks a
 * MUST rule of the model is refused (400, the rule's code). An exported claim's status and verdict
 * are kept as far as the importer's role allows (assessment.ts).
 */
const annotationRoutes: FastifyPluginAsyncZod = async (app) => {
  // Web Annotations are sent as JSON-LD too (application/ld+json), read like JSON.
  if (!app.hasContentTypeParser('application/ld+json')) app.addContentTypeParser('application/ld+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));

  app.post('/documents/:id/annotations', {
    bodyLimit: 20 * 1024 * 1024,
    config: { access: { role: 'annotator', find: 'document' } },
    schema: {
      tags: ['claims'],
      params: documentParams,
      body: z.unknown(),
      requestBodies: { 'application/json': annotationsBody, 'application/ld+json': annotationsBody },
      response: { 201: importReply, ...errorResponses(422) },
    },
  }, async (request, reply) => {
    const { document: doc, user, role } = request.access;
    const { items, pagesNotIncluded } = annotationsOf(request.body);
    if (items.length === 0 && pagesNotIncluded) return reply.code(201).send({ created: [], skipped: [{ index: 0, reason: 'pages_not_included' }], notKept: [] });
    if (items.length === 0) throw badRequest('no_annotations', 'Send a W3C AnnotationCollection, an array of annotations, or a Hypothesis export.');
    if (items.length > 10_000) throw badRequest('too_many_annotations', 'Import at most 10,000 annotations at a time.');
    items.forEach((entry, index) => {
      const problem = itemProblem(entry);
      if (problem) throw badRequest(problem.code, items.length > 1 ? `Annotation ${index + 1}: ${problem.message}` : problem.message, { index });
    });

    const created: Array<{ id: string; index: number; anchor: Anchor; method: string; parsed: ImportedAnnotation }> = [];
    const skipped: Array<{ index: number; reason: string }> = [];
    const toAnchor: Array<{ index: number; parsed: ImportedAnnotation; target: ReturnType<typeof anchorTargetIn> & { exact: string } }> = [];
    items.forEach((entry, index) => {
      const parsed = parseAnnotation(entry);
      if ('skip' in parsed) return void skipped.push({ index, reason: parsed.skip });
      const target = anchorTargetIn(doc.text, parsed.selection);
      if ('reason' in target) skipped.push({ index, reason: target.reason });
      else toAnchor.push({ index, parsed, target });
    });
    // Each quote may need a fuzzy pass over the whole text: the anchoring runs in a worker thread (server/jobs).
    const results = toAnchor.length ? await app.jobs.run('anchorQuotes', { text: doc.text, targets: toAnchor.map(({ target }) => target) }) : [];
    results.forEach((found, i) => {
      const { index, parsed } = toAnchor[i];
      if (found.status !== 'anchored') skipped.push({ index, reason: found.reason });
      else created.push({ id: randomUUID(), index, anchor: found.anchor, method: found.method, parsed });
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
    const notKept: Array<NotKept & { index: number }> = [];
    for (const c of created) {
      const { status, verdict } = c.parsed.assessment;
      if (!status && !verdict) continue;
      for (const n of await keepAssessment(app, { claimId: c.id, documentId: doc.id }, user, role, c.parsed.assessment)) notKept.push({ index: c.index, ...n });
    }
    return reply.code(201).send({ created: created.map(({ id, anchor, method }) => ({ id, anchor, method })), skipped, notKept });
  });
};

export default annotationRoutes;
