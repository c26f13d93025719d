import type { FastifyInstance, RouteOptions } from 'fastify';
import type { SwaggerOptions } from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteAccess } from '../authorization';
import { errorBodySchema } from '../errors';

/** Every error status the API answers with, and what it means in the OpenAPI document. */
const DESCRIPTIONS = {
  400: 'Invalid request (`validation_error`, `invalid_json`, `token_in_query`, …): `details` names the refused fields.',
  401: 'Not signed in, or the API token is unknown or revoked (`unauthorized`).',
  403: 'Refused: below the role the route needs (`insufficient_role`), or a write from another origin (`origin_mismatch`, `origin_required`).',
  404: 'Not found, or not in one of your workspaces (the same answer, so ids never leak).',
  409: 'Conflicts with the current state (a signed-off claim, a duplicate, a confirmation to give).',
  410: 'Gone: an invite link that expired, was revoked or has been used as often as it allows (`invite_expired`, `invite_revoked`, `invite_used_up`).',
  413: 'The request body or file is larger than the server accepts.',
  415: 'The body or file is of a type the route does not accept.',
  422: 'Understood but cannot be done (an anchor that is not in the text, an unreadable file, work past the time limit `too_complex`, a change through the live document that the database refused `save_refused`).',
  429: 'Too many requests (`rate_limited`); `Retry-After` says when to try again.',
  500: 'Something went wrong on the server (`internal_error`); the details are logged, never sent.',
  503: 'The database or the worker threads cannot answer right now (`database_unavailable`, `database_timeout`, `busy`); `Retry-After` says when to try again.',
} as const;

export type ErrorStatus = keyof typeof DESCRIPTIONS;

/** The declared response of one error status: the shared `Error` body, as JSON. */
const errorResponse = (status: ErrorStatus, description: string = DESCRIPTIONS[status]) => ({
  description,
  content: { 'application/json': { schema: errorBodySchema } },
});

/**
 * The error statuses a route answers beyond those its access declaration implies (409, 413, 415,
 * 422…), to spread into its `schema.response`: `response: { 200: claimReply, ...errorResponses(409, 422) }`.
 */
export function errorResponses(...statuses: ErrorStatus[]) {
  return Object.fromEntries(statuses.map((s) => [s, errorResponse(s)])) as Record<ErrorStatus, ReturnType<typeof errorResponse>>;
}

/** A 204 answer: declared with no body, so the OpenAPI document gives it no content (its handler sends `reply.code(204).send(null)`; Fastify writes no body for a 204). */
export const noContent = z.null().describe('Done; no content.');

/**
 * Request bodies the document describes but Fastify does not validate, by media type: a multipart
 * import (read part by part by the handler), a JSON body read with `parseOrThrow` because its shape
 * depends on the content type or it is optional. app.ts's swagger transform writes them as the
 * operation's `requestBody`.
 */
export type RequestBodies = Partial<Record<'application/json' | 'application/ld+json' | 'multipart/form-data', z.ZodType>>;

declare module 'fastify' {
  interface FastifySchema {
    /** Documented-only request bodies by media type (plugins/error-responses.ts). */
    requestBodies?: RequestBodies;
    /** Whether a documented-only request body must be sent (default true). */
    requestBodyRequired?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The error statuses every /api route can answer, from what it is and what it declares:
 * - all: 400 (the token-in-query refusal and the storable-text check read every query string),
 *   401 (an unknown API token is refused on any route), 429 (the rate limits), 500, 503;
 * - a write (POST, PUT, PATCH, DELETE): 403 (the Origin check), 413 and 415 (the body parsers);
 * - a workspace role: 403 (below it) and 404 (its finder: not there, or not a member).
 */
export function impliedStatuses(methods: string[], access: RouteAccess | undefined): ErrorStatus[] {
  const statuses = new Set<ErrorStatus>([400, 401, 429, 500, 503]);
  if (methods.some((m) => UNSAFE.has(m))) for (const s of [403, 413, 415] as const) statuses.add(s);
  if (access && 'find' in access) {
    statuses.add(403);
    statuses.add(404);
  }
  return [...statuses];
}

/**
 * Adds to every /api route's `schema.response` the error statuses its declaration implies
 * (impliedStatuses), each with the one `Error` body, in status order after what the route declares
 * itself. Registered before any route, beside the access plugin; a route adds its own specific ones
 * with errorResponses(409, 422…).
 */
export default fp(
  async function errorResponsesPlugin(app: FastifyInstance) {
    app.addHook('onRoute', (route: RouteOptions) => {
      if (!route.url.startsWith('/api/') || route.schema?.hide) return;
      const methods = [route.method].flat();
      const own = (route.schema?.response ?? {}) as Record<string, unknown>;
      const response: Record<string, unknown> = { ...own };
      for (const status of impliedStatuses(methods, route.config?.access)) response[status] ??= errorResponse(status);
      const ordered = Object.fromEntries(Object.entries(response).sort(([a], [b]) => Number(a) - Number(b)));
      route.schema = { ...route.schema, response: ordered };
    });
  },
  { name: 'error-responses' },
);

type Transform = NonNullable<Extract<SwaggerOptions, { transform?: unknown }>['transform']>;
type TransformObject = NonNullable<Extract<SwaggerOptions, { transformObject?: unknown }>['transformObject']>;

/**
 * The swagger `transform` and `transformObject` (app.ts): fastify-type-provider-zod's, which turn the
 * route schemas into the document and the registered schemas (the `Error` body) into components,
 * plus the documented-only request bodies (`schema.requestBodies`) as each operation's requestBody.
 */
export function openApiTransforms(): { transform: Transform; transformObject: TransformObject } {
  const optionalBodies = new Set<string>();
  const transform: Transform = (input) => {
    const { schema, url, route } = input as Parameters<typeof jsonSchemaTransform>[0] & { route: RouteOptions };
    const bodies = schema?.requestBodies;
    if (!bodies) return jsonSchemaTransform(input as Parameters<typeof jsonSchemaTransform>[0]);
    const { requestBodies: _bodies, requestBodyRequired, ...rest } = schema;
    const transformed = jsonSchemaTransform({ ...(input as Parameters<typeof jsonSchemaTransform>[0]), schema: rest });
    const content: Record<string, { schema: unknown }> = {};
    for (const [media, zodSchema] of Object.entries(bodies)) {
      // The same conversion as a validated body's, by transforming a schema that has only this body.
      const one = jsonSchemaTransform({ ...(input as Parameters<typeof jsonSchemaTransform>[0]), schema: { body: zodSchema } });
      content[media] = { schema: (one.schema as { body: unknown }).body };
    }
    if (requestBodyRequired === false) for (const m of [route.method].flat()) optionalBodies.add(`${m.toLowerCase()} ${url}`);
    return { ...transformed, schema: { ...(transformed.schema as object), body: { content } } };
  };
  const transformObject: TransformObject = (input) => {
    const document = jsonSchemaTransformObject(input as Parameters<typeof jsonSchemaTransformObject>[0]) as {
      paths?: Record<string, Record<string, { requestBody?: { required?: boolean } }>>;
    };
    for (const key of optionalBodies) {
      const [method, url] = key.split(' ');
      const operation = document.paths?.[url.replace(/:(\w+)/g, '{$1}')]?.[method];
      if (operation?.requestBody) operation.requestBody.required = false;
    }
    return document as ReturnType<TransformObject>;
  };
  return { transform, transformObject };
}
