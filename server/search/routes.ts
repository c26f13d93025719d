import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { storableString } from '../validation';
import { createSelectSchema } from 'drizzle-zod';
import { claimStatus } from '../../db/schema';
import { listClaims } from '../claims/repository';
import { claimSchema, verdictSchema } from '../claims/schemas';
import { workspaceParams } from '../workspaces/schemas';
import { searchClaims, searchDocuments } from './repository';

/** How many matching documents a search lists beside its claims. */
const DOCUMENT_HITS = 10;

const searchQuery = z.strictObject({
  q: storableString().max(500).optional(),
  status: createSelectSchema(claimStatus).optional(),
  verdict: verdictSchema.optional(),
  minConfidence: z.coerce.number().int().min(0).max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const searchReply = z.object({
  results: z.array(z.object({ claim: claimSchema, document: z.object({ id: z.uuid(), title: z.string() }), snippet: z.string() })),
  documents: z
    .array(z.object({ document: z.object({ id: z.uuid(), title: z.string() }), snippet: z.string() }))
    .describe('Documents of the workspace whose title or text matches q (the first 240,000 characters of a text are searchable), best first; empty without q.'),
});

/** `GET /api/workspaces/:wid/search`: claims by words, status, consensus verdict and minimum confidence; documents by words. */
const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/workspaces/:wid/search', {
    config: { access: { role: 'viewer', find: 'workspace' } },
    schema: {
      tags: ['search'],
      description: 'Snippets mark matched words with « and » (plain text, never HTML).',
      params: workspaceParams,
      querystring: searchQuery,
      response: { 200: searchReply },
    },
  }, async (request) => {
    const { wid } = request.params;
    const { verdict, limit, ...options } = request.query;
    // The verdict filter needs the consensus, which only revealed claims have: fetch a wider page, then filter.
    const [hits, documentHits] = await Promise.all([
      searchClaims(app.db, wid, { ...options, limit: verdict ? limit * 5 : limit }),
      options.q ? searchDocuments(app.db, wid, options.q, Math.min(limit, DOCUMENT_HITS)) : [],
    ]);
    const claims = new Map((await listClaims(app.db, { ids: hits.map((h) => h.claimId) }, request.access.user.id)).map((c) => [c.id, c]));
    const results = hits
      .map((h) => ({ claim: claims.get(h.claimId)!, document: { id: h.documentId, title: h.documentTitle }, snippet: h.snippet }))
      .filter((r) => r.claim && (!verdict || (r.claim.revealed && r.claim.tally.consensus === verdict)))
      .slice(0, limit);
    return { results, documents: documentHits.map((d) => ({ document: { id: d.documentId, title: d.title }, snippet: d.snippet })) };
  });
};

export default searchRoutes;
