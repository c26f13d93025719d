import { eq } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { workspaces } from '../../db/schema';
import { documentParams } from '../documents/schemas';
import { CLAIM_STATUSES, VERDICTS } from '../shared/claim-doc';
import { workspaceParams } from '../workspaces/schemas';
import { dashboard } from './repository';

const claimRef = z.object({ id: z.uuid(), documentId: z.uuid(), documentTitle: z.string(), exact: z.string(), status: z.enum(CLAIM_STATUSES), votes: z.number().int() });
const dashboardReply = z.object({
  claims: z.number().int(),
  byStatus: z.record(z.enum(CLAIM_STATUSES), z.number().int()),
  verdicts: z.record(z.enum([...VERDICTS, 'none']), z.number().int()),
  agreement: z.object({
    alpha: z.number().nullable(),
    pairable: z.number().int(),
    units: z.number().int(),
    enough: z.boolean(),
    minimum: z.object({ units: z.number().int(), pairable: z.number().int() }),
  }),
  quorum: z.number().int(),
  waitingForVotes: z.array(claimRef),
  waitingForSignOff: z.array(claimRef),
});

/** Per workspace and per document: claims by status, verdicts, agreement (Krippendorff's alpha) and the to-do lists. */
const dashboardRoutes: FastifyPluginAsyncZod = async (app) => {
  const votingOf = async (workspaceId: string) =>
    (await app.db.select({ quorum: workspaces.quorum, revealRule: workspaces.revealRule }).from(workspaces).where(eq(workspaces.id, workspaceId)))[0] ?? {
      quorum: 3,
      revealRule: 'quorum' as const,
    };

  app.get('/workspaces/:wid/dashboard', {
    config: { access: { role: 'viewer', find: 'workspace' } },
    schema: { tags: ['verification'], params: workspaceParams, response: { 200: dashboardReply } },
  }, async (request) => {
    const { wid } = request.params;
    return dashboard(app.db, { workspaceId: wid }, await votingOf(wid));
  });

  app.get('/documents/:id/dashboard', {
    config: { access: { role: 'viewer', find: 'document' } },
    schema: { tags: ['verification'], params: documentParams, response: { 200: dashboardReply } },
  }, async (request) => {
    const doc = request.access.document;
    return dashboard(app.db, { workspaceId: doc.workspaceId, documentId: doc.id }, await votingOf(doc.workspaceId));
  });
};

export default dashboardRoutes;
