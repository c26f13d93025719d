/**
 * The job pool of a server: started by the document routes (which hold the configuration) and
 * found by every route that runs heavy work. It is kept per HTTP server, the one object all of an
 * app's encapsulated plugin contexts share, because app.ts passes the configuration to only some
 * route plugins.
 */
import type { Server } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import { BusyError, JobPool } from './pool';

export { BusyError, JobFailedError, JobPool, type JobName } from './pool';

const pools = new WeakMap<Server, JobPool>();

/** Starts the app's job pool (closed with the app). Call once, from a plugin that has the configuration. */
export function provideJobs(app: FastifyInstance, config: Config['jobs']): JobPool {
  const pool = new JobPool(config);
  pools.set(app.server, pool);
  app.addHook('onClose', async () => {
    pools.delete(app.server);
    await pool.close();
  });
  return pool;
}

/**
 * For a route plugin that runs jobs: a getter for the app's pool (looked up at request time, once
 * every plugin is registered), and, on this plugin's routes, the `Retry-After` header on a 503 `busy`.
 */
export function useJobs(app: FastifyInstance): () => JobPool {
  app.addHook('onError', async (_request, reply, error) => {
    if (error instanceof BusyError) reply.header('retry-after', String(error.retryAfterSeconds));
  });
  return () => {
    const pool = pools.get(app.server);
    if (!pool) throw new Error('the job pool is not started (documents/routes.ts starts it)');
    return pool;
  };
}

/** The app's job pool, if started: for its `stats` (tests, diagnostics). */
export const poolOf = (app: FastifyInstance): JobPool | undefined => pools.get(app.server);
