import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { User } from '../../db/schema';
import { findSessionUser, findTokenUser } from '../auth/repository';
import type { Config } from '../config';
import { badRequest, forbidden, isDatabaseUnavailable, unauthorized } from '../errors';
import { isStorableText } from '../shared/storable-text';

export const SESSION_COOKIE = 'corroborate_session';

export type AuthMethod = 'cookie' | 'token';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null; resolved once per request from the token or the session cookie. */
    user: User | null;
    authMethod: AuthMethod | null;
    /**
     * Set on a `/collab/` upgrade when the credential could not be checked because the database is
     * unreachable: the WebSocket route closes with 4503 (try again) rather than answering HTTP 500.
     */
    authUnavailable: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for the WebSocket upgrade route, the one place a token may travel in the URL. */
const isCollab = (request: FastifyRequest) => request.url.startsWith('/collab/');

/**
 * The API token of a request: `Authorization: Bearer …`, or `?token=` on a `/collab/` upgrade only
 * (WebSocket clients in browsers cannot set headers; anywhere else a token in a URL ends up in
 * proxies' logs and browser history).
 */
function requestToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  if (!isCollab(request)) return undefined;
  const query = request.query as Record<string, unknown> | undefined;
  return typeof query?.token === 'string' ? query.token : undefined;
}

/**
 * A request's Origin is acceptable when it is the configured public origin or, when none is
 * configured, the request's own host (a same-origin request: a browser cannot forge Host cross-site).
 */
export function originAllowed(origin: string, host: string | undefined, publicOrigin: string | undefined): boolean {
  if (publicOrigin && origin === publicOrigin) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Sets the HttpOnly SameSite=Lax session cookie (Secure when the public origin is https). */
export function setSessionCookie(reply: FastifyReply, config: Config, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicOrigin?.startsWith('https://') ?? false,
    maxAge: config.sessionTtlSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/** The signed-in user, or a 401. */
export function requireUser(request: FastifyRequest): User {
  if (!request.user) throw unauthorized();
  return request.user;
}

/**
 * Resolves who is calling (API token first, then session cookie) and guards cookie-authenticated
 * writes against cross-site requests by checking Origin. A token that is present but unknown is a
 * 401 rather than an anonymous request, so a revoked token fails loudly.
 */
export default fp(
  async function auth(app: FastifyInstance, opts: { config: Config }) {
    await app.register(cookie);
    app.decorateRequest('user', null);
    app.decorateRequest('authMethod', null);
    app.decorateRequest('authUnavailable', false);

    /**
     * Looks a credential up; on a `/collab/` upgrade a database outage marks the request instead of
     * throwing, so the WebSocket route can close with 4503. Elsewhere the error handler answers 503.
     */
    async function lookUp(request: FastifyRequest, find: () => Promise<User | null>): Promise<User | null> {
      try {
        return await find();
      } catch (err) {
        if (!isCollab(request) || !isDatabaseUnavailable(err)) throw err;
        request.log.warn({ err }, 'collab: credential lookup failed, database unavailable');
        request.authUnavailable = true;
        return null;
      }
    }

    app.addHook('onRequest', async (request) => {
      const query = request.query as Record<string, unknown> | undefined;
      if (!isCollab(request) && request.url.startsWith('/api/') && query && 'token' in query) {
        throw badRequest('token_in_query', 'Send the API token in the Authorization header (Authorization: Bearer <token>); ?token= is accepted only on /collab/ WebSocket upgrades.');
      }
      const token = requestToken(request);
      if (token) {
        // Text PostgreSQL cannot store cannot be a token either: unknown, without asking the database.
        const user = isStorableText(token) ? await lookUp(request, () => findTokenUser(app.db, token)) : null;
        if (request.authUnavailable) return;
        // The WebSocket route answers an unknown token with its own close code (4401).
        if (!user && request.url.startsWith('/collab/')) return;
        if (!user) throw unauthorized('The API token is unknown or revoked.');
        request.user = user;
        request.authMethod = 'token';
        return;
      }

      const sessionSecret = request.cookies[SESSION_COOKIE];
      const unsafe = !SAFE_METHODS.has(request.method);
      const origin = request.headers.origin;
      if (unsafe && origin && !originAllowed(origin, request.headers.host, opts.config.publicOrigin)) {
        throw forbidden('origin_mismatch', `Requests from ${origin} are not accepted.`);
      }
      if (!sessionSecret) return;
      if (unsafe && !origin) {
        throw forbidden('origin_required', 'A cookie-authenticated write must carry an Origin header; scripts should use an API token.');
      }
      request.user = isStorableText(sessionSecret) ? await lookUp(request, () => findSessionUser(app.db, sessionSecret)) : null;
      if (request.user) request.authMethod = 'cookie';
    });
  },
  { name: 'auth', dependencies: ['db'] },
);
