import { z } from 'zod';

/**
 * An error the API answers with as `{error: {code, message, details?}}`. Routes throw these;
 * the error handler (plugins/errors.ts) formats them.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (code: string, message: string, details?: unknown) =>
  new HttpError(400, code, message, details);
export const unauthorized = (message = 'Sign in to continue.') => new HttpError(401, 'unauthorized', message);
export const forbidden = (code: string, message: string) => new HttpError(403, code, message);
/** 404 is also the answer for what exists but is not visible to the caller: another workspace's ids never leak. */
export const notFound = (code: string, message: string) => new HttpError(404, code, message);
export const conflict = (code: string, message: string) => new HttpError(409, code, message);
export const tooLarge = (message: string) => new HttpError(413, 'payload_too_large', message);
export const unsupportedMediaType = (code: string, message: string) => new HttpError(415, code, message);
export const unprocessable = (code: string, message: string) => new HttpError(422, code, message);
export const tooManyRequests = (message: string) => new HttpError(429, 'rate_limited', message);

/** Seconds a client is asked to wait (Retry-After) when the database cannot be reached. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export { databaseFailure, isDatabaseUnavailable } from '../db/errors';

/**
 * The body of every 4xx and 5xx answer, as plugins/errors.ts writes it: the OpenAPI document's one
 * `Error` component, which every route's declared error statuses refer to (plugins/error-responses.ts).
 */
export const errorBodySchema = z
  .object({
    error: z.object({
      code: z.string().describe('a stable, machine-readable code, e.g. validation_error, claim_locked'),
      message: z.string().describe('a sentence for people'),
      details: z.unknown().optional().describe('more about the refusal, e.g. one entry per refused field of a validation_error'),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof errorBodySchema>;
