import { Readable } from 'node:stream';
import { createSelectSchema } from 'drizzle-zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { claimStatus } from '../../db/schema';
import { originFor, type Config } from '../config';
import { workspaceParams } from '../workspaces/schemas';
import { annotationsFormat } from './formats/annotations';
import { claimReviewFormat } from './formats/claimreview';
import { csvFormat } from './formats/csv';
import { markdownFormat } from './formats/markdown';
import type { ExportContext, ExportFormat } from './formats/types';
import { exportCounts, exportItems, workspaceName, type ExportFilter } from './repository';

const FORMATS: Record<string, () => ExportFormat> = {
  claimreview: () => claimReviewFormat,
  annotations: () => annotationsFormat,
  csv: () => csvFormat,
  markdown: markdownFormat,
};

/** About how many characters of the export go into one write to the response (a few dozen claims). */
const CHUNK_CHARS = 64 * 1024;

const filterQuery = {
  status: z.union([createSelectSchema(claimStatus), z.literal('any')]).default('verified'),
  minConfidence: z.coerce.number().int().min(0).max(100).optional(),
  documentId: z.uuid().optional(),
};

const exportQuery = z.strictObject({
  format: z.enum(['claimreview', 'annotations', 'csv', 'markdown']),
  ...filterQuery,
  /** Only the first N claims (for a preview). */
  limit: z.coerce.number().int().min(1).max(1_000_000).optional(),
});

/**
 * What the export answers, by format: the media type each format sends (formats/*.ts `contentType`),
 * with the body's outline (the formats' own tests hold its details).
 */
const exportResponse = {
  description: 'The export, as an attachment (Content-Disposition) counting its claims in X-Export-Count.',
  content: {
    'application/ld+json': {
      schema: z
        .union([
          z.array(z.looseObject({ '@context': z.unknown(), '@type': z.literal('ClaimReview') })).describe('format=claimreview: schema.org ClaimReview objects'),
          z.looseObject({ '@context': z.unknown(), id: z.string(), type: z.literal('AnnotationCollection'), total: z.number().int() }).describe('format=annotations: a W3C AnnotationCollection, its annotations in `first`'),
        ])
        .describe('format=claimreview or format=annotations'),
    },
    'text/csv': { schema: z.string().describe('format=csv: one row per claim, with a header row') },
    'text/markdown': { schema: z.string().describe('format=markdown: a report grouped by document') },
  },
};

/** Exports of a workspace's claims (API.md "Export"), streamed page by page. */
const exportRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  app.get('/workspaces/:wid/export', {
    config: { access: { role: 'viewer', find: 'workspace' } },
    schema: {
      tags: ['export'],
      params: workspaceParams,
      querystring: exportQuery,
      description: 'Streams claimreview (JSON-LD), annotations (W3C Web Annotation), csv or markdown.',
      response: { 200: exportResponse },
    },
  }, async (request, reply) => {
    const { wid } = request.params;
    const { format: name, limit, ...rest } = request.query;
    // A ClaimReview export holds reviews only, so its count and pages are of reviews too.
    const filter: ExportFilter = { workspaceId: wid, ...rest, reviewsOnly: name === 'claimreview' };
    const format = FORMATS[name]();
    const counts = await exportCounts(app.db, filter);
    const ctx: ExportContext = {
      workspaceName: await workspaceName(app.db, wid),
      origin: originFor(config, request),
      total: Math.min(counts.claims, limit ?? Infinity),
      generatedAt: new Date(),
    };
    // Items are joined into chunks of about CHUNK_CHARS: one stream write per chunk instead of per claim.
    async function* chunks() {
      let pending = format.head(ctx);
      let index = 0;
      for await (const item of exportItems(app.db, filter, undefined, limit)) {
        pending += format.item(item, index++, ctx);
        if (pending.length >= CHUNK_CHARS) {
          yield pending;
          pending = '';
        }
      }
      yield pending + format.tail(ctx);
    }
    const filename = `corroborate-${ctx.workspaceName.replace(/[^\w-]+/g, '-').toLowerCase()}-${ctx.generatedAt.toISOString().slice(0, 10)}.${format.extension}`;
    return reply
      .type(format.contentType)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('x-export-count', String(ctx.total))
      // A stream of the declared body, written format by format (Fastify sends a stream as it is).
      .send(Readable.from(chunks()) as never);
  });

  app.get('/workspaces/:wid/export/summary', {
    config: { access: { role: 'viewer', find: 'workspace' } },
    schema: {
      tags: ['export'],
      params: workspaceParams,
      querystring: z.strictObject({ ...filterQuery, format: exportQuery.shape.format.optional() }),
      response: { 200: z.object({ claims: z.number().int(), documents: z.number().int() }) },
    },
  }, async (request) => {
    const { format, ...filters } = request.query;
    return exportCounts(app.db, { workspaceId: request.params.wid, ...filters, reviewsOnly: format === 'claimreview' });
  });
};

export default exportRoutes;
