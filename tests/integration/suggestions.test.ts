import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

test('suggestions offer check-worthy sentences, linked footnotes, and a claim’s footnote as evidence', async () => {
  const report = readFileSync(new URL('../../server/demo/heat-report.md', import.meta.url));
  const doc = (await team.annotator.upload(`/api/workspaces/${team.wid}/documents`, 'heat-report.md', report, 'text/markdown')).body.document;
  const claim = (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: 'excess deaths concentrated among residents over 75 living alone' })).body.claim;

  const res = await team.viewer.get(`/api/documents/${doc.id}/suggestions`);
  expect(res.status).toBe(200);
  const { claims, citations, evidence } = res.body;
  expect(citations).toHaveLength(9);
  expect(claims.length).toBeGreaterThan(3);
  // A sentence that is already a claim is not suggested again.
  expect(claims.some((s: { exact: string }) => s.exact.includes('excess deaths'))).toBe(false);
  expect(evidence).toEqual([{ claimId: claim.id, citation: expect.objectContaining({ marker: expect.objectContaining({ label: '6' }) }) }]);

  // One click to attach: the footnote becomes a quotation evidence; then it is no longer offered.
  const footnote = evidence[0].citation.footnote;
  const attached = await team.annotator.post(`/api/claims/${claim.id}/evidence`, { kind: 'quote', stance: 'supports', excerpt: footnote.text, title: 'Footnote 6' });
  expect(attached.status).toBe(201);
  expect((await team.viewer.get(`/api/documents/${doc.id}/suggestions`)).body.evidence).toEqual([]);
  expect((await team.outsider.get(`/api/documents/${doc.id}/suggestions`)).status).toBe(404);
});
