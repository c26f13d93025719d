import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { DATABASE_RETRY_AFTER_SECONDS, databaseFailure, HttpError } from '../errors';
import { assertStorableInput } from '../validation';

interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

const body = (code: string, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Fastify's own error codes, translated into the API's codes and sentences. */
const FASTIFY_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'invalid_json', message: 'The request body is empty; send a JSON object.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The request body is larger than the server accepts.' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Send JSON (application/json) or a multipart form.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'invalid_content_length', message: 'The Content-Length header does not match the body.' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'payload_too_large', message: 'The file is larger than the server accepts.' },
  FST_FILES_LIMIT: { status: 413, code: 'too_many_files', message: 'Send one file per request.' },
  FST_PARTS_LIMIT: { status: 413, code: 'too_many_parts', message: 'The form has more parts than the server accepts.' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'unsupported_media_type', message: 'The request is not a multipart form.' },
};

/**
 * One error handler for every failure: thrown HttpErrors, schema validation, Fastify's own
 * errors (bad JSON, size limits), rate limits and unknown routes all answer `{error: {code, message}}`.
 * 5xx answers never carry the underlying message or a stack trace.
 */
export default fp(
  async function errors(app: FastifyInstance) {
    app.setErrorHandler((err: FastifyError, request, reply) => {
      if (err instanceof HttpError) {
        return reply.code(err.statusCode).send(body(err.code, err.message, err.details));
      }
      if (hasZodFastifySchemaValidationErrors(err)) {
        const details = err.validation.map((v) => ({
          path: `${err.validationContext ?? 'body'}${v.instancePath.replaceAll('/', '.')}`,
          message: v.message,
        }));
        const first = details[0];
        const message = first ? `Invalid request: ${first.path} ${first.message}.` : 'Invalid request.';
        return reply.code(400).send(body('validation_error', message, details));
      }
      const known = err.code ? FASTIFY_ERRORS[err.code] : undefined;
      if (known) return reply.code(known.status).send(body(known.code, known.message));
      if (err.statusCode === 429) {
        return reply.code(429).send(body('rate_limited', 'Too many attempts; wait a minute and try again.'));
      }
      if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
        const code = err.code ? err.code.toLowerCase().replace(/^fst_(err_)?/, '') : 'bad_request';
        return reply.code(err.statusCode).send(body(code, err.message));
      }
      const failure = databaseFailure(err);
      if (failure) {
        // The database is down or overloaded: the request may well succeed later, so say when to retry.
        request.log.warn({ err }, failure === 'timeout' ? 'database statement timed out' : 'database unavailable');
        reply.header('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        return failure === 'timeout'
          ? reply.code(503).send(body('database_timeout', 'The database took too long to answer; try again in a few seconds.'))
          : reply.code(503).send(body('database_unavailable', 'The database cannot be reached right now; try again in a few seconds.'));
      }
      request.log.error({ err }, 'request failed');
      return reply.code(500).send(body('internal_error', 'Something went wrong on our side; the error is logged.'));
    });

    // A safety net behind the route schemas (which refuse unstorable text field by field): whatever a
    // route accepts without a schema (an import body of another tool's format) is checked here, after
    // validation and before any handler opens a transaction. WebSocket upgrades answer with close codes instead.
    app.addHook('preHandler', async (request) => {
      if (request.url.startsWith('/collab/')) return;
      assertStorableInput(request.params, 'params');
      assertStorableInput(request.query, 'querystring');
      assertStorableInput(request.body, 'body');
    });

    app.setNotFoundHandler((request, reply) => {
      reply.code(404).send(body('not_found', `No route ${request.method} ${request.url.split('?')[0]}.`));
    });
  },
  { name: 'errors' },
);
