import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { BusyError, JobPool } from '../jobs/pool';

declare module 'fastify' {
  interface FastifyInstance {
    /** The bounded worker pool for CPU-heavy work (imports, suggestions, anchoring). */
    jobs: JobPool;
  }
}

/**
 * Requests a reader's document page makes as it opens (web/src/routes/documents/[id]/+page.ts):
 * answered, they start and warm the job threads (`JobPool.prepare`), which start on first use, so
 * the suggestions the page asks for next do not wait for a cold thread.
 */
const READER_OPENS = new Set(['GET /api/documents/:id', 'GET /api/documents/:id/claim-anchors']);

/**
 * The job pool: with `warmUp` (production) its threads start and warm in the background once the
 * server is ready, so the first suggestions after boot do not wait seconds for the scorer (issue 16);
 * after `idleMs` idle they stop and start again on first use. Closed with the app, and the `Retry-After`
 * header on a 503 `busy` (every worker thread working and the queue full), whichever route answered it.
 */
export default fp(
  async function jobs(app: FastifyInstance, opts: { config: Config['jobs'] }) {
    const pool = new JobPool(opts.config);
    app.decorate('jobs', pool);
    app.addHook('onError', async (_request, reply, error) => {
      if (error instanceof BusyError) reply.header('retry-after', String(error.retryAfterSeconds));
    });
    app.addHook('onResponse', async (request, reply) => {
      if (reply.statusCode === 200 && READER_OPENS.has(`${request.method} ${request.routeOptions.url}`)) pool.prepare();
    });
    if (opts.config.warmUp) app.addHook('onReady', async () => pool.prepare());
    app.addHook('onClose', async () => pool.close());
  },
  { name: 'jobs' },
);
