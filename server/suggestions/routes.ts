import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listClaims } from '../claims/repository';
import { documentParams } from '../documents/schemas';
import { conflict, notFound, unprocessable } from '../errors';
import { errorResponses, noContent } from '../plugins/error-responses';
import { storableString } from '../validation';
import type { Suggestions } from '.';
import { dismiss, dismissalKey, listDismissals, MAX_DISMISSALS_PER_DOCUMENT, undismiss } from './dismissals';
import { announceDismissals } from './live';

const span = { start: z.number().int(), end: z.number().int() };
const citation = z.object({ marker: z.object({ ...span, label: z.string() }), footnote: z.object({ ...span, text: z.string() }) });
const claimSuggestion = { ...span, exact: z.string(), score: z.number(), reasons: z.array(z.string()) };
const dismissal = z.object({
  key: z.string().describe('the SHA-256 of the sentence (UTF-8, hex)'),
  exact: z.string(),
  dismissedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  dismissedAt: z.string(),
});
const suggestionsReply = z.object({
  claims: z.array(z.object(claimSuggestion)),
  citations: z.array(citation),
  evidence: z.array(z.object({ claimId: z.uuid(), citation })),
  dismissed: z
    .array(z.object({ ...claimSuggestion, dismissal }))
    .describe('sentences the scorer suggests that someone dismissed in this document, left out of `claims`'),
});
const dismissBody = z.object({ exact: storableString().min(1).max(10_000) });
const dismissalParams = documentParams.extend({
  key: z.string().regex(/^[0-9a-f]{64}$/, { error: 'must be a dismissal key (64 lower-case hex digits)' }),
});
const dismissalReply = z.object({ dismissal });

/**
 * `GET /api/documents/:id/suggestions`: check-worthy sentences not yet claimed nor dismissed,
 * footnote markers linked to their footnotes, and, for existing claims, the footnotes their
 * sentences cite. `…/suggestions/dismissals`: the sentences dismissed in this document, for
 * everyone, dismissing and restoring one (every open reader is told at once: live.ts).
 */
const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents/:id/suggestions', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, response: { 200: suggestionsReply, ...errorResponses(422) } },
  }, async (request) => {
    const { document: doc, user } = request.access;
    const existing = await listClaims(app.db, { documentId: doc.id }, user.id);
    // Sentence analysis takes seconds on a long document: it runs in a worker thread (server/jobs).
    const [found, dismissals] = await Promise.all([
      app.jobs.run('suggest', {
        text: doc.text,
        existing: existing.map((c) => ({ id: c.id, start: c.anchor.start, end: c.anchor.end, excerpts: c.evidence.map((e) => e.excerpt) })),
      }),
      listDismissals(app.db, doc.id),
    ]);
    const byKey = new Map(dismissals.map((d) => [d.key, d]));
    const claims: Suggestions['claims'] = [];
    const dismissed: Array<Suggestions['claims'][number] & { dismissal: (typeof dismissals)[number] }> = [];
    for (const suggestion of found.claims) {
      const d = byKey.get(dismissalKey(suggestion.exact));
      if (d) dismissed.push({ ...suggestion, dismissal: d });
      else claims.push(suggestion);
    }
    return { ...found, claims, dismissed };
  });

  app.get('/documents/:id/suggestions/dismissals', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, response: { 200: z.object({ dismissals: z.array(dismissal) }) } },
  }, async (request) => ({ dismissals: await listDismissals(app.db, request.access.document.id) }));

  app.post('/documents/:id/suggestions/dismissals', {
    config: { access: { role: 'annotator', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, body: dismissBody, response: { 200: dismissalReply, 201: dismissalReply, ...errorResponses(409, 422) } },
  }, async (request, reply) => {
    const { document: doc, user } = request.access;
    const { exact } = request.body;
    if (!doc.text.includes(exact)) throw unprocessable('not_in_text', 'Only a sentence of the document’s current text can be dismissed; this one is not in it.');
    const result = await dismiss(app.db, doc.id, exact, user.id);
    if (!result) throw conflict('too_many_dismissals', `A document keeps at most ${MAX_DISMISSALS_PER_DOCUMENT} dismissed suggestions; restore some first.`);
    if (result.created) await announceDismissals(app, doc.id);
    return reply.code(result.created ? 201 : 200).send({ dismissal: result.dismissal });
  });

  app.delete('/documents/:id/suggestions/dismissals/:key', {
    config: { access: { role: 'annotator', find: 'document' } },
    schema: { tags: ['claims'], params: dismissalParams, response: { 204: noContent } },
  }, async (request, reply) => {
    if (!(await undismiss(app.db, request.access.document.id, request.params.key))) {
      throw notFound('dismissal_not_found', 'This suggestion is not dismissed in this document (it may have been restored already).');
    }
    await announceDismissals(app, request.access.document.id);
    return reply.code(204).send(null);
  });
};

export default suggestionRoutes;
