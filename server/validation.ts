import { z } from 'zod';
import { badRequest } from './errors';
import { unstorableReason } from './shared/storable-text';

/**
 * Validates data against a schema outside Fastify's own validation (a multipart field, a body whose
 * content type decides its shape), answering the same 400 `validation_error` the route schemas give.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, data: unknown, where = 'body'): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: [where, ...issue.path].join('.'),
    message: issue.message,
  }));
  throw badRequest('validation_error', `Invalid request: ${details[0].path} ${details[0].message}.`, details);
}

/** The check every request string passes: PostgreSQL can store it (no NUL, no unpaired surrogate). */
const storableCheck = z.superRefine((value: string, ctx) => {
  const reason = unstorableReason(value);
  if (reason) ctx.addIssue({ code: 'custom', message: reason, input: value });
});

/**
 * A string PostgreSQL can store: the base of every string field of a request schema. Refused text
 * answers 400 `validation_error` "Invalid request: body.note contains a NUL character (\u0000)."
 * before the request reaches a transaction. Chain the usual string rules after it
 * (`storableString().trim().min(1).max(100)`).
 */
export const storableString = () => z.string().check(storableCheck);

/** The same rule added to a string format (`storable(z.email())`, `storable(z.url(…))`). */
export const storable = <S extends z.ZodType<string>>(schema: S): S => schema.check(storableCheck) as S;

/** How deep a JSON request body may nest; deeper is refused (nothing the API accepts needs more). */
export const MAX_JSON_DEPTH = 32;

/** Where in a JSON value a problem is, and what it is. */
export interface JsonProblem {
  path: Array<string | number>;
  message: string;
}

/**
 * The first reason `value` (parsed JSON, or a parsed query string) cannot be accepted: a string or
 * key PostgreSQL cannot store, or nesting deeper than `maxDepth`. Walks with an explicit stack, so
 * hostile nesting cannot overflow the call stack. Null when the value is fine.
 */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: Array<{ value: unknown; path: Array<string | number> }> = [{ value, path: [] }];
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    if (typeof v === 'string') {
      const reason = unstorableReason(v);
      if (reason) return { path, message: reason };
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= maxDepth) return { path, message: `nests deeper than ${maxDepth} levels` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ value: v[i], path: [...path, i] });
      continue;
    }
    // Only plain data is walked (a parsed body); a Buffer or stream is not text to check here.
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) continue;
    const entries = Object.entries(v);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      const reason = unstorableReason(key);
      if (reason) return { path: [...path, key], message: `has a key that ${reason}` };
      stack.push({ value: child, path: [...path, key] });
    }
  }
  return null;
}

/**
 * The same refusal as the schemas give, for a request part no schema describes (a route whose
 * body is `z.unknown()`, or one without a schema): throws 400 `validation_error` naming the field.
 */
export function assertStorableInput(value: unknown, where: string): void {
  const problem = jsonProblem(value);
  if (!problem) return;
  const path = [where, ...problem.path].join('.');
  throw badRequest('validation_error', `Invalid request: ${path} ${problem.message}.`, [{ path, message: problem.message }]);
}
