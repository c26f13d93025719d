import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../config';
import { conflict, HttpError, notFound } from '../errors';
import { clearSessionCookie, SESSION_COOKIE, setSessionCookie } from '../plugins/auth';
import { DUMMY_HASH, hashPassword, verifyPassword } from './password';
import {
  createApiToken,
  createSession,
  createUser,
  deleteSession,
  findUserByEmail,
  listApiTokens,
  revokeApiToken,
} from './repository';
import {
  createTokenBody,
  createTokenReply,
  listTokensReply,
  loginBody,
  presentUser,
  signupBody,
  tokenParams,
  userReply,
} from './schemas';
import { errorResponses, noContent } from '../plugins/error-responses';

/** Sign-up, sign-in, sign-out, the current user and API tokens (API.md "Auth"). */
const authRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app, { config }) => {
  // Per client address, whoever it is: overrides the global per-token limit's allow list and key.
  const authLimit = { rateLimit: { max: config.authRateLimit, timeWindow: '1 minute', allowList: () => false, keyGenerator: (request: { ip: string }) => request.ip } };

  app.post('/auth/signup', {
    config: { ...authLimit, access: { role: 'public' } },
    schema: { tags: ['auth'], body: signupBody, response: { 201: userReply, ...errorResponses(409) } },
  }, async (request, reply) => {
    const { email, password, name } = request.body;
    const user = await createUser(app.db, { email, name, passwordHash: await hashPassword(password) });
    if (!user) throw conflict('email_taken', 'An account with this email already exists; sign in instead.');
    setSessionCookie(reply, config, await createSession(app.db, user.id, config.sessionTtlSeconds));
    return reply.code(201).send({ user: presentUser(user) });
  });

  app.post('/auth/login', {
    config: { ...authLimit, access: { role: 'public' } },
    schema: { tags: ['auth'], body: loginBody, response: { 200: userReply } },
  }, async (request, reply) => {
    const { email, password } = request.body;
    const user = await findUserByEmail(app.db, email);
    // Verify against a dummy hash when the email is unknown, so the answer time does not tell which emails exist.
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
    if (!user || !ok) {
      throw new HttpError(401, 'invalid_credentials', 'The email or password is wrong.');
    }
    setSessionCookie(reply, config, await createSession(app.db, user.id, config.sessionTtlSeconds));
    return { user: presentUser(user) };
  });

  app.post('/auth/logout', { config: { access: { role: 'public' } }, schema: { tags: ['auth'], response: { 204: noContent } } }, async (request, reply) => {
    const secret = request.cookies[SESSION_COOKIE];
    if (secret) await deleteSession(app.db, secret);
    clearSessionCookie(reply);
    return reply.code(204).send(null);
  });

  app.get('/me', { config: { access: { role: 'user' } }, schema: { tags: ['auth'], response: { 200: userReply } } }, async (request) => ({
    user: presentUser(request.access.user),
  }));

  app.post('/tokens', {
    config: { access: { role: 'user' } },
    schema: { tags: ['auth'], body: createTokenBody, response: { 201: createTokenReply } },
  }, async (request, reply) => {
    const { id, token } = await createApiToken(app.db, request.access.user.id, request.body.name);
    return reply.code(201).send({ id, token, name: request.body.name });
  });

  app.get('/tokens', { config: { access: { role: 'user' } }, schema: { tags: ['auth'], response: { 200: listTokensReply } } }, async (request) => {
    const rows = await listApiTokens(app.db, request.access.user.id);
    return {
      tokens: rows.map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      })),
    };
  });

  app.delete('/tokens/:id', {
    // Any signed-in person, on their own tokens only: someone else's token id is simply not found.
    config: { access: { role: 'user' } },
    schema: { tags: ['auth'], params: tokenParams, response: { 204: noContent, ...errorResponses(404) } },
  }, async (request, reply) => {
    if (!(await revokeApiToken(app.db, request.access.user.id, request.params.id))) {
      throw notFound('token_not_found', 'No such API token.');
    }
    return reply.code(204).send(null);
  });
};

export default authRoutes;
