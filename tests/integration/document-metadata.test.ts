import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';

// A document's metadata (issue 14 item 1): source URL, authors and the source's date, set at import and editable later.

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
const text = 'The council said 6,000 flats were built in 2023.';

beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(async () => {
  await app?.close();
});

test('a pasted document carries its source, authors and publication date; an uploaded one takes them as form fields', async () => {
  const pasted = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, {
    title: 'Housing',
    text,
    sourceUrl: 'https://news.example/housing',
    authors: ['Ada Lovelace', 'Ben Okri'],
    sourcePublishedOn: '2024-03-05',
  });
  expect(pasted.status).toBe(201);
  expect(pasted.body.document).toMatchObject({ sourceUrl: 'https://news.example/housing', authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2024-03-05' });

  const uploaded = await team.annotator.upload(`/api/workspaces/${team.wid}/documents`, 'housing.txt', text, 'text/plain', { authors: 'Ada Lovelace; Ben Okri', sourcePublishedOn: '2024-03-06' });
  expect(uploaded.status).toBe(201);
  expect(uploaded.body.document).toMatchObject({ title: 'housing', authors: ['Ada Lovelace', 'Ben Okri'], sourcePublishedOn: '2024-03-06' });

  const plain = await team.annotator.post(`/api/workspaces/${team.wid}/documents`, { title: 'Plain', text });
  expect(plain.body.document).toMatchObject({ authors: [], sourcePublishedOn: null });
});

test('annotators and leads edit the metadata later; viewers cannot; bad values are refused and change nothing', async () => {
  const created = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: '000 d5578254a96d59e2', text });
  const id = created.body.document!.id;

  const renamed = await team.annotator.patch(`/api/documents/${id}`, { title: 'Council housing report', authors: ['C. Reporter'], sourcePublishedOn: '2023-12-31', sourceUrl: 'https://council.example/report' });
  expect(renamed.status).toBe(200);
  expect(renamed.body.document).toMatchObject({ title: 'Council housing report', authors: ['C. Reporter'], sourcePublishedOn: '2023-12-31', sourceUrl: 'https://council.example/report' });

  expect((await team.viewer.patch(`/api/documents/${id}`, { title: 'Mine now' })).status).toBe(403);
  for (const bad of [{ sourcePublishedOn: '31/12/2023' }, { sourceUrl: 'javascript:alert(1)' }, { title: '' }, { authors: ['a\u0000b'] }, {}, { text: 'new text' }]) {
    const res = await team.lead.patch(`/api/documents/${id}`, bad);
    expect(res.status, JSON.stringify(bad)).toBe(400);
    expect(res.body.error?.code).toEqual(expect.any(String));
  }
  const cleared = await team.lead.patch(`/api/documents/${id}`, { sourceUrl: null, sourcePublishedOn: null });
  expect(cleared.body.document).toMatchObject({ title: 'Council housing report', sourceUrl: null, sourcePublishedOn: null, authors: ['C. Reporter'] });
  expect((await team.viewer.get(`/api/documents/${id}`)).body.document!.title).toBe('Council housing report');
});

test("the ClaimReview export cites the source's authors and date, never the import date", async () => {
  const doc = await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Dated', text, sourceUrl: 'https://news.example/dated', authors: ['Ada Lovelace'], sourcePublishedOn: '2020-01-02' });
  const documentId = doc.body.document!.id;
  const claim = await team.annotator.post(`/api/documents/${documentId}/claims`, { exact: '6,000 flats' });
  const claimId = claim.body.claim!.id;
  // Only a published claim with a rating chosen at sign-off is exported as a review.
  const signed = await team.lead.post(`/api/claims/${claimId}/status`, { status: 'verified', rationale: 'The register says so.', rating: 'accurate', confirm: true });
  expect(signed.status).toBe(200);
  expect((await team.lead.post(`/api/claims/${claimId}/publish`)).status).toBe(200);
  const exported = await team.viewer.get(`/api/workspaces/${team.wid}/export?format=claimreview&status=any&documentId=${documentId}`);
  const [review] = exported.body as Array<{ itemReviewed: { datePublished?: string; author?: unknown } }>;
  expect(review.itemReviewed.datePublished).toBe('2020-01-02');
  expect(review.itemReviewed.author).toEqual([{ '@type': 'Person', name: 'Ada Lovelace' }]);
});
