import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { oneClaim } from '../claims/routes';
import { claimParams, claimReply } from '../claims/schemas';
import { originFor, type Config } from '../config';
import { conflict } from '../errors';
import { isUuid } from '../shared/ids';
import { documentPage, factCheckPage, notPublishedPage } from './page';
import { publish, publishedArchive, publishedCheck, publishedOfDocument, unpublish } from './repository';
import { errorResponses } from '../plugins/error-responses';

const publicParams = z.object({ id: z.string() });
const archiveParams = z.object({ id: z.string(), eid: z.string() });

/** Publishing a signed-off claim (leads), under /api. */
export const publishRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/claims/:id/publish', {
    config: { access: { role: 'lead', find: 'claim' } },
    schema: { tags: ['verification'], params: claimParams, response: { 200: claimReply, ...errorResponses(409) } },
  }, async (request) => {
    const { claim, user } = request.access;
    const outcome = await publish(app.db, { claimId: claim.id, documentId: claim.documentId, userId: user.id });
    if (outcome === 'not_signed_off') {
      throw conflict('not_signed_off', 'Only a verified or rejected claim can be published; sign it off first (POST /api/claims/:id/status).');
    }
    return { claim: await oneClaim(app, request, claim.id) };
  });

  app.delete('/claims/:id/publish', {
    config: { access: { role: 'lead', find: 'claim' } },
    schema: { tags: ['verification'], params: claimParams, response: { 200: claimReply } },
  }, async (request) => {
    const { claim, user } = request.access;
    await unpublish(app.db, { claimId: claim.id, documentId: claim.documentId, userId: user.id });
    return { claim: await oneClaim(app, request, claim.id) };
  });
};

/**
 * The public fact-check pages (docs/api.md "Published fact-checks"): HTML readable without signing
 * in, outside /api. Anything not published answers the same 404 page, whether it never existed,
 * was unpublished, or was reopened.
 */
export const publicPageRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  const sendHtml = (reply: import('fastify').FastifyReply, status: number, body: string) =>
    reply.code(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);

  app.get('/fact-checks/:id', { schema: { hide: true, params: publicParams } }, async (request, reply) => {
    const check = isUuid(request.params.id) ? await publishedCheck(app.db, request.params.id) : null;
    return check ? sendHtml(reply, 200, factCheckPage(check, originFor(config, request))) : sendHtml(reply, 404, notPublishedPage());
  });

  app.get('/fact-checks/documents/:id', { schema: { hide: true, params: publicParams } }, async (request, reply) => {
    const list = isUuid(request.params.id) ? await publishedOfDocument(app.db, request.params.id) : null;
    return list ? sendHtml(reply, 200, documentPage(list)) : sendHtml(reply, 404, notPublishedPage());
  });

  app.get('/fact-checks/:id/evidence/:eid/archive', { schema: { hide: true, params: archiveParams } }, async (request, reply) => {
    const { id, eid } = request.params;
    const archive = isUuid(id) && isUuid(eid) ? await publishedArchive(app.db, id, eid) : null;
    if (!archive) return sendHtml(reply, 404, notPublishedPage());
    const heading = `Archived copy of ${archive.finalUrl ?? archive.url}, fetched ${archive.fetchedAt?.toISOString() ?? ''}${archive.sha256 ? `, SHA-256 ${archive.sha256}` : ''}`;
    return reply.header('content-type', 'text/plain; charset=utf-8').header('cache-control', 'no-cache').send(`${heading}\n\n${archive.title ?? ''}\n\n${archive.text ?? ''}`);
  });
};
