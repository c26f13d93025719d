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
