import { afterAll, beforeAll, expect, test } from 'vitest';
import { claimsOf, readClaim } from '../../server/shared/claim-doc';
import { startApp, type TestApp } from '../helpers/app';
import { workspaceWithRoles } from '../helpers/client';
import { connect, eventually, synced } from '../helpers/collab';

let app: TestApp;
let team: Awaited<ReturnType<typeof workspaceWithRoles>>;
beforeAll(async () => {
  app = await startApp();
  team = await workspaceWithRoles(app.url);
});
afterAll(() => app?.close());

const v1 = 'The barrier will protect 38,000 homes from storm surges. It will cost 1.2 billion euros. It will be finished by 2031, officials said.';
const v2 = 'Updated on Tuesday. The barrier will protect 38,000 homes from storm surges. It will be finished by 2033, officials said. A new sentence ends it.';

test('a new version re-anchors claims that moved and flags the rest with old and new passages side by side; nothing is dropped', async () => {
  const doc = (await team.lead.post(`/api/workspaces/${team.wid}/documents`, { title: 'Wall', text: v1 })).body.document;
  const homes = (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: '38,000 homes' })).body.claim;
  const cost = (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: 'It will cost 1.2 billion euros.' })).body.claim;
  const date = (await team.annotator.post(`/api/documents/${doc.id}/claims`, { exact: 'finished by 2031' })).body.claim;
  const live = await connect(app.url, doc.id, team.viewer);
  await synced(live);

  const res = await team.annotator.post(`/api/documents/${doc.id}/versions`, { text: v2 });
  expect(res.status).toBe(200);
  expect(res.body.document).toMatchObject({ text: v2, version: 2 });
  expect(res.body.reanchored).toEqual([{ claimId: homes.id, method: 'quote', score: expect.any(Number) }]);
  const flagged = Object.fromEntries(res.body.needsReview.map((r) => [r.claimId, r]));
  expect(Object.keys(flagged).sort()).toEqual([cost.id, date.id].sort());
  expect(flagged[cost.id].review).toMatchObject({ reason: 'not_found', fromVersion: 1, old: { exact: 'It will cost 1.2 billion euros.' }, candidate: null });
  expect(flagged[cost.id].oldPassage).toContain('It will cost 1.2 billion euros.');
  // "2031" became "2033": a changed figure is never re-anchored silently, but offered as the candidate.
  expect(flagged[date.id].review.candidate?.anchor.exact).toBe('finished by 2033');
  expect(flagged[date.id].candidatePassage).toContain('finished by 2033');

  const claims = (await team.viewer.get(`/api/documents/${doc.id}/claims`)).body.claims;
  expect(claims).toHaveLength(3);
  expect(claims.find((c) => c.id === homes.id)).toMatchObject({ anchor: { start: v2.indexOf('38,000 homes') }, review: null });
  expect(claims.find((c) => c.id === cost.id)?.anchor.exact).toBe('It will cost 1.2 billion euros.');
  await eventually(() => readClaim(claimsOf(live.doc).get(homes.id)!).anchor.start === v2.indexOf('38,000 homes'), 2000, 'moved anchor live');
  expect(readClaim(claimsOf(live.doc).get(date.id)!).review?.reason).toBe(flagged[date.id].review.reason);

  // The person accepts the candidate: the claim moves and the flag goes.
  const candidate = flagged[date.id].review.candidate!.anchor;
  const settled = await team.annotator.post(`/api/claims/${date.id}/anchor`, { start: candidate.start, end: candidate.end });
  expect(settled.status).toBe(200);
  expect(settled.body.claim).toMatchObject({ anchor: { exact: 'finished by 2033' }, review: null });
  const history = (await team.viewer.get(`/api/claims/${date.id}/history`)).body.events.map((e) => e.action);
  expect(history).toContain('needs_review');

  expect((await team.annotator.post(`/api/documents/${doc.id}/versions`, { text: v2 })).status).toBe(409);
  expect((await team.viewer.post(`/api/documents/${doc.id}/versions`, { text: 'x' })).status).toBe(403);
  expect((await team.outsider.post(`/api/documents/${doc.id}/versions`, { text: 'x' })).status).toBe(404);
  live.destroy();
});
