import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsOf, readClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles, type ValidationDetails } from '../helpers/client';
import { connect, eventually, synced, type CollabClient } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
let otherDocumentId: string;
const text = 'The dredging contract was expected to take 14 months; it has now taken 22. The contractor blames the weather. It has taken 22.';
let live: CollabClient;

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Wall', text })).body.document.id;
  otherDocumentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Minutes', text: 'Minutes: the contractor reported 19 months of dredging.' })).body.document.id;
  live = await connect(app.url, documentId, team.viewer);
  await synced(live);
});
afterAll(async () => {
  live?.destroy();
  await app?.close();
});

describe('REST writes go through the live document', () => {
  test('a claim created by quote appears in an open client, with anchor, creator and status', async () => {
    const res = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'expected to take 14 months', confidence: 30, note: 'Check the tender.' });
    expect(res.status).toBe(201);
    const claim = res.body.claim;
    expect(claim).toMatchObject({
      documentId,
      anchor: { start: text.indexOf('expected'), end: text.indexOf('expected') + 26, exact: 'expected to take 14 months', prefix: 'The dredging contract was ' },
      status: 'open',
      confidence: 30,
      note: 'Check the tender.',
      createdBy: { id: team.annotator.user!.id, name: 'annotator' },
      evidence: [],
      votes: [],
      revealed: false,
      tally: { count: 0 },
    });
    await eventually(() => claimsOf(live.doc).has(claim.id), 1000, 'claim in the open client within a second');
    expect(readClaim(claimsOf(live.doc).get(claim.id)!)).toMatchObject({ confidence: 30, note: 'Check the tender.', status: 'open' });
  });

  test('a claim by offsets, then PATCH and evidence, each reach the open client; DELETE removes it', async () => {
    const start = text.indexOf('The contractor');
    const created = (await team.annotator.post(`/api/documents/${documentId}/claims`, { start, end: start + 33 })).body.claim;
    expect(created.anchor.exact).toBe('The contractor blames the weather');
    const patched = await team.annotator.patch(`/api/claims/${created.id}`, { confidence: 80, note: 'Weather data says otherwise.', tags: ['weather'] });
    expect(patched.status).toBe(200);
    expect(patched.body.claim).toMatchObject({ confidence: 80, note: 'Weather data says otherwise.', tags: ['weather'] });
    await eventually(() => claimsOf(live.doc).get(created.id)?.get('confidence') === 80, 1000, 'patched confidence');

    const link = await team.annotator.post(`/api/claims/${created.id}/evidence`, { kind: 'url', stance: 'refutes', url: 'https://example.org/met-office', title: 'Met office records' });
    expect(link.status).toBe(201);
    expect(link.body.evidence).toMatchObject({ kind: 'url', stance: 'refutes', title: 'Met office records', addedBy: { id: team.annotator.user!.id } });
    const passage = await team.annotator.post(`/api/claims/${created.id}/evidence`, { kind: 'document', stance: 'context', documentId: otherDocumentId, start: 9, end: 51 });
    expect(passage.status).toBe(201);
    expect(passage.body.evidence.anchor?.exact).toBe('the contractor reported 19 months of dredg');
    await eventually(() => readClaim(claimsOf(live.doc).get(created.id)!).evidence.length === 2, 1000, 'evidence in the client');

    const history = (await team.viewer.get(`/api/claims/${created.id}/history`)).body.events;
    const actions = history.map((e: { action: string }) => e.action);
    expect(actions[0]).toBe('created');
    // One PATCH changes three fields in one transaction: three entries, in the order Yjs reports them.
    expect(actions.slice(1, 4).sort()).toEqual(['confidence_changed', 'note_edited', 'tags_changed']);
    expect(actions.slice(4)).toEqual(['evidence_added', 'evidence_added']);
    const confidence = history.find((e: { action: string }) => e.action === 'confidence_changed');
    expect(confidence).toMatchObject({ from: null, to: 80, user: { id: team.annotator.user!.id, name: 'annotator' } });

    expect((await team.annotator.delete(`/api/claims/${created.id}`)).status).toBe(204);
    await eventually(() => !claimsOf(live.doc).has(created.id), 1000, 'claim gone from the client');
    expect((await team.viewer.get(`/api/claims/${created.id}`)).status).toBe(404);
    const after = (await team.viewer.get(`/api/claims/${created.id}/history`)).body.events;
    expect(after.at(-1)?.action).toBe('deleted');
  });
});

