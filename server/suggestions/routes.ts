import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listClaims } from '../claims/repository';
import { documentParams } from '../documents/schemas';
import { errorResponses } from '../plugins/error-responses';

const span = { start: z.number().int(), end: z.number().int() };
const citation = z.object({ marker: z.object({ ...span, label: z.string() }), footnote: z.object({ ...span, text: z.string() }) });
const suggestionsReply = z.object({
  claims: z.array(z.object({ ...span, exact: z.string(), score: z.number(), reasons: z.array(z.string()) })),
  citations: z.array(citation),
  evidence: z.array(z.object({ claimId: z.uuid(), citation })),
});

/**
 * `GET /api/documents/:id/suggestions`: check-worthy sentences not yet claimed, footnote markers
 * linked to their footnotes, and, for existing claims, the footnotes their sentences cite.
 */
const suggestionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/documents/:id/suggestions', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['claims'], params: documentParams, response: { 200: suggestionsReply, ...errorResponses(422) } },
  }, async (request) => {
    const { document: doc, user } = request.access;
    const existing = await listClaims(app.db, { documentId: doc.id }, user.id);
    // Sentence analysis takes seconds on a long document: it runs in a worker thread (server/jobs).
    return app.jobs.run('suggest', {
      text: doc.text,
      existing: existing.map((c) => ({ id: c.id, start: c.anchor.start, end: c.anchor.end, excerpts: c.evidence.map((e) => e.excerpt) })),
    });
  });
};

export default suggestionRoutes;
