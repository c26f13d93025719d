import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** Paths the web app never answers: they belong to the API, the collaboration server, the docs and the public fact-check pages. */
const NOT_WEB = /^\/(api|collab|docs|fact-checks)(\/|$|\?)/;

/**
 * Serves the built SvelteKit app (a single-page app) from the same process: its files as they
 * are, and its fallback page for every other GET so client-side routes load on refresh.
 */
export default fp(
  async function web(app: FastifyInstance, opts: { webDir: string }) {
    const fallback = join(opts.webDir, '200.html');
    if (!existsSync(fallback)) {
      app.log.warn(`web app not built (${fallback} missing): run "npm run build"; serving the API only`);
      return;
    }
    await app.register(fastifyStatic, {
      root: opts.webDir,
      wildcard: false,
      index: false,
      setHeaders(res, path) {
        // Kit's hashed build assets never change under the same name.
        if (path.includes('/_app/immutable/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
    app.get('/*', { schema: { hide: true } }, (request, reply) => {
      if (NOT_WEB.test(request.url)) return reply.callNotFound();
      return reply.header('cache-control', 'no-cache').sendFile('200.html');
    });
  },
  { name: 'web' },
);
