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

// SQLSTATE classes and codes that mean the server cannot be used right now, not that the query is wrong:
// 08xxx connection exceptions, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now,
// 53300 too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// Socket errors of node-postgres (and of DNS while resolving the host).
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
// node-postgres and pg-pool raise these as plain Errors without a code; PGlite says it is closed.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|Client was closed and is not queryable|PGlite is closed|connection (?:is )?(?:closed|ended)/i;

/** How a database failure should be answered: `unavailable` (unreachable), `timeout` (statement_timeout), or null (a real bug). */
export function databaseFailure(err: unknown): 'unavailable' | 'timeout' | null {
  // Drizzle wraps the driver's error in `cause`; a refused connection to several addresses is an AggregateError.
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length && seen.size < 20) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const { code, message, cause, errors } = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === 'string') {
      if (code === '57014') return 'timeout';
      if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_ERRNOS.has(code)) return 'unavailable';
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'unavailable';
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return null;
}

/** True when `err` means the database cannot be reached (the request may succeed later), not that the request is wrong. */
export const isDatabaseUnavailable = (err: unknown): boolean => databaseFailure(err) === 'unavailable';
