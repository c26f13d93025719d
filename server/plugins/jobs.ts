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
 * The job pool: started with the app, closed with it, and the `Retry-After` header on a 503
 * `busy` (every worker thread working and the queue full), whichever route answered it.
 */
export default fp(
  async function jobs(app: FastifyInstance, opts: { config: Config['jobs'] }) {
    const pool = new JobPool(opts.config);
    app.decorate('jobs', pool);
    app.addHook('onError', async (_request, reply, error) => {
      if (error instanceof BusyError) reply.header('retry-after', String(error.retryAfterSeconds));
    });
    app.addHook('onClose', async () => pool.close());
  },
  { name: 'jobs' },
);
