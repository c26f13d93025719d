/**
 * What a failed query means, for every caller (the REST error handler, the group commit): the
 * database could not be reached or timed out (the same statement may succeed later), or it refused
 * the statement itself (retrying the same data never will).
 */

// SQLSTATE codes that mean the server cannot be used right now, not that the query is wrong:
// 08xxx connection exceptions, 57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now,
// 53300 too many connections.
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
// Socket errors of node-postgres (and of DNS while resolving the host).
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);
// node-postgres and pg-pool raise these as plain Errors without a code; PGlite says it is closed.
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end|Client was closed and is not queryable|PGlite is closed|connection (?:is )?(?:closed|ended)/i;
/** SQLSTATE classes of a refusal: data exception, integrity constraint, syntax or access rule, program limit. */
const REFUSAL_CLASSES = new Set(['22', '23', '42', '54']);
/** SQLSTATE classes worth retrying for a write: insufficient resources, and rollbacks (serialization failure, deadlock). */
const RETRY_CLASSES = new Set(['40', '53']);

/** The error and its causes: Drizzle wraps the driver's error in `cause`; a refused connection to several addresses is an AggregateError. */
function* causes(err: unknown): Generator<{ code?: unknown; message?: unknown; cause?: unknown }> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length && seen.size < 20) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    yield e as { code?: unknown; message?: unknown };
    const { cause, errors } = e as { cause?: unknown; errors?: unknown };
    queue.push(cause);
    if (Array.isArray(errors)) queue.push(...errors);
  }
}

/** How a database failure should be answered: `unavailable` (unreachable), `timeout` (statement_timeout), or null (not a database outage). */
export function databaseFailure(err: unknown): 'unavailable' | 'timeout' | null {
  for (const { code, message } of causes(err)) {
    if (typeof code === 'string') {
      if (code === '57014') return 'timeout';
      if (UNAVAILABLE_SQLSTATES.has(code) || /^08[0-9A-Z]{3}$/.test(code) || UNAVAILABLE_ERRNOS.has(code)) return 'unavailable';
    }
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return 'unavailable';
  }
  return null;
}

/** True when `err` means the database cannot be reached (the request may succeed later), not that the request is wrong. */
export const isDatabaseUnavailable = (err: unknown): boolean => databaseFailure(err) === 'unavailable';

/** True when a write that failed with `err` should be kept and retried as it is: an outage, a timeout, a rollback, a resource limit. */
export function isRetryable(err: unknown): boolean {
  if (databaseFailure(err)) return true;
  for (const { code } of causes(err)) if (typeof code === 'string' && code.length === 5 && RETRY_CLASSES.has(code.slice(0, 2))) return true;
  return false;
}

/**
 * True when the database refused the statement itself — a value it cannot store (class 22), a
 * broken constraint (23), a statement it cannot run (42, 54) — or the statement could not even be
 * built (a RangeError in the driver): retrying the same data can never succeed.
 */
export function isDatabaseRefusal(err: unknown): boolean {
  if (isRetryable(err)) return false;
  for (const e of causes(err)) {
    if (e instanceof RangeError) return true;
    if (typeof e.code === 'string' && e.code.length === 5 && REFUSAL_CLASSES.has(e.code.slice(0, 2))) return true;
  }
  return false;
}

/** The driver's own message (the innermost cause), for logs and the quarantine record. */
export function databaseMessage(err: unknown): string {
  let last = '';
  for (const e of causes(err)) {
    if (!(e instanceof Error)) continue;
    const code = (e as { code?: unknown }).code;
    last = `${typeof code === 'string' ? `${code}: ` : ''}${e.message}`;
  }
  return last;
}
