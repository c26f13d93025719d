import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { countQuarantined } from '../collab/repository';

const healthReply = z.object({
  ok: z.boolean(),
  db: z.enum(['postgres', 'pglite']),
  bus: z.enum(['redis', 'local']),
  saves: z.object({
    /** Seconds changes have waited because commits fail (0 while saving works). */
    unsavedSeconds: z.number(),
    /** Batches the database refused, kept aside (all processes). */
    quarantined: z.number().int().nullable(),
  }),
});

/**
 * `GET /api/health`: 503 with `ok: false` when the database does not answer, or when changes
 * have waited longer than COLLAB_UNSAVED_ALERT_MS because commits fail; `saves.quarantined`
 * counts the batches the database refused.
 */
const healthRoutes: FastifyPluginAsyncZod<{ bus: 'redis' | 'local'; unsavedAlertMs: number }> = async (app, { bus, unsavedAlertMs }) => {
  app.get('/health', {
    config: { access: { role: 'public' } },
    schema: { tags: ['health'], response: { 200: healthReply, 503: healthReply } },
  }, async (_request, reply) => {
    const unsavedMs = app.rooms.writer.unsavedForMs;
    const saves = { unsavedSeconds: Math.round(unsavedMs / 100) / 10, quarantined: null as number | null };
    try {
      await app.db.execute(sql`select 1`);
      saves.quarantined = await countQuarantined(app.db);
    } catch (err) {
      app.log.warn({ err }, 'health check: database unreachable');
      return reply.code(503).send({ ok: false, db: app.dbKind, bus, saves });
    }
    const ok = unsavedMs <= unsavedAlertMs;
    return reply.code(ok ? 200 : 503).send({ ok, db: app.dbKind, bus, saves });
  });
};

export default healthRoutes;