describe('REST claim errors', () => {
  test('a quote that is not in the text is 422 anchor_not_found; one that occurs twice without context is 422 anchor_ambiguous', async () => {
    const missing = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'the wall will be finished by 2031' });
    expect(missing.status).toBe(422);
    expect(missing.body.error?.code).toBe('anchor_not_found');
    const twice = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'taken 22' });
    expect(twice.status).toBe(422);
    expect(twice.body.error?.code).toBe('anchor_ambiguous');
    const withContext = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'taken 22', prefix: 'It has ' });
    expect(withContext.status).toBe(201);
    expect(withContext.body.claim.anchor.start).toBe(text.lastIndexOf('taken 22'));
  });

  test('offsets outside the text, or an empty body, are rejected without creating anything', async () => {
    const before = (await team.viewer.get(`/api/documents/${documentId}/claims`)).body.claims.length;
    const outside = await team.annotator.post(`/api/documents/${documentId}/claims`, { start: 10, end: 10_000 });
    expect(outside.status).toBe(422);
    const empty = await team.annotator.post(`/api/documents/${documentId}/claims`, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error?.code).toBe('validation_error');
    const badConfidence = await team.annotator.post(`/api/documents/${documentId}/claims`, { start: 0, end: 3, confidence: 101 });
    expect(badConfidence.status).toBe(400);
    expect((await team.viewer.get(`/api/documents/${documentId}/claims`)).body.claims.length).toBe(before);
  });

  test('a viewer cannot write claims (403); an outsider sees 404 for the document and the claim', async () => {
    const claim = (await team.lead.post(`/api/documents/${documentId}/claims`, { start: 0, end: 12 })).body.claim;
    const write = await team.viewer.post(`/api/documents/${documentId}/claims`, { start: 0, end: 3 });
    expect(write.status).toBe(403);
    expect((await team.viewer.patch(`/api/claims/${claim.id}`, { confidence: 1 })).status).toBe(403);
    expect((await team.viewer.delete(`/api/claims/${claim.id}`)).status).toBe(403);
    for (const res of [
      await team.outsider.get(`/api/documents/${documentId}/claims`),
      await team.outsider.get(`/api/claims/${claim.id}`),
      await team.outsider.get(`/api/claims/${claim.id}/history`),
      await team.outsider.patch(`/api/claims/${claim.id}`, { confidence: 1 }),
      await team.outsider.post(`/api/claims/${claim.id}/evidence`, { kind: 'quote', stance: 'supports', excerpt: 'x' }),
    ]) {
      expect(res.status).toBe(404);
    }
    expect((await team.lead.get(`/api/claims/${randomUUID()}`)).status).toBe(404);
  });

  test('evidence without what its kind needs is 400; a passage of another workspace’s document is 404', async () => {
    const claim = (await team.lead.post(`/api/documents/${documentId}/claims`, { start: 0, end: 12 })).body.claim;
    const noUrl = await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'url', stance: 'supports' });
    expect(noUrl.status).toBe(400);
    expect((noUrl.body.error?.details as ValidationDetails)[0].path).toBe('body.url');
    const badStance = await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'quote', stance: 'maybe', excerpt: 'x' });
    expect(badStance.status).toBe(400);
    const foreignWs = (await team.outsider.get('/api/workspaces')).body.workspaces[0].id;
    const foreignDoc = (await team.outsider.post(`/api/workspaces/${foreignWs}/documents`, { title: 'Theirs', text: 'Their secret text.' })).body.document.id;
    const foreign = await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'document', stance: 'supports', documentId: foreignDoc, start: 0, end: 5 });
    expect(foreign.status).toBe(404);
    expect((await team.viewer.get(`/api/claims/${claim.id}`)).body.claim.evidence).toEqual([]);
  });
});
