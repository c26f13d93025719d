import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditLog, claimEvents, claims, comments, docUpdates, documents, documentVersions, evidence, votes } from '../../db/schema';
import { claimsOf, newClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { startApp, type TestApp } from '../helpers/app';
import { addFactcheckers, Client, workspaceWithRoles } from '../helpers/client';
import { connect, eventually, nextClose, synced } from '../helpers/collab';

// Deleting a document (issue 15 item 3): who may, what goes with it, what stays, and live readers.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let checkers: Client[];
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  checkers = [team.factchecker, ...(await addFactcheckers(app.url, team, ['checker2', 'checker3']))];
});
afterAll(() => app?.close());

const TEXT = 'The council said 6,000 flats were built in 2023. Officials confirmed that 1,200 guards were deployed.';

async function newDocument(title = 'Housing', text = TEXT): Promise<string> {
  const res = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title, text });
  expect(res.status).toBe(201);
  return res.body.document!.id;
}

/** A claim with evidence, a comment, three revealed votes, verified and published. */
async function publishedClaim(documentId: string, exact: string): Promise<string> {
  const created = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact });
  const id: string = created.body.claim!.id;
  await team.annotator.post(`/api/claims/${id}/evidence`, { kind: 'url', stance: 'supports', url: 'https://register.example/2023', excerpt: '5,980 completions' });
  await team.annotator.post(`/api/claims/${id}/comments`, { body: 'checked the register' });
  for (const c of checkers) await c.request('PUT', `/api/claims/${id}/vote`, { json: { verdict: 'accurate' } });
  expect((await team.lead.post(`/api/claims/${id}/status`, { status: 'verified', rationale: 'The register says so.' })).status).toBe(200);
  expect((await team.lead.post(`/api/claims/${id}/publish`)).status).toBe(200);
  return id;
}

/** A claim made live through the shared document, on the first sentence's "6,000 flats". */
function liveClaim(doc: import('yjs').Doc): void {
  const id = crypto.randomUUID();
  const start = TEXT.indexOf('6,000 flats');
  claimsOf(doc).set(id, newClaim({ id, anchor: { start, end: start + 11, exact: '6,000 flats', prefix: 'The council said ', suffix: ' were built', version: 1 } }));
}

const rows = async (table: typeof claims | typeof claimEvents | typeof docUpdates | typeof documentVersions, documentId: string) =>
  (await app.database.db.select({ n: count() }).from(table).where(eq(table.documentId, documentId)))[0].n;
const claimRows = async (table: typeof evidence | typeof votes | typeof comments, claimId: string) =>
  (await app.database.db.select({ n: count() }).from(table).where(eq(table.claimId, claimId)))[0].n;

