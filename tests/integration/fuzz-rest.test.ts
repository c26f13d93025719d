import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ROUTE_ACCESS } from '../../server/authorization';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';

/**
 * Random and boundary values for every REST route's body, query and params, sent as the lead of
 * the workspace (who may call every route): no answer is a 5xx, and every rejected request leaves
 * the stored data byte-for-byte the same.
 */
let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let ids: Record<string, string>;
const TABLES = ['users', 'workspaces', 'memberships', 'documents', 'document_versions', 'claims', 'evidence', 'votes', 'comments', 'claim_events', 'doc_updates', 'doc_snapshots', 'api_tokens'];

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
async function fingerprint(): Promise<string> {
  const parts: string[] = [];
  for (const table of TABLES) {
    const res = await app.database.db.execute(sql.raw(`select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') as h from ${table} t`));
    parts.push(`${table}:${(res as unknown as { rows: Array<{ h: string }> }).rows[0].h}`);
  }
  return parts.join(',');
}

const boundaryStrings = fc.constantFrom('', ' ', '\u0000', 'a'.repeat(10_001), '../../etc/passwd', '<script>alert(1)</script>', "'; drop table users; --", '\uD800', '00000000-0000-0000-0000-000000000000', 'NaN', '-1', '1e309');
const value = fc.oneof(fc.jsonValue(), boundaryStrings, fc.integer(), fc.double(), fc.constant(null));
const body = fc.oneof(fc.dictionary(fc.oneof(fc.constantFrom('title', 'text', 'format', 'exact', 'start', 'end', 'confidence', 'note', 'verdict', 'status', 'kind', 'stance', 'url', 'email', 'role', 'name', 'password', 'body', 'replyTo', 'quorum', 'confirm', 'tags'), fc.string()), value), value);
const param = fc.oneof(boundaryStrings, fc.uuid(), fc.string(), fc.constantFrom('wid', 'id', 'claim', 'userId'));

const REST = Object.keys(ROUTE_ACCESS).filter((r) => r.includes(' /api/') && r !== 'POST /api/auth/logout');

test('random and boundary input to every REST route never answers 5xx, and rejected input changes nothing stored', async () => {
  let requests = 0;
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
      const res = await team.lead.request(method, `${path}${qs ? `?${qs}` : ''}`, method === 'GET' || method === 'DELETE' ? {} : { json: b });
      requests++;
      expect(res.status, `${route} ${JSON.stringify(res.body)}`).toBeLessThan(500);
      if (res.status >= 400) {
        // 431 (a URL over Node's 16 KiB header limit) is answered by Node's HTTP parser, before the app.
        if (res.status !== 431) expect(res.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        // A 429 leaves data alone too; sessions are the one table a rejected request may touch (none here).
        expect(await fingerprint(), `${route} changed stored data although it answered ${res.status}`).toBe(before);
      }
    }),
    { numRuns: 150 },
  );
  expect(requests).toBe(150);
}, 300_000);
