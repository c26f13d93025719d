import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { isStorableText } from '../../server/shared/storable-text';
import { startApp, type TestApp } from '../helpers/app';
import { fingerprintRows } from '../helpers/database';
import { uniqueEmail, workspaceWithRoles, type AnyAnswer } from '../helpers/client';

/**
 * Random and boundary values for every REST route's body, query and params, sent as the lead of
 * the workspace (who may call every route): no answer is a 5xx, and every rejected request leaves
 * the stored data byte-for-byte the same. Hostile values (NUL, lone surrogates, deep nesting, huge
 * strings and numbers) go into every field of every route, one field at a time in an otherwise
 * valid request, so they reach the rule of that very field.
 */
let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let ids: Record<string, string>;

beforeAll(async () => {
  // No idle unloading during the run: its compaction would change doc_updates in the background.
  const { testConfig } = await import('../../server/config');
  app = await startApp({ collab: { ...testConfig().collab, idleUnloadMs: 3_600_000 } });
  team = await workspaceWithRoles(app.url);
  const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Fuzz', text: 'The barrier will protect 38,000 homes.' })).body.document;
  const claim = (await team.lead.post(`/api/documents/${doc.id}/claims`, { exact: '38,000 homes' })).body.claim;
  ids = { wid: team.wid, id: doc.id, claim: claim.id, userId: team.viewer.user!.id };
});
afterAll(() => app?.close());

/** A fingerprint of every stored row. */
const fingerprint = () => fingerprintRows(app.database.db);

/** Text PostgreSQL cannot store: a NUL or an unpaired surrogate somewhere in a random string. */
const unstorable = fc
  .tuple(fc.string({ maxLength: 12 }), fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF'), fc.string({ maxLength: 12 }))
  .map(([a, bad, b]) => a + bad + b)
  .filter((t) => !isStorableText(t));
const huge = fc.constantFrom('a'.repeat(10_001), 'b'.repeat(100_001), 'c'.repeat(1_100_000), `${'x'.repeat(500_000)}\u0000`);
const hugeNumber = fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -(2 ** 63), 2 ** 64, Number.MIN_VALUE, -0);
/** Arrays and objects nested `depth` levels deep (built without recursion), with `leaf` at the bottom. */
const nest = (depth: number, leaf: unknown, asObject: boolean) => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = asObject ? { a: v } : [v];
  return v;
};
const deep = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.oneof(fc.constant(1), unstorable), fc.boolean()).map(([d, leaf, o]) => nest(d, leaf, o));
const boundaryStrings = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', 'a'.repeat(10_001), '../../etc/passwd', '<script>alert(1)</script>', "'; drop table users; --", '\uD800', '00000000-0000-0000-0000-000000000000', 'NaN', '-1', '1e309'),
  unstorable,
);
const value = fc.oneof(fc.jsonValue(), boundaryStrings, fc.integer(), fc.double(), fc.constant(null), huge, hugeNumber, deep);
const body = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('title', 'text', 'format', 'exact', 'start', 'end', 'confidence', 'note', 'verdict', 'status', 'kind', 'stance', 'url', 'email', 'role', 'name', 'password', 'body', 'replyTo', 'quorum', 'confirm', 'tags'), fc.string()), value), value);
const param = fc.oneof(boundaryStrings, fc.uuid(), fc.string(), fc.constantFrom('wid', 'id', 'claim', 'userId'));

/** Every REST route the server registers (`METHOD /api/…`), but logout (it would end the lead's session). */
const restRoutes = () => [...app.routes.keys()].filter((r) => r.includes(' /api/') && r !== 'POST /api/auth/logout');