describe('deleting a document', () => {
  test('only a lead deletes; others get 403, strangers 404, and the document stays', async () => {
    const id = await newDocument();
    for (const member of [team.viewer, team.annotator, team.factchecker]) {
      const res = await member.request('DELETE', `/api/documents/${id}`);
      expect(res.status).toBe(403);
      expect(res.body.error?.code).toBeTruthy();
      expect((await member.get(`/api/documents/${id}/deletion`)).status).toBe(403);
    }
    const stranger = (await workspaceWithRoles(app.url)).lead;
    expect((await stranger.request('DELETE', `/api/documents/${id}`)).status).toBe(404);
    expect((await team.viewer.get(`/api/documents/${id}`)).status).toBe(200);
  });

  test('the preview and the answer count what goes: claims, evidence, votes, comments, published checks, versions; and the citing evidence kept', async () => {
    const id = await newDocument();
    const claimId = await publishedClaim(id, '6,000 flats');
    await team.annotator.post(`/api/documents/${id}/claims`, { exact: '1,200 guards' });
    expect((await team.annotator.post(`/api/documents/${id}/versions`, { text: `${TEXT} A third sentence.` })).status).toBe(200);
    // Another document's claim quotes a passage of this one.
    const other = await newDocument('Elsewhere', 'Guards were deployed, the report said.');
    const citing = await team.annotator.post(`/api/documents/${other}/claims`, { exact: 'Guards were deployed' });
    const citingId: string = citing.body.claim!.id;
    const passage = await team.annotator.post(`/api/claims/${citingId}/evidence`, { kind: 'document', stance: 'supports', documentId: id, start: 72, end: 84 });
    expect(passage.status).toBe(201);

    const preview = await team.lead.get(`/api/documents/${id}/deletion`);
    expect(preview.status).toBe(200);
    const expected = { claims: 2, evidence: 1, votes: 3, comments: 1, published: 1, versions: 2, citedBy: 1 };
    expect(preview.body.deletion).toEqual(expected);

    expect((await new Client(app.url).get(`/fact-checks/${claimId}`, { noOrigin: true })).status).toBe(200);
    const res = await team.lead.request('DELETE', `/api/documents/${id}`);
    expect(res.status).toBe(200);
    expect(res.body.deletion).toEqual(expected);

    expect((await team.lead.get(`/api/documents/${id}`)).status).toBe(404);
    expect((await team.lead.request('DELETE', `/api/documents/${id}`)).status).toBe(404);
    for (const table of [claims, claimEvents, docUpdates, documentVersions] as const) expect(await rows(table, id)).toBe(0);
    for (const table of [evidence, votes, comments] as const) expect(await claimRows(table, claimId)).toBe(0);
    // Its published fact-check and the document's public page are gone.
    expect((await new Client(app.url).get(`/fact-checks/${claimId}`, { noOrigin: true })).status).toBe(404);
    expect((await new Client(app.url).get(`/fact-checks/documents/${id}`, { noOrigin: true })).status).toBe(404);
    // The citing evidence stays, pointing at a document that is gone; its claim reads as before.
    const kept = await team.viewer.get(`/api/claims/${citingId}`);
    expect(kept.status).toBe(200);
    expect(kept.body.claim!.evidence).toEqual([expect.objectContaining({ kind: 'document', documentId: id })]);
    // Who deleted what is kept in the audit log, not tied to the document.
    const [audit] = await app.database.db.select().from(auditLog).where(sql`${auditLog.action} = 'document_deleted' and ${auditLog.detail}->>'documentId' = ${id}`);
    expect(audit).toMatchObject({ userId: expect.any(String), documentId: null, detail: expect.objectContaining({ title: 'Housing', claims: 2 }) });
    // The workspace lists it no more.
    const list = await team.viewer.get(`/api/workspaces/${team.wid}/documents`);
    expect(list.body.documents!.map((d) => d.id)).not.toContain(id);
  });

  test('open connections are closed with 4410, the room is unloaded, and an edit sent meanwhile is never stored', async () => {
    const id = await newDocument();
    const reader = await connect(app.url, id, team.annotator);
    const viewer = await connect(app.url, id, team.viewer);
    await Promise.all([synced(reader), synced(viewer)]);
    expect(app.app.rooms.isLoaded(id)).toBe(true);
    const readerClosed = nextClose(reader);
    const viewerClosed = nextClose(viewer);

    const deleting = team.lead.request('DELETE', `/api/documents/${id}`);
    // An edit racing the deletion: whatever the server received is dropped with the room.
    liveClaim(reader.doc);
    expect((await deleting).status).toBe(200);

    expect(await readerClosed).toMatchObject({ code: CloseCode.documentDeleted });
    expect(await viewerClosed).toMatchObject({ code: CloseCode.documentDeleted });
    expect(app.app.rooms.isLoaded(id)).toBe(false);
    // Give a late commit every chance to happen: nothing of the document is written back.
    await new Promise((r) => setTimeout(r, 200));
    expect(await rows(docUpdates, id)).toBe(0);
    expect((await app.database.db.select({ n: count() }).from(documents).where(eq(documents.id, id)))[0].n).toBe(0);
    // A new connection is refused as for any unknown document.
    const again = await connect(app.url, id, team.annotator);
    const refused = await nextClose(again);
    expect(refused.code).toBe(CloseCode.notFound);
    for (const c of [reader, viewer, again]) c.destroy();
  });

  test('a document with a claim being edited live is deleted without a stall, and the other documents keep saving', async () => {
    const id = await newDocument('Doomed');
    const keep = await newDocument('Kept');
    const a = await connect(app.url, id, team.annotator);
    const b = await connect(app.url, keep, team.annotator);
    await Promise.all([synced(a), synced(b)]);
    const before = await rows(docUpdates, keep);
    expect((await team.lead.request('DELETE', `/api/documents/${id}`)).status).toBe(200);
    liveClaim(b.doc);
    await eventually(async () => (await rows(docUpdates, keep)) > before, 10_000, 'the other document saved');
    expect(b.closes).toEqual([]);
    a.destroy();
    b.destroy();
  });
});

describe('upload limits', () => {
  test('GET /api/limits states the upload size, text length and page limits the server applies', async () => {
    const res = await team.viewer.get('/api/limits');
    expect(res.status).toBe(200);
    expect(res.body.limits).toEqual({ maxUploadBytes: app.config.maxUploadBytes, maxDocumentChars: app.config.jobs.maxDocumentChars, maxPdfPages: app.config.jobs.maxPdfPages });
    expect((await new Client(app.url).get('/api/limits')).status).toBe(401);
  });
});
