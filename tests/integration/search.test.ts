import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { anchorFromRange } from '../../server/anchoring';
import { claimSearchQuery, documentSearchQuery } from '../../server/search/repository';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
let live: CollabClient;
const text =
  'The harbour authority said that 14,000 containers passed through the port in March. ' +
  'Officials confirmed that the new breakwater cost 80 million. The dredging contract went to a local firm.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Harbour statistics', text })).body.document.id;
  live = await connect(app.url, documentId, team.annotator);
  await synced(live);
});
afterAll(async () => {
  live?.destroy();
  await app?.close();
});

const search = (q: string, extra = '') => team.viewer.get(`/api/workspaces/${team.wid}/search?q=${encodeURIComponent(q)}${extra}`);
const claimIds = (res: { body: unknown }) => (res.body as { results: Array<{ claim: { id: string } }> }).results.map((r) => r.claim.id);
const claimAt = async (exact: string) => (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact })).body.claim as { id: string };
const plan = async (query: ReturnType<typeof sql>) => {
  // A tiny test table is cheaper to scan than to look up, so the planner is told not to scan:
  // what this shows is that the index can serve the query, as it does on a large workspace.
  return app.database.db.transaction(async (tx) => {
    await tx.execute(sql`set local enable_seqscan = off`);
    const rows = (await tx.execute(sql`explain ${query}`)) as unknown as { rows: Array<Record<string, string>> };
    return rows.rows.map((r) => Object.values(r)[0]).join('\n');
  });
};

