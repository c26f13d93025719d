import { join } from 'node:path';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { createDb, type DbHandle } from '../db';
import annotationRoutes from './annotations/routes';
import authRoutes from './auth/routes';
import { hashSecret } from './auth/tokens';
import versionRoutes from './documents/version-routes';
import suggestionRoutes from './suggestions/routes';
import exportRoutes from './export/routes';
import dashboardRoutes from './dashboard/routes';
import searchRoutes from './search/routes';
import voteRoutes from './votes/routes';
import claimRoutes from './claims/routes';
import type { Config } from './config';
import documentRoutes from './documents/routes';
import healthRoutes from './health/routes';
import authPlugin from './plugins/auth';
import collabPlugin from './plugins/collab';
import dbPlugin from './plugins/db';
import errorsPlugin from './plugins/errors';
import securityPlugin from './plugins/security';
import webPlugin from './plugins/web';
import workspaceRoutes from './workspaces/routes';

export interface BuiltApp {
  app: FastifyInstance;
  /** Every route of the API and the collaboration server, as `METHOD /path` (the authorization matrix checks them all). */
  routes: string[];
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
  });
  const app = Fastify({
    logger: { level: config.logLevel },
    bodyLimit: config.bodyLimit,
    trustProxy: false,
  });
  const routes: string[] = [];
  app.addHook('onRoute', (route) => {
    if (!/^\/(api|collab)\//.test(route.url)) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') routes.push(`${method} ${route.url}`);
  });
  try {
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);

    // External plugins.
    await app.register(securityPlugin, { config });
    // Requests with an API token are limited per token; cookie sessions are not limited here
    // (login and signup have their own, stricter limit per address).
    await app.register(rateLimit, {
      global: true,
      hook: 'preHandler',
      max: config.tokenRateLimit,
      timeWindow: '1 minute',
      allowList: (request) => request.authMethod !== 'token',
      keyGenerator: (request) => `token:${request.user?.id ?? ''}:${hashSecret(request.headers.authorization ?? String((request.query as { token?: string }).token))}`,
    });
    await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1 } });
    await app.register(swagger, {
      openapi: {
        info: { title: 'Corroborate API', version: '0.1.0', description: 'See docs/api.md for the contract.' },
        components: {
          securitySchemes: {
            bearer: { type: 'http', scheme: 'bearer' },
            cookie: { type: 'apiKey', in: 'cookie', name: 'corroborate_session' },
          },
        },
        security: [{ bearer: [] }, { cookie: [] }],
      },
      transform: jsonSchemaTransform,
    });
    // Swagger UI sets its own policy (with its scripts' hashes) on its pages.
    await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });

    // App plugins.
    await app.register(errorsPlugin);
    await app.register(dbPlugin, { db: database.db, kind: database.kind });
    await app.register(authPlugin, { config });
    await app.register(collabPlugin, { config });

    // Domain routes.
    await app.register(
      async (api) => {
        await api.register(healthRoutes, { bus: config.redisUrl ? 'redis' : 'local' });
        await api.register(authRoutes, { config });
        await api.register(workspaceRoutes);
        await api.register(documentRoutes, { config });
        await api.register(claimRoutes);
        await api.register(voteRoutes);
        await api.register(searchRoutes);
        await api.register(dashboardRoutes);
        await api.register(exportRoutes, { config });
        await api.register(suggestionRoutes);
        await api.register(annotationRoutes);
        await api.register(versionRoutes, { config });
      },
      { prefix: '/api' },
    );

    await app.register(webPlugin, { webDir: config.webDir });
    await app.ready();
  } catch (err) {
    await app.close().catch(() => {});
    await database.close();
    throw err;
  }

  return {
    app,
    routes,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
