import { join } from 'node:path';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createDb, type DbHandle } from '../db';
import annotationRoutes from './annotations/routes';
import archivePlugin from './archive/plugin';
import authRoutes from './auth/routes';
import { hashSecret, logRequest, redactSecrets } from './auth/tokens';
import { tooManyRequests } from './errors';
import versionRoutes from './documents/version-routes';
import suggestionRoutes from './suggestions/routes';
import matchingRoutes from './matching/routes';
import exportRoutes from './export/routes';
import dashboardRoutes from './dashboard/routes';
import searchRoutes from './search/routes';
import voteRoutes from './votes/routes';
import claimAnchorRoutes from './claims/anchor-routes';
import claimRoutes from './claims/routes';
import type { RouteAccess } from './authorization';
import type { Config } from './config';
import documentRoutes from './documents/routes';
import healthRoutes from './health/routes';
import { publicPageRoutes, publishRoutes } from './publish/routes';
import accessPlugin from './plugins/access';
import authPlugin from './plugins/auth';
import collabPlugin from './plugins/collab';
import dbPlugin from './plugins/db';
import jobsPlugin from './plugins/jobs';
import errorsPlugin from './plugins/errors';
import errorResponsesPlugin, { openApiTransforms } from './plugins/error-responses';
import securityPlugin from './plugins/security';
import webPlugin from './plugins/web';
import inviteRoutes from './invites/routes';
import workspaceRoutes from './workspaces/routes';

export interface BuiltApp {
  app: FastifyInstance;
  /** Every route of the API and the collaboration server, as `METHOD /path`, with the access it declares (the authorization matrix checks them all). */
  routes: ReadonlyMap<string, RouteAccess>;
  database: DbHandle;
  /** Stops accepting requests, then closes the database. */
  close(): Promise<void>;
}

/**
 * Builds the whole server (API, OpenAPI docs, web app) on a freshly opened and migrated database.
 * Returns an object rather than the Fastify instance, which is thenable and would be awaited.
 */
export async function buildApp(config: Config): Promise<BuiltApp> {
  const database = await createDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir.startsWith('memory://') ? config.dataDir : join(config.dataDir, 'pglite'),
    statementTimeoutMs: config.statementTimeoutMs,
  });
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(config.logStream ? { stream: config.logStream } : {}),
      // No secret reaches the log: a /collab upgrade's URL carries ?token=, and any line that
      // mentions a token, a Bearer header or a cookie is scrubbed before it is written.
      serializers: { req: logRequest },
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'headers.authorization', 'headers.cookie', 'res.headers["set-cookie"]'], censor: '[redacted]' },
      hooks: { streamWrite: redactSecrets },
    },
    bodyLimit: config.bodyLimit,
    trustProxy: false,
    // Slow clients (slowloris) are cut off: headers must arrive within headersTimeoutMs and the whole
    // request within requestTimeoutMs (408); an idle connection is closed after connectionTimeoutMs.
    connectionTimeout: config.connectionTimeoutMs,
    requestTimeout: config.requestTimeoutMs,
    http: {
      headersTimeout: Math.min(config.headersTimeoutMs, config.requestTimeoutMs),
      requestTimeout: config.requestTimeoutMs,
      // How often Node looks for connections past those deadlines (its default is 30 s).
      connectionsCheckingInterval: Math.max(100, Math.min(5000, Math.floor(config.headersTimeoutMs / 2))),
    },
  });
  try {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);

    // External plugins.
    await app.register(securityPlugin, { config });
    // Every /api and /collab request counts against three budgets per minute: its client address's,
    // its signed-in user's (whichever tokens or session cookie they use, so minting another token or
    // switching to the cookie does not reset it) and its API token's. Login and signup keep their own,
    // stricter limit per address (config.rateLimit on those routes).
    await app.register(rateLimit, { global: false, hook: 'preHandler', timeWindow: '1 minute' });
    const budgets = [
      { what: 'address', max: config.addressRateLimit, key: (r: FastifyRequest) => `address:${r.ip}` },
      { what: 'user', max: config.userRateLimit, key: (r: FastifyRequest) => (r.user ? `user:${r.user.id}` : null) },
      { what: 'API token', max: config.tokenRateLimit, key: (r: FastifyRequest) => (r.authMethod === 'token' ? `token:${hashSecret(r.headers.authorization ?? '')}` : null) },
    ].map((b) => ({
      ...b,
      check: app.createRateLimit({ max: b.max, timeWindow: '1 minute', keyGenerator: (r) => b.key(r) ?? '', allowList: (r) => b.key(r) === null }),
    }));
    app.addHook('preHandler', async (request, reply) => {
      if (!/^\/(api|collab)\//.test(request.url)) return;
      for (const budget of budgets) {
        const result = await budget.check(request);
        if (result.isAllowed || !result.isExceeded) continue;
        reply.header('retry-after', String(result.ttlInSeconds));
        throw tooManyRequests(`Too many requests for this ${budget.what} (${budget.max} a minute); wait ${result.ttlInSeconds} s and try again.`);
      }
    });
    await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1 } });
    await app.register(swagger, {
      openapi: {
        // 3.1: its schemas are JSON Schema 2020-12, where a nullable enum (`tally.consensus`) admits null.
        openapi: '3.1.0',
        info: { title: 'Corroborate API', version: '0.1.0', description: 'See docs/api.md for the contract.' },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer' },
            cookie: { type: 'apiKey', in: 'cookie', name: 'corroborate_session' },
          },
        },
        security: [{ bearer: [] }, { cookie: [] }],
      },
      ...openApiTransforms(),
    });
    // Swagger UI sets its own policy (with its scripts' hashes) on its pages.
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

    // App plugins.
    await app.register(errorsPlugin);
    await app.register(dbPlugin, { db: database.db, kind: database.kind });
    await app.register(authPlugin, { config });
    // Before any route is added: it enforces and lists every route's access declaration.
    await app.register(accessPlugin);
    // Before any route too: adds to each /api route the error statuses its declaration implies.
    await app.register(errorResponsesPlugin);
    await app.register(collabPlugin, { config });
    await app.register(jobsPlugin, { config: config.jobs });
    await app.register(archivePlugin, { config: config.archive });

    // Domain routes.
    await app.register(
      async (api) => {
        await api.register(healthRoutes, { bus: config.redisUrl ? 'redis' : 'local', unsavedAlertMs: config.collab.unsavedAlertMs });
        await api.register(authRoutes, { config });
        await api.register(workspaceRoutes);
        await api.register(inviteRoutes, { config });
        await api.register(documentRoutes, { config });
        await api.register(claimRoutes);
        await api.register(claimAnchorRoutes);
        await api.register(voteRoutes);
        await api.register(searchRoutes);
        await api.register(dashboardRoutes);
        await api.register(exportRoutes, { config });
        await api.register(suggestionRoutes);
        await api.register(matchingRoutes);
        await api.register(annotationRoutes);
        await api.register(versionRoutes, { config });
        await api.register(publishRoutes);
      },
      { prefix: '/api' },
    );
    await app.register(publicPageRoutes, { config });

    await app.register(webPlugin, { webDir: config.webDir });
    await app.ready();
  } catch (err) {
    await app.close().catch(() => {});
    await database.close();
    throw err;
  }

  return {
    app,
    routes: app.routeAccess,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