test('random and boundary input to every REST route never answers 5xx, and rejected input changes nothing stored', async () => {
  const REST = restRoutes();
  const seen = { accepted: 0, refused: 0, pastValidation: new Set<string>() };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...REST), param, body, fc.dictionary(fc.constantFrom('q', 'status', 'verdict', 'minConfidence', 'format', 'limit', 'documentId', 'token'), fc.oneof(fc.string(), boundaryStrings)), async (route, p, b, query) => {
      const [method, template] = route.split(' ');
      const path = template.replace(/:(\w+)/g, (_m, name: string) => {
        const known = name === 'id' && template.startsWith('/api/claims/') ? ids.claim : ids[name];
        // A lone surrogate cannot be put in a URL at all: it is replaced before encoding.
        const wellFormed = (v: string) => v.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
        return encodeURIComponent(wellFormed(p === name || p === 'claim' ? (known ?? p) : typeof p === 'string' && p.length < 200 ? p : known ?? 'x'));
      });
      const qs = new URLSearchParams(query as Record<string, string>).toString();
      const before = await fingerprint();
      // Any route: only its status and error body are read.
      const url = `${path}${qs ? `?${qs}` : ''}`;
      // Off the contract only when the URL may pass Node's 16 KiB header limit: Node's parser answers
      // that 431 before the app. Every other answer is checked against the OpenAPI document.
      const offContract = url.length > 8000 ? "the URL may pass Node's header limit (431 from Node's parser)" : undefined;
      const res = (await team.lead.request(method, url, { ...(method === 'GET' || method === 'DELETE' ? {} : { json: b }), offContract })) as AnyAnswer;
      if (res.status < 400) seen.accepted++;
      else seen.refused++;
      // Past the router, the size limits and the schemas: the route's own code answered.
      const unrouted = res.status === 404 && res.body?.error?.code === 'not_found';
      if (![400, 413, 415, 431].includes(res.status) && !unrouted) seen.pastValidation.add(route);
      expect(res.status, `${route} ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (res.status >= 400) {
        // 431 (a URL over Node's 16 KiB header limit) is answered by Node's HTTP parser, before the app.
        if (res.status !== 431) expect(res.body?.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        // A 429 leaves data alone too; sessions are the one table a rejected request may touch (none here).
        expect(await fingerprint(), `${route} changed stored data although it answered ${res.status}`).toBe(before);
      }
    }),
    { numRuns: 150 },
  );
  // The run exercised the server, not only its validation: some requests got through to handlers and
  // some were refused, and requests got past validation on several routes (their handlers answered:
  // 2xx, or 404 for an id that does not exist), so both invariants were checked against real outcomes.
  // (How many routes were *sent* says nothing about the server: the generator alone decides it.)
  expect(seen.accepted).toBeGreaterThan(0);
  expect(seen.refused).toBeGreaterThan(0);
  expect(seen.pastValidation.size, `routes past validation: ${[...seen.pastValidation].join(', ')}`).toBeGreaterThanOrEqual(5);
  console.log(`fuzz-rest (random): ${seen.accepted} accepted, ${seen.refused} refused; past validation on ${seen.pastValidation.size} of ${REST.length} routes`);
}, 300_000);

test('the stored-data fingerprint sees a change, so “rejected input changes nothing stored” can fail', async () => {
  // A document and claim of its own: the fuzz runs may have deleted or changed the shared ones.
  const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Fingerprint', text: 'The barrier will protect 38,000 homes.' })).body.document;
  const claim = (await team.lead.post(`/api/documents/${doc.id}/claims`, { exact: '38,000 homes' })).body.claim;
  const before = await fingerprint();
  const res = await team.lead.patch(`/api/claims/${claim.id}`, { note: `fingerprint check ${Date.now()}` });
  expect(res.status).toBe(200);
  expect(await fingerprint()).not.toBe(before);
});

/**
 * A valid request for every REST route that takes input (body or query), as the lead. One field at a
 * time is replaced by a hostile value; everything else stays valid, so the field's own rule answers.
 */
const VALID: Record<string, { body?: () => Record<string, unknown> | unknown[]; query?: () => Record<string, string> }> = {
  'POST /api/auth/signup': { body: () => ({ email: uniqueEmail('fuzz'), password: 'correct horse battery', name: 'Fuzz' }) },
  'POST /api/auth/login': { body: () => ({ email: team.lead.user!.email, password: 'correct horse battery' }) },
  'POST /api/tokens': { body: () => ({ name: 'fuzz' }) },
  'POST /api/workspaces': { body: () => ({ name: 'Fuzzed' }) },
  'PATCH /api/workspaces/:wid': { body: () => ({ name: 'Newsroom', quorum: 3 }) },
  'POST /api/workspaces/:wid/members': { body: () => ({ email: team.outsider.user!.email, role: 'viewer' }) },
  'PATCH /api/workspaces/:wid/members/:userId': { body: () => ({ role: 'viewer' }) },
  'POST /api/workspaces/:wid/documents': { body: () => ({ title: 'Fuzz doc', text: 'A short text of 12 words.', format: 'text', sourceUrl: 'https://example.org/a' }) },
  'POST /api/documents/:id/versions': { body: () => ({ text: 'The barrier will protect 38,000 homes.', format: 'text' }) },
  'POST /api/documents/:id/claims': { body: () => ({ exact: '38,000 homes', prefix: 'protect ', suffix: '.', confidence: 50, note: 'n', tags: ['t'] }) },
  'POST /api/documents/:id/annotations': {
    body: () => ({ type: 'AnnotationCollection', items: [{ type: 'Annotation', body: [{ purpose: 'commenting', value: 'v' }, { purpose: 'tagging', value: 't' }], target: { selector: [{ type: 'TextQuoteSelector', exact: '38,000 homes', prefix: 'protect ' }] } }] }),
  },
  'PATCH /api/claims/:id': { body: () => ({ confidence: 40, note: 'changed', tags: ['a', 'b'] }) },
  'POST /api/claims/:id/evidence': { body: () => ({ kind: 'url', stance: 'supports', url: 'https://example.org/e', title: 'E', excerpt: 'x' }) },
  'POST /api/claims/:id/anchor': { body: () => ({ start: 4, end: 11 }) },
  'PUT /api/claims/:id/vote': { body: () => ({ verdict: 'accurate', confidence: 70, note: 'v' }) },
  'POST /api/claims/:id/status': { body: () => ({ status: 'in_review', confirm: false }) },
  'POST /api/claims/:id/comments': { body: () => ({ body: 'A comment', replyTo: null }) },
  'GET /api/workspaces/:wid/search': { query: () => ({ q: 'homes', status: 'open', verdict: 'accurate', minConfidence: '10', limit: '5' }) },
  'GET /api/workspaces/:wid/export': { query: () => ({ format: 'csv', status: 'any', minConfidence: '0', documentId: ids.id, limit: '5' }) },
  'GET /api/workspaces/:wid/export/summary': { query: () => ({ status: 'any', minConfidence: '0', documentId: ids.id }) },
};

/** Every path to a leaf of a JSON value (the fields one can replace), as key lists. */
function leafPaths(v: unknown, prefix: Array<string | number> = []): Array<Array<string | number>> {
  if (v === null || typeof v !== 'object') return [prefix];
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  return entries.flatMap(([k, x]) => leafPaths(x, [...prefix, k]));
}
const setAt = (root: any, path: Array<string | number>, v: unknown) => {
  let o = root;
  for (const k of path.slice(0, -1)) o = o[k];
  o[path[path.length - 1]] = v;
};

test('a hostile value in any one field of any route (NUL, lone surrogate, deep nesting, huge) never answers 5xx; unstorable text is refused with 400 naming the field, and refused input changes nothing stored', async () => {
  const routes = Object.keys(VALID);
  expect(routes.filter((r) => !restRoutes().includes(r))).toEqual([]);
  const hostile = fc.oneof(
    { weight: 3, arbitrary: unstorable.map((v) => ({ kind: 'unstorable' as const, v })) },
    { weight: 1, arbitrary: huge.map((v) => ({ kind: 'huge' as const, v })) },
    { weight: 1, arbitrary: hugeNumber.map((v) => ({ kind: 'number' as const, v })) },
    { weight: 1, arbitrary: deep.map((v) => ({ kind: 'deep' as const, v })) },
  );
  const seen = { unstorable: 0, accepted: 0, fields: new Set<string>() };
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...routes), fc.nat(), hostile, async (route, pick, h) => {
      const [method, template] = route.split(' ');
      const path = template.replace(/:(\w+)/g, (_m, name: string) => (name === 'id' && template.startsWith('/api/claims/') ? ids.claim : ids[name]));
      const spec = VALID[route];
      let res: AnyAnswer;
      let field: string;
      const before = await fingerprint();
      if (spec.query) {
        const query = spec.query();
        const keys = Object.keys(query);
        const key = keys[pick % keys.length];
        field = `querystring.${key}`;
        // A URL carries text only, and a lone surrogate cannot be percent-encoded: NUL is the unstorable case here.
        query[key] = h.kind === 'unstorable' ? h.v.replace(/[\uD800-\uDFFF]/g, '\u0000') : h.kind === 'deep' ? JSON.stringify(h.v).slice(0, 4000) : String(h.v).slice(0, 4000);
        res = (await team.lead.request(method, `${path}?${new URLSearchParams(query)}`)) as AnyAnswer;
      } else {
        const body = spec.body!();
        const paths = leafPaths(body);
        const at = paths[pick % paths.length];
        field = `body.${at.join('.')}`;
        setAt(body, at, h.v);
        res = (await team.lead.request(method, path, { json: body })) as AnyAnswer;
      }
      seen.fields.add(`${route} ${field}`);
      const where = `${route} ${field} (${h.kind}): ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
      expect(res.status, where).toBeLessThan(500);
      if (h.kind === 'unstorable') {
        seen.unstorable++;
        expect(res.status, where).toBe(400);
        expect(res.body?.error?.code, where).toBe('validation_error');
        expect(JSON.stringify(res.body?.error), where).toContain(field);
      }
      if (res.status >= 400) expect(await fingerprint(), `${where} changed stored data`).toBe(before);
      else seen.accepted++;
    }),
    { numRuns: 300 },
  );
  expect(seen.unstorable).toBeGreaterThan(100);
  expect(seen.fields.size).toBeGreaterThan(40);
  console.log(`fuzz-rest (hostile fields): 300 requests, ${seen.unstorable} with unstorable text, ${seen.accepted} accepted, ${seen.fields.size} distinct route fields`);
}, 600_000);
