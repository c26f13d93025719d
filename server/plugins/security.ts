import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config';

/**
 * The SHA-256 hashes of the inline scripts of the built web app's page (SvelteKit's bootstrap), so
 * the content security policy can allow exactly those and no other inline script.
 */
export function inlineScriptHashes(webDir: string): string[] {
  const page = join(webDir, '200.html');
  if (!existsSync(page)) return [];
  const html = readFileSync(page, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`,
  );
}

/**
 * Security headers for every answer (helmet), with a content security policy the web app runs
 * under: scripts only from this origin plus the hashed bootstrap (no 'unsafe-inline' scripts),
 * connections (API and WebSocket) only to this origin, no framing. Styles may be inline: the
 * reader sets colours per collaborator and builds highlight rules at run time.
 */
export default fp(
  async function security(app: FastifyInstance, opts: { config: Config }) {
    const https = opts.config.publicOrigin?.startsWith('https://') ?? false;
    const wsOrigin = opts.config.publicOrigin?.replace(/^http/, 'ws');
    await app.register(helmet, {
      global: true,
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'", ...inlineScriptHashes(opts.config.webDir)],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          fontSrc: ["'self'", 'data:'],
          // 'self' covers same-origin WebSockets in current browsers; the explicit origin covers older ones.
          connectSrc: ["'self'", ...(wsOrigin ? [wsOrigin] : [])],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
          ...(https ? { upgradeInsecureRequests: [] } : {}),
        },
      },
      hsts: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      crossOriginEmbedderPolicy: false,
    });
  },
  { name: 'security' },
);