describe('full-text search on the stored index', () => {
  test('finds a claim by its quote, note, evidence and comments, and ranks the quote above a comment', async () => {
    const containers = await claimAt('14,000 containers passed through the port');
    await team.annotator.patch(`/api/claims/${containers.id}`, { note: 'Compare with the customs ledger' });
    await team.annotator.post(`/api/claims/${containers.id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://example.org/ledger', title: 'Quarterly tonnage tables' });
    await team.annotator.post(`/api/claims/${containers.id}/comments`, { body: 'The stevedores union disputes the count.' });
    const breakwater = await claimAt('the new breakwater cost 80 million');
    await team.annotator.post(`/api/claims/${breakwater.id}/comments`, { body: 'Ask about the containers too.' });

    for (const q of ['containers', 'customs ledger', 'tonnage', 'stevedores']) expect(claimIds(await search(q))).toContain(containers.id);
    // The quote (weight A) ranks above a comment (weight D) for the same word.
    expect(claimIds(await search('containers'))).toEqual([containers.id, breakwater.id]);
    const hit = (await search('stevedores')).body.results[0];
    expect(hit.snippet).toContain('«stevedores»');
    expect(hit.document).toEqual({ id: documentId, title: 'Harbour statistics' });
    expect(claimIds(await search('stevedores', '&status=verified'))).toEqual([]);
  });

  test('finds documents by their title and text, with a snippet of the text', async () => {
    const res = await search('dredging');
    expect(res.status).toBe(200);
    expect(res.body.documents).toEqual([{ document: { id: documentId, title: 'Harbour statistics' }, snippet: expect.stringContaining('«dredging»') }]);
    expect((await search('statistics')).body.documents.map((d: { document: { id: string } }) => d.document.id)).toEqual([documentId]);
    expect((await search('volcano')).body.documents).toEqual([]);
    // Without words there is nothing to match documents on.
    expect((await team.viewer.get(`/api/workspaces/${team.wid}/search`)).body.documents).toEqual([]);
    // Another workspace's documents are never found.
    const { body } = await team.outsider.get('/api/workspaces');
    const elsewhere = body.workspaces[0].id;
    expect((await team.outsider.get(`/api/workspaces/${elsewhere}/search?q=dredging`)).body.documents).toEqual([]);
  });

  test('the claim and document queries are served by their GIN indexes', async () => {
    const claimsPlan = await plan(claimSearchQuery(team.wid, 'harbour containers', { limit: 50 }));
    expect(claimsPlan).toContain('claim_search_body_idx');
    const documentsPlan = await plan(documentSearchQuery(team.wid, 'dredging', 10));
    expect(documentsPlan).toContain('document_search_body_idx');
  });

  test('an edit over the shared document is found at once, and the words it removed no longer are', async () => {
    const id = randomUUID();
    const start = text.indexOf('The dredging');
    claimsOf(live.doc).set(id, newClaim({ id, anchor: anchorFromRange(text, start, start + 'The dredging contract'.length) }));
    const note = () => claimsOf(live.doc).get(id)!.get('note') as Y.Text;
    note().insert(0, 'Tender documents mention a sandbank');
    await eventually(async () => claimIds(await search('sandbank')).includes(id), 10_000, 'the note found');
    live.doc.transact(() => {
      note().delete(0, note().length);
      note().insert(0, 'Tender documents mention a lighthouse');
    });
    await eventually(async () => claimIds(await search('lighthouse')).includes(id), 10_000, 'the new note found');
    expect(claimIds(await search('sandbank'))).not.toContain(id);
    // Deleting the claim from the shared document removes it from search.
    claimsOf(live.doc).delete(id);
    await eventually(async () => !claimIds(await search('lighthouse')).includes(id), 10_000, 'the deleted claim gone');
  });

  test('a claim written straight into the database (not through the app) is indexed by the triggers', async () => {
    const id = randomUUID();
    await app.database.db.execute(sql`insert into claims (id, document_id, start, "end", exact, note) values (${id}, ${documentId}, 0, 3, 'The', 'quayside cranes')`);
    expect(claimIds(await search('quayside'))).toContain(id);
    await app.database.db.execute(sql`update claims set note = 'gantry cranes' where id = ${id}`);
    expect(claimIds(await search('quayside'))).not.toContain(id);
    expect(claimIds(await search('gantry'))).toContain(id);
  });
});

describe('what a careless or hostile searcher sends', () => {
  test('NUL and an over-long query are refused with a validation error; a lone surrogate is never a 5xx', async () => {
    for (const q of ['port\u0000', 'x'.repeat(501)]) {
      const res = await search(q);
      expect(res.status).toBe(400);
      expect(res.body.error?.code).toBe('validation_error');
      expect(res.body.error?.message).toMatch(/querystring\.q/);
    }
    // A lone surrogate cannot be percent-encoded as UTF-8: its raw bytes are sent instead.
    const raw = await team.viewer.get(`/api/workspaces/${team.wid}/search?q=port%ED%A0%80`);
    expect([200, 400]).toContain(raw.status);
  });

  test('query operators, stop words alone and punctuation are plain searches, never errors', async () => {
    for (const q of ['!', '&|', "'", '"unclosed', 'a <-> b', 'containers:*', '(((', 'the and of', '-', 'OR', '\\', '%_', '😀', 'containers -stevedores']) {
      const res = await search(q);
      expect(res.status, q).toBe(200);
      expect(Array.isArray(res.body.results)).toBe(true);
    }
    expect((await search('the and of')).body.results).toEqual([]);
  });

  test('text too large for one tsvector is capped, never refused: a huge document and a huge note of distinct words', async () => {
    // 1.3 million characters of distinct words: more than the 1 MB a tsvector can hold, were it not capped.
    const words = Array.from({ length: 72_000 }, (_, i) => `w${i.toString(36)}q${(i * 7919).toString(36)}x${(i * 104_729).toString(36)}`);
    const huge = `${words.join(' ')} zebrafish`;
    expect(huge.length).toBeGreaterThan(1_200_000);
    const created = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Huge', text: huge });
    expect(created.status).toBe(201);
    const hugeId = created.body.document.id;
    // Its first 240,000 characters are searchable; a word past them is not.
    const ids = async (q: string) => (await search(q)).body.documents.map((d: { document: { id: string } }) => d.document.id);
    expect(await ids(words[10])).toContain(hugeId);
    expect(await ids('zebrafish')).not.toContain(hugeId);

    const claim = await claimAt('the port in March');
    const note = words.slice(0, 4_000).join(' ');
    expect(note.length).toBeLessThanOrEqual(100_000);
    expect((await team.annotator.patch(`/api/claims/${claim.id}`, { note })).status).toBe(200);
    expect(claimIds(await search(words[5]))).toContain(claim.id);
  });
});
