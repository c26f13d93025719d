import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';
import { Archiver } from './archiver';
import archiveRoutes from './routes';

declare module 'fastify' {
  interface FastifyInstance {
    /** Archives link evidence in the background (server/archive); `nudge()` after a REST write adds some. */
    archiver: Archiver;
  }
}

/**
 * The evidence archiver: started once the app is ready, stopped (running fetches abandoned,
 * their rows retaken later) when it closes; and its two routes under /api.
 */
export default fp(
  async function archive(app: FastifyInstance, opts: { config: Config['archive'] }) {
    const archiver = new Archiver(app.db, app.jobs, opts.config, app.log);
    app.decorate('archiver', archiver);
    await app.register(archiveRoutes, { prefix: '/api', archiver });
    app.addHook('onReady', async () => archiver.start());
    app.addHook('onClose', async () => archiver.close());
  },
  { name: 'archive', dependencies: ['db', 'jobs'] },
);
