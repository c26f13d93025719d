import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { claimsOf, newClaim, readClaim } from '../../server/shared/claim-doc';
import { CloseCode } from '../../server/shared/collab-protocol';
import { documentVersionOf, DOCUMENT_KEY } from '../../server/shared/document-version';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, nextClose, synced } from '../helpers/collab';

// Anchors belong to a version: every claim records the document version its offsets count in,
// in the shared document and in `claims.anchor_version`, and the REST reply carries it.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

const v1 = 'The barrier will protect 38,000 homes from storm surges. It will cost 1.2 billion euros. It will be finished by 2031, officials said.';
const v2 = 'Updated on Tuesday. The barrier will protect 38,000 homes from storm surges. It will be finished by 2033, officials said. A new sentence ends it.';
const v3 = 'Updated again. The barrier will protect 38,000 homes from storm surges. It will be finished by 2033, officials said.';

const restClaim = async (id: string) => (await team.viewer.get(`/api/claims/${id}`)).body.claim;

describe('claims and the document version their anchor is on', () => {
  let documentId: string;
  const ids: Record<'homes' | 'cost' | 'date', string> = {} as never;

  beforeAll(async () => {
    documentId = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Wall', text: v1 })).body.document.id;
    for (const [key, exact] of [['homes', '38,000 homes'], ['cost', 'It will cost 1.2 billion euros.'], ['date', 'finished by 2031']] as const) {
      const res = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact });
      expect(res.status).toBe(201);
      ids[key] = res.body.claim.id;
    }
  });

  test('a new claim is on the document version it was made on, and the REST reply says so', async () => {
    const created = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'storm surges' });
    expect(created.body.claim.anchor).toMatchObject({ exact: 'storm surges', version: 1 });
    expect((await restClaim(ids.homes)).anchor.version).toBe(1);
    await team.annotator.delete(`/api/claims/${created.body.claim.id}`);
  });

  test('a new version moves re-anchored claims to it; flagged ones keep their old version; every open reader is told who uploaded it', async () => {
    const live = await connect(app.url, documentId, team.viewer);
    await synced(live);
    expect(documentVersionOf(live.doc)).toBeNull();

    const res = await team.annotator.post(`/api/documents/${documentId}/versions`, { text: v2 });
    expect(res.status).toBe(200);
    expect(res.body.document.version).toBe(2);

    const homes = await restClaim(ids.homes);
    expect(homes.anchor).toMatchObject({ start: v2.indexOf('38,000 homes'), version: 2 });
    expect(homes.review).toBeNull();
    const cost = await restClaim(ids.cost);
    expect(cost.anchor).toMatchObject({ exact: 'It will cost 1.2 billion euros.', start: v1.indexOf('It will cost'), version: 1 });
    expect(cost.review).toMatchObject({ fromVersion: 1, old: { version: 1 }, candidate: null });
    const date = await restClaim(ids.date);
    expect(date.anchor).toMatchObject({ exact: 'finished by 2031', version: 1 });
    expect(date.review?.candidate?.anchor).toMatchObject({ exact: 'finished by 2033', version: 2 });

    await eventually(() => documentVersionOf(live.doc)?.version === 2, 5000, 'version announced');
    expect(documentVersionOf(live.doc)).toMatchObject({ version: 2, uploadedBy: { id: team.annotator.user!.id, name: team.annotator.user!.name } });
    expect(Number.isNaN(Date.parse(documentVersionOf(live.doc)!.uploadedAt))).toBe(false);
    await eventually(() => readClaim(claimsOf(live.doc).get(ids.homes)!).anchor.version === 2, 5000, 'moved anchor live');
    expect(readClaim(claimsOf(live.doc).get(ids.cost)!).anchor.version).toBe(1);
    live.destroy();
  });

  test('claims made after the new version, over REST or by a client, are on it', async () => {
    const rest = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: 'A new sentence ends it.' });
    expect(rest.body.claim.anchor).toMatchObject({ start: v2.indexOf('A new sentence'), version: 2 });

    const writer = await connect(app.url, documentId, team.annotator);
    await synced(writer);
    const id = crypto.randomUUID();
    const start = v2.indexOf('Updated on Tuesday.');
    const anchor = { start, end: start + 'Updated on Tuesday.'.length, exact: 'Updated on Tuesday.', prefix: '', suffix: ' The barrier', version: 2 };
    claimsOf(writer.doc).set(id, newClaim({ id, anchor }));
    await eventually(async () => (await team.viewer.get(`/api/claims/${id}`)).status === 200, 5000, 'client claim projected');
    expect((await restClaim(id)).anchor).toMatchObject({ exact: 'Updated on Tuesday.', version: 2 });
    writer.destroy();
  });

  test('accepting a candidate puts the claim on the current version', async () => {
    const date = await restClaim(ids.date);
    const { start, end } = date.review!.candidate!.anchor;
    const settled = await team.annotator.post(`/api/claims/${ids.date}/anchor`, { start, end });
    expect(settled.status).toBe(200);
    expect(settled.body.claim.anchor).toMatchObject({ exact: 'finished by 2033', version: 2 });
    expect(settled.body.claim.review).toBeNull();
  });

  test('a claim still waiting for review from version 1 keeps version 1 through a third version', async () => {
    const res = await team.annotator.post(`/api/documents/${documentId}/versions`, { text: v3 });
    expect(res.status).toBe(200);
    const cost = await restClaim(ids.cost);
    expect(cost.anchor).toMatchObject({ version: 1, start: v1.indexOf('It will cost') });
    expect(cost.review).toMatchObject({ fromVersion: 1, old: { version: 1 } });
    expect((await restClaim(ids.homes)).anchor).toMatchObject({ start: v3.indexOf('38,000 homes'), version: 3 });
    expect((await restClaim(ids.date)).anchor).toMatchObject({ exact: 'finished by 2033', version: 3 });
  });

  test('the version list says who uploaded each version, and every earlier version’s text can be read', async () => {
    const list = await team.viewer.get(`/api/documents/${documentId}/versions`);
    expect(list.status).toBe(200);
    expect(list.body.versions.map((v) => [v.version, v.current, v.uploadedBy?.id])).toEqual([
      [1, false, team.lead.user!.id],
      [2, false, team.annotator.user!.id],
      [3, true, team.annotator.user!.id],
    ]);
    const first = await team.viewer.get(`/api/documents/${documentId}/versions/1`);
    expect(first.status).toBe(200);
    expect(first.body.version).toMatchObject({ version: 1, current: false, text: v1 });
    expect((await team.viewer.get(`/api/documents/${documentId}/versions/2`)).body.version.text).toBe(v2);
    expect((await team.viewer.get(`/api/documents/${documentId}/versions/3`)).body.version).toMatchObject({ current: true, text: v3 });

    const missing = await team.viewer.get(`/api/documents/${documentId}/versions/4`);
    expect(missing.status).toBe(404);
    expect(missing.body.error?.code).toBe('version_not_found');
    expect((await team.viewer.get(`/api/documents/${documentId}/versions/first`)).status).toBe(400);
    const stranger = await team.outsider.get(`/api/documents/${documentId}/versions/1`);
    expect(stranger.status).toBe(404);
    expect(JSON.stringify(stranger.body)).not.toContain('38,000');
  });

  test('a client cannot announce a version: its write to the document root is refused and changes nothing', async () => {
    const forger = await connect(app.url, documentId, team.annotator);
    await synced(forger);
    const closed = nextClose(forger);
    forger.doc.getMap(DOCUMENT_KEY).set('version', 99);
    expect((await closed).code).toBe(CloseCode.invalidContent);
    forger.destroy();

    const reader = await connect(app.url, documentId, team.viewer);
    await synced(reader);
    expect(documentVersionOf(reader.doc)?.version).toBe(3);
    reader.destroy();
  });
});

test('a document that never had a new version announces none, and its claims are on version 1', async () => {
  const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Plain', text: v1 })).body.document;
  const claim = (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: '38,000 homes' })).body.claim;
  expect(claim.anchor.version).toBe(1);
  const live = await connect(app.url, doc.id, team.viewer);
  await synced(live);
  expect(documentVersionOf(live.doc)).toBeNull();
  expect(live.doc.share.has(DOCUMENT_KEY) ? live.doc.getMap(DOCUMENT_KEY).size : 0).toBe(0);
  live.destroy();
  expect((await team.viewer.get(`/api/documents/${doc.id}/versions`)).body.versions).toEqual([
    expect.objectContaining({ version: 1, current: true, uploadedBy: { id: team.lead.user!.id, name: team.lead.user!.name } }),
  ]);
});
