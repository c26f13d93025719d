import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';

const healthReply = z.object({ ok: z.boolean(), db: z.enum(['postgres', 'pglite']), bus: z.enum(['redis', 'local']) });

/** `GET /api/health`: answers 503 with `ok: false` when the database does not answer. */
const healthRoutes: FastifyPluginAsyncZod<{ bus: 'redis' | 'local' }> = async (app, { bus }) => {
  app.get('/health', { schema: { tags: ['health'], response: { 200: healthReply, 503: healthReply } } }, async (_request, reply) => {
    try {
      await app.db.execute(sql`select 1`);
      return { ok: true, db: app.dbKind, bus };
    } catch (err) {
      app.log.warn({ err }, 'health check: database unreachable');
      return reply.code(503).send({ ok: false, db: app.dbKind, bus });
    }
  });
};

export default healthRoutes;
