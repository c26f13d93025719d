/**
 * What a failed query means for the caller: the database could not be reached (retrying later can
 * succeed), or it refused what was sent (retrying the same statement never will).
 */

/** SQLSTATE classes that mean "not now": connection exception, insufficient resources, operator intervention, rollback (serialization, deadlock). */
const UNAVAILABLE_CLASSES = ['08', '53', '57', '40'];
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /pglite is closed/i, /client has encountered a connection error/i, /cannot use a pool after calling end/i];

/** The error and its causes (Drizzle wraps the driver's error in `cause`). */
function* chain(err: unknown): Generator<unknown> {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) yield e;
}

const codeOf = (e: unknown): string | undefined => (typeof (e as { code?: unknown })?.code === 'string' ? (e as { code: string }).code : undefined);

/** True when the database could not be reached or asked to retry: the same statement may succeed later. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    const code = codeOf(e);
    if (code && (UNAVAILABLE_NODE_CODES.has(code) || (code.length === 5 && UNAVAILABLE_CLASSES.includes(code.slice(0, 2))))) return true;
    const message = e instanceof Error ? e.message : '';
    if (UNAVAILABLE_MESSAGES.some((m) => m.test(message))) return true;
  }
  return false;
}

/**
 * True when the database refused the statement itself — a value it cannot store (class 22), a
 * broken constraint (23), a statement it cannot run (42, 54) — or the statement could not even be
 * built (a RangeError from the driver): retrying the same data can never succeed.
 */
export function isDatabaseRefusal(err: unknown): boolean {
  if (isDatabaseUnavailable(err)) return false;
  for (const e of chain(err)) {
    if (e instanceof RangeError) return true;
    const code = codeOf(e);
    if (code && code.length === 5 && ['22', '23', '42', '54'].includes(code.slice(0, 2))) return true;
  }
  return false;
}

/** The driver's message, for logs and the quarantine record. */
export const databaseMessage = (err: unknown): string => {
  let last = '';
  for (const e of chain(err)) if (e instanceof Error) last = `${codeOf(e) ? `${codeOf(e)}: ` : ''}${e.message}`;
  return last;
};
