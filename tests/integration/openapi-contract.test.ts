import { beforeAll, describe, expect, test } from 'vitest';
import { ContractChecker, ContractViolation, servedOpenApi, type OpenApiDocument, type ReceivedAnswer } from '../helpers/openapi';

interface Operation {
  requestBody?: { required?: boolean; content: Record<string, { schema: { properties?: Record<string, { format?: string }> } }> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

let document: OpenApiDocument & { openapi: string; components: { schemas: Record<string, unknown> } };
const operations: Array<{ key: string; method: string; path: string; operation: Operation }> = [];

beforeAll(async () => {
  document = (await servedOpenApi()) as unknown as typeof document;
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) operations.push({ key: `${method.toUpperCase()} ${path}`, method, path, operation: operation as Operation });
  }
}, 60_000);

const errorRef = (operation: Operation, status: string) => operation.responses[status]?.content?.['application/json']?.schema?.$ref;

describe('the served OpenAPI document', () => {
  test('is OpenAPI 3.1 with one Error component, the body of every failure', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas.Error).toMatchObject({ type: 'object', required: ['error'] });
  });

  test('every /api operation declares 400, 401, 429, 500 and 503 with the Error body; every write 403, 413 and 415 too', () => {
    expect(operations.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const { key, method, operation } of operations) {
      const statuses = ['400', '401', '429', '500', '503', ...(method === 'get' ? [] : ['403', '413', '415'])];
      // /api/health answers its own 503 body (ok: false), not the error body.
      for (const s of statuses) if (errorRef(operation, s) !== '#/components/schemas/Error' && !(key === 'GET /api/health' && s === '503')) missing.push(`${key} ${s}`);
    }
    expect(missing).toEqual([]);
  });

  test('an operation in a workspace (a path with an id) declares 403 and 404', () => {
    const scoped = operations.filter(({ path }) => /\{(wid|id)\}/.test(path) && path !== '/api/tokens/{id}');
    expect(scoped.length).toBeGreaterThan(30);
    expect(scoped.filter(({ operation }) => !errorRef(operation, '403') || !errorRef(operation, '404')).map((o) => o.key)).toEqual([]);
  });

  test('a 204 is declared as 204 without content, and no operation that answers 204 declares 200', () => {
    for (const key of ['POST /api/auth/logout', 'DELETE /api/tokens/{id}', 'DELETE /api/claims/{id}']) {
      const { operation } = operations.find((o) => o.key === key)!;
      expect(operation.responses['204'], key).toBeDefined();
      expect(operation.responses['204'].content, key).toBeUndefined();
      expect(operation.responses['200'], key).toBeUndefined();
    }
  });

  test('the export declares the media type of each format', () => {
    const { operation } = operations.find((o) => o.key === 'GET /api/workspaces/{wid}/export')!;
    expect(Object.keys(operation.responses['200'].content ?? {}).sort()).toEqual(['application/ld+json', 'text/csv', 'text/markdown']);
  });

  test('an import and a new version take JSON or a multipart form with its file; reveal takes an optional JSON body', () => {
    for (const key of ['POST /api/workspaces/{wid}/documents', 'POST /api/documents/{id}/versions']) {
      const body = operations.find((o) => o.key === key)!.operation.requestBody!;
      expect(Object.keys(body.content).sort(), key).toEqual(['application/json', 'multipart/form-data']);
      expect(body.content['multipart/form-data'].schema.properties?.file?.format, key).toBe('binary');
    }
    const reveal = operations.find((o) => o.key === 'POST /api/claims/{id}/reveal')!.operation.requestBody!;
    expect(reveal.required).toBe(false);
    expect(Object.keys(reveal.content)).toEqual(['application/json']);
  });
});

describe('the contract check of the test client', () => {
  let checker: ContractChecker;
  beforeAll(() => {
    checker = new ContractChecker(document);
  });
  const answer = (over: Partial<ReceivedAnswer>): ReceivedAnswer => {
    const body = over.body ?? null;
    return { method: 'GET', path: '/api/me', status: 200, contentType: 'application/json; charset=utf-8', text: JSON.stringify(body), body, ...over };
  };
  const user = { user: { id: '0b7a4c1e-8f5e-4a43-9e2a-5f0c8e1d2a3b', email: 'a@example.test', name: 'A' } };

  test('accepts a declared answer, a declared error and the not-found answer of an unknown route', () => {
    expect(() => checker.check(answer({ body: user }))).not.toThrow();
    expect(() => checker.check(answer({ status: 401, body: { error: { code: 'unauthorized', message: 'Sign in to continue.' } } }))).not.toThrow();
    expect(() => checker.check(answer({ path: '/api/no/such/route', status: 404, body: { error: { code: 'not_found', message: 'No route.' } } }))).not.toThrow();
    expect(() => checker.check(answer({ method: 'DELETE', path: '/api/claims/0b7a4c1e-8f5e-4a43-9e2a-5f0c8e1d2a3b', status: 204, contentType: null, text: '', body: null }))).not.toThrow();
  });

  test('refuses an undeclared status, a body off its schema, a body on a 204 and an undeclared content type', () => {
    expect(() => checker.check(answer({ status: 418, body: user }))).toThrow(ContractViolation);
    expect(() => checker.check(answer({ body: { user: { id: 'not-a-uuid', email: 'a@example.test', name: 'A' } } }))).toThrow(/does not match/);
    expect(() => checker.check(answer({ status: 404, body: { error: { message: 'no code' } } }))).toThrow(ContractViolation);
    expect(() => checker.check(answer({ method: 'POST', path: '/api/auth/logout', status: 204, body: {} }))).toThrow(/without content/);
    expect(() => checker.check(answer({ contentType: 'text/html', text: '<p>hi</p>', body: '<p>hi</p>' }))).toThrow(/content type/);
  });

  test('a nullable enum admits null (tally.consensus before any agreement)', () => {
    const tally = { count: 0, byVerdict: {}, consensus: null, agreement: null };
    const vote = { user: { id: '0b7a4c1e-8f5e-4a43-9e2a-5f0c8e1d2a3b', name: 'A' }, verdict: 'accurate', confidence: null, note: '', at: new Date().toISOString(), round: 1, wording: null, afterReveal: false, revised: null };
    const path = '/api/claims/0b7a4c1e-8f5e-4a43-9e2a-5f0c8e1d2a3b/vote';
    expect(() => checker.check(answer({ method: 'PUT', path, body: { vote, tally } }))).not.toThrow();
    expect(() => checker.check(answer({ method: 'PUT', path, body: { vote, tally: { ...tally, consensus: 'maybe' } } }))).toThrow(ContractViolation);
  });
});
