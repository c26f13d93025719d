import type { z } from 'zod';
import { badRequest } from './errors';

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
