import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';

// GET /api/documents/:id/claim-anchors: what the reader paints first (the claims' places and
// statuses, from the projection), for every member, without deleted claims.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
let documentId: string;
const text = 'The harbour wall will protect 38,000 homes from a flood. It will cost 1.2 billion euros, officials confirmed. Dredging took 19 months.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
  documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Harbour', text })).body.document.id;
});
afterAll(async () => {
  await app?.close();
});

describe('claim anchors', () => {
  test('a viewer gets each claim\'s offsets, version, status and review flag in text order; a deleted claim is left out', async () => {
    const later = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'Dredging took 19 months' })).body.claim;
    const first = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: '38,000 homes' })).body.claim;
    const gone = (await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: '1.2 billion euros' })).body.claim;
    expect((await team.annotator.request('DELETE', `/api/claims/${gone.id}`)).status).toBe(204);

    const answer = await team.viewer.get(`/api/documents/${documentId}/claim-anchors`);
    expect(answer.status).toBe(200);
    const start = text.indexOf('38,000 homes');
    expect(answer.body.anchors).toEqual([
      { id: first.id, start, end: start + '38,000 homes'.length, version: 1, status: 'open', review: false },
      { id: later.id, start: text.indexOf('Dredging'), end: text.indexOf('Dredging') + 'Dredging took 19 months'.length, version: 1, status: 'open', review: false },
    ]);
  });

  test('someone outside the workspace gets 404', async () => {
    expect((await team.outsider.get(`/api/documents/${documentId}/claim-anchors`)).status).toBe(404);
  });
});
